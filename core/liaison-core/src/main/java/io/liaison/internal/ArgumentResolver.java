package io.liaison.internal;

import io.liaison.InvalidCallException;
import io.liaison.spi.StoreSession;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models and ids of a call's arguments: the model of a class or an entity the caller passed,
 * the id of an entity or a caller-given id as the model's id type, and the match values of ids read
 * from the store. Each refusal names the argument.
 */
final class ArgumentResolver {
  private final ResolvedSchema resolved;

  ArgumentResolver(ResolvedSchema resolved) {
    this.resolved = resolved;
  }

  ModelMeta meta(Class<?> type) {
    return meta(type, Call.of("model"));
  }

  /** The model of a class the caller named; {@code call} names that argument in errors. */
  ModelMeta meta(Class<?> type, Call call) {
    if (type == null) {
      throw new InvalidCallException(call + ": model class is null");
    }
    ModelMeta m = resolved.models().get(type);
    if (m == null) {
      throw new InvalidCallException(
          call + ": " + type.getName() + " is not a declared model of this schema");
    }
    return m;
  }

  /** The model of an entity the caller passed; {@code call} names that argument in errors. */
  ModelMeta metaOf(Object entity, Call call) {
    for (Class<?> c = entity.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      ModelMeta m = resolved.models().get(c);
      if (m != null) {
        return m;
      }
    }
    throw new InvalidCallException(
        call + ": " + ValueTypes.describe(entity) + " is not an entity of a declared model");
  }

  /** The id of an entity of model m, or a caller-given id converted to m's id type. */
  Object idOf(ModelMeta m, Object entityOrId, Call call) {
    if (entityOrId == null) {
      throw new InvalidCallException(call + " is null");
    }
    if (m.type().isInstance(entityOrId)) {
      Object id = EntityMapper.id(m, entityOrId);
      if (id == null) {
        throw new InvalidCallException(call + ": the " + m.name() + " is unsaved (its id is null)");
      }
      return ValueTypes.isStoredAsIs(id, m.id().type())
          ? id
          : ValueTypes.coerce(id, m.id().type(), call + ": " + m.name() + "." + m.id().name());
    }
    for (Class<?> c = entityOrId.getClass();
        c != null && c != Object.class;
        c = c.getSuperclass()) {
      ModelMeta other = resolved.models().get(c);
      if (other != null) {
        throw new InvalidCallException(
            call + ": expected a " + m.name() + " or its id, but got a " + other.name());
      }
    }
    return idValue(m, entityOrId, call);
  }

  /**
   * A caller-given id as m's id type, exactly ({@link ValueTypes#coerce}). A number for a numeric
   * id, and any text, that does not fit is refused with the converter's reason (out of range, a
   * fraction, NUL...); anything else is neither an entity nor an id of the model.
   */
  Object idValue(ModelMeta m, Object id, Call call) {
    Class<?> type = m.id().type();
    if (ValueTypes.isStoredAsIs(id, type)) {
      return id;
    }
    String label = call + ": " + m.name() + "." + m.id().name();
    boolean idKind =
        id instanceof Number ? Number.class.isAssignableFrom(type) : id instanceof String;
    if (idKind) {
      return ValueTypes.coerce(id, type, label);
    }
    try {
      return ValueTypes.coerce(id, type, label);
    } catch (InvalidCallException e) {
      throw new InvalidCallException(
          label
              + ": "
              + ValueTypes.describe(id)
              + " is neither a "
              + m.name()
              + " nor a "
              + m.name()
              + " id ("
              + type.getSimpleName()
              + ")");
    }
  }

  /**
   * Maps ids to the values of {@code matchAttribute}; one query unless the match attribute is the
   * id and existence need not be proven. Missing ids are refused when {@code mustExist}, else left
   * out.
   */
  Map<Object, Object> matchValues(
      StoreSession s,
      ModelMeta m,
      List<Object> ids,
      String matchAttribute,
      boolean mustExist,
      Call call) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    boolean byId = matchAttribute.equals(m.id().name());
    if (byId && !mustExist) {
      for (Object id : ids) {
        out.put(id, id);
      }
      return out;
    }
    Map<Object, Object> found = new LinkedHashMap<>();
    for (Map<String, Object> row : s.findBy(m.info(), m.id().name(), ids)) {
      Object stored = row.get(m.id().name());
      Object id =
          ValueTypes.isStoredAsIs(stored, m.id().type())
              ? stored
              : ValueTypes.coerce(stored, m.id().type(), call.toString());
      found.put(id, row.get(matchAttribute));
    }
    List<Object> missing = new ArrayList<>();
    for (Object id : ids) {
      if (!found.containsKey(id)) {
        missing.add(id);
      } else {
        Object v = found.get(id);
        if (v == null) {
          throw new InvalidCallException(
              call
                  + ": the "
                  + m.name()
                  + " with id "
                  + ValueTypes.describe(id)
                  + " has no value for key '"
                  + matchAttribute
                  + "'");
        }
        out.put(id, v);
      }
    }
    if (mustExist && !missing.isEmpty()) {
      throw new InvalidCallException(
          call
              + ": no "
              + m.name()
              + " with id"
              + (missing.size() == 1 ? " " : "s ")
              + (missing.size() <= 10
                  ? missing.toString()
                  : missing.subList(0, 10) + " and " + (missing.size() - 10) + " more"));
    }
    return out;
  }
}

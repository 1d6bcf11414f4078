package io.liaison.internal;

import io.liaison.InvalidCallException;
import io.liaison.LiaisonException;
import io.liaison.Query;
import io.liaison.Session;
import io.liaison.Where;
import io.liaison.spi.StoreSession;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entity operations of a {@link Session}: insert, find, count, update and delete, each checking
 * its arguments before it asks the store anything.
 */
final class EntityOperations {
  private final InternalSession session;
  private final ArgumentResolver resolve;
  private final Filters filters;

  EntityOperations(InternalSession session) {
    this.session = session;
    this.resolve = session.resolve;
    this.filters = session.filters;
  }

  <T> T insert(T entity) {
    Call call = Call.of("insert(entity)");
    insertAll(List.of(call.notNull(entity)), call);
    return entity;
  }

  <T> List<T> insertAll(List<T> entities) {
    if (entities == null) {
      throw new InvalidCallException("insertAll(entities): entities is null");
    }
    return insertAll(entities, Call.of("insertAll").about("an entity"));
  }

  /** {@code entity} names the entity argument in errors. */
  private <T> List<T> insertAll(List<T> entities, Call entity) {
    Map<ModelMeta, List<Object>> byModel = new LinkedHashMap<>();
    for (Object e : entities) {
      byModel
          .computeIfAbsent(resolve.metaOf(entity.notNull(e), entity), k -> new ArrayList<>())
          .add(e);
    }
    if (byModel.isEmpty()) {
      return entities;
    }
    session.run(
        s -> {
          byModel.forEach(
              (m, list) -> insertRows(s, m, list, null, Call.of("insert(" + m.name() + ")")));
          return null;
        });
    return entities;
  }

  /**
   * Inserts entities of one model, each row extended by {@code extra} attributes; returns the
   * stored rows. {@code call} is named in a refusal.
   */
  List<Map<String, Object>> insertRows(
      StoreSession s, ModelMeta m, List<?> entities, Map<String, Object> extra, Call call) {
    List<Map<String, Object>> rows = new ArrayList<>(entities.size());
    for (Object e : entities) {
      boolean storeGenerates = EntityMapper.prepareId(m, e);
      Map<String, Object> row = EntityMapper.toRow(m, e, !storeGenerates, call);
      if (extra != null) {
        row.putAll(extra);
      }
      rows.add(row);
    }
    List<Map<String, Object>> stored = s.insert(m.info(), rows);
    if (stored.size() != rows.size()) {
      throw new LiaisonException(
          "Adapter returned "
              + stored.size()
              + " rows for "
              + rows.size()
              + " inserted "
              + m.name());
    }
    for (int i = 0; i < stored.size(); i++) {
      EntityMapper.setId(m, entities.get(i), stored.get(i).get(m.id().name()));
    }
    return stored;
  }

  <T> Optional<T> find(Class<T> model, Object id) {
    ModelMeta m = resolve.meta(model, Call.of("find(model, id)").about("model"));
    Object key =
        resolve.idValue(
            m,
            Call.of("find(" + m.name() + ", id)").about("id").notNull(id),
            Call.of("find(" + m.name() + ")"));
    List<Map<String, Object>> rows =
        session.read(s -> s.findBy(m.info(), m.id().name(), List.of(key)));
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(model.cast(EntityMapper.toEntity(m, rows.get(0))));
  }

  <T> List<T> findAll(Class<T> model) {
    return findAll(model, Query.ALL);
  }

  <T> List<T> findAll(Class<T> model, Query query) {
    ModelMeta m = resolve.meta(model, Call.of("findAll(model)").about("model"));
    Query q =
        filters.normalize(
            Call.of("findAll").notNull(query, "query"),
            m.info(),
            null,
            Call.of("findAll(" + m.name() + ")"));
    List<Map<String, Object>> rows = session.read(s -> s.find(m.info(), q));
    List<T> out = new ArrayList<>(rows.size());
    EntityMapper.RowReader reader = new EntityMapper.RowReader(m);
    for (Map<String, Object> r : rows) {
      out.add(model.cast(reader.toEntity(r)));
    }
    return out;
  }

  <T> long count(Class<T> model, Where where) {
    ModelMeta m = resolve.meta(model, Call.of("count(model, where)").about("model"));
    Where w =
        where == null
            ? null
            : filters.normalize(where, m.info(), Call.of("count(" + m.name() + ")"));
    return session.read(s -> s.count(m.info(), w));
  }

  <T> T update(T entity) {
    Call call = Call.of("update(entity)");
    ModelMeta m = resolve.metaOf(call.notNull(entity), call);
    Object id = EntityMapper.id(m, entity);
    if (id == null) {
      throw new InvalidCallException("update: the " + m.name() + " is unsaved (its id is null)");
    }
    Map<String, Object> row =
        EntityMapper.toRow(m, entity, true, Call.of("update(" + m.name() + ")"));
    int n = session.run(s -> s.update(m.info(), List.of(row)));
    if (n == 0) {
      throw new InvalidCallException(
          "update: no " + m.name() + " with id " + ValueTypes.describe(id));
    }
    return entity;
  }

  void delete(Object entity) {
    Call call = Call.of("delete(entity)");
    ModelMeta m = resolve.metaOf(call.notNull(entity), call);
    Object id = EntityMapper.id(m, entity);
    if (id == null) {
      throw new InvalidCallException("delete: the " + m.name() + " is unsaved (its id is null)");
    }
    deleteById(m, id);
  }

  <T> void delete(Class<T> model, Object id) {
    ModelMeta m = resolve.meta(model, Call.of("delete(model, id)").about("model"));
    deleteById(
        m,
        resolve.idValue(
            m,
            Call.of("delete(" + m.name() + ", id)").about("id").notNull(id),
            Call.of("delete(" + m.name() + ")")));
  }

  private void deleteById(ModelMeta m, Object id) {
    int n = session.run(s -> s.delete(m.info(), List.of(id)));
    if (n == 0) {
      throw new InvalidCallException(
          "delete: no " + m.name() + " with id " + ValueTypes.describe(id));
    }
  }
}

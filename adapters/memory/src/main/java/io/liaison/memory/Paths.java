package io.liaison.memory;

import io.liaison.InvalidCallException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an association reaches its targets from a source's match value, in one transaction's store:
 * hasOne/hasMany through the target's foreign key, belongsTo through the source's, belongsToMany
 * through the junction's rows. Every read of links ({@code targets}, {@code count}, {@code linked},
 * and the {@link io.liaison.Where.Has} filters) walks these paths; the writes have their own
 * ({@link LinkWriter}).
 */
final class Paths {

  /** One link reached: the target's row, and for belongsToMany the junction's row (else null). */
  record Reach(Map<String, Object> target, Map<String, Object> link) {}

  private final Store store;

  Paths(Store store) {
    this.store = store;
  }

  /** The links of one source, in the store's order (callers sort). */
  List<Reach> from(AssociationInfo a, Object source) {
    List<Reach> out = new ArrayList<>();
    if (source == null) {
      return out;
    }
    ModelInfo target = a.target();
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        for (Map<String, Object> t : store.table(target.table()).where(a.foreignKey(), source)) {
          out.add(new Reach(t, null));
        }
      }
      case BELONGS_TO -> {
        Map<String, Object> s = store.table(a.source().table()).get(source);
        Object fk =
            s == null
                ? null
                : as(s.get(a.foreignKey()), target.requireAttribute(a.targetKey()).type());
        for (Map<String, Object> t : store.table(target.table()).where(a.targetKey(), fk)) {
          out.add(new Reach(t, null));
        }
      }
      case BELONGS_TO_MANY -> {
        JunctionInfo j = a.through();
        Class<?> keyType = target.requireAttribute(a.targetKey()).type();
        for (Map<String, Object> link : store.table(j.table()).where(a.foreignKey(), source)) {
          for (Map<String, Object> t :
              store
                  .table(target.table())
                  .where(a.targetKey(), as(link.get(a.otherKey()), keyType))) {
            out.add(new Reach(t, link));
          }
        }
      }
    }
    return out;
  }

  /**
   * The type source match values are stored as, where the path starts: the target's foreign key
   * (hasOne/hasMany), the source's id (belongsTo), the junction's key (belongsToMany).
   */
  static Class<?> sourceType(AssociationInfo a) {
    return switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> a.target().requireAttribute(a.foreignKey()).type();
      case BELONGS_TO -> a.source().id().type();
      case BELONGS_TO_MANY -> a.through().requireAttribute(a.foreignKey()).type();
    };
  }

  /**
   * The type target match values are stored as where a link names them (the target's id or key).
   */
  static Class<?> targetType(AssociationInfo a) {
    return switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> a.target().id().type();
      case BELONGS_TO -> a.source().requireAttribute(a.foreignKey()).type();
      case BELONGS_TO_MANY -> a.through().requireAttribute(a.otherKey()).type();
    };
  }

  /**
   * The value as the type, or null where it cannot be one (a key of another type matches nothing).
   */
  static Object as(Object value, Class<?> type) {
    try {
      return ValueTypes.coerce(value, type, "key");
    } catch (InvalidCallException e) {
      return null;
    }
  }
}

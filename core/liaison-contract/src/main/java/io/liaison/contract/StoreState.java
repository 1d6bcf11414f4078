package io.liaison.contract;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Id;
import io.liaison.LinkedTarget;
import io.liaison.Session;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a schema lets a user read from a store (every entity of the given models, every link
 * of the given associations), read through the public API. Two equal states mean a refused or
 * rolled-back call left no trace a user could see.
 */
final class StoreState {

  private StoreState() {}

  /** The state of the store as seen through these models and associations. */
  static Map<String, Object> read(
      Session db, List<Class<?>> models, List<Association<?, ?>> associations) {
    Map<String, Object> state = new LinkedHashMap<>();
    for (Class<?> model : models) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Object entity : db.findAll(model)) {
        rows.add(fields(entity));
      }
      rows.sort(Comparator.comparing(row -> String.valueOf(row.get(idField(model).getName()))));
      state.put(model.getSimpleName(), rows);
    }
    for (Association<?, ?> association : associations) {
      Map<String, Object> bySource = new TreeMap<>();
      for (Object source : db.findAll(association.source())) {
        bySource.put(String.valueOf(id(source)), links(db, source, association));
      }
      state.put(association.toString(), bySource);
    }
    return state;
  }

  /** The id of an entity: its {@code @Id} field, else its field named {@code id}. */
  static Object id(Object entity) {
    try {
      return idField(entity.getClass()).get(entity);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("fixture ids must be public fields", e);
    }
  }

  /** The declared attributes of an entity (public instance fields), by name. */
  static Map<String, Object> fields(Object entity) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : entity.getClass().getFields()) {
      if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
        continue;
      }
      try {
        values.put(f.getName(), f.get(entity));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }

  private static Field idField(Class<?> model) {
    for (Field f : model.getFields()) {
      if (f.isAnnotationPresent(Id.class)) {
        return f;
      }
    }
    try {
      return model.getField("id");
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(model.getSimpleName() + " has no id field", e);
    }
  }

  private static Object links(Session db, Object source, Association<?, ?> association) {
    if (association instanceof HasMany<?, ?> hasMany) {
      return describe(db.on(source, hasMany).linkedTargets());
    }
    if (association instanceof BelongsToMany<?, ?> belongsToMany) {
      return describe(db.on(source, belongsToMany).linkedTargets());
    }
    if (association instanceof HasOne<?, ?> hasOne) {
      return describe(db.on(source, hasOne).get());
    }
    return describe(db.on(source, (BelongsTo<?, ?>) association).get());
  }

  private static List<String> describe(List<? extends LinkedTarget<?>> links) {
    List<String> described = new ArrayList<>();
    for (LinkedTarget<?> link : links) {
      described.add(id(link.target()) + " " + new TreeMap<>(link.through()));
    }
    described.sort(Comparator.naturalOrder());
    return described;
  }

  private static String describe(Optional<?> target) {
    return target.map(t -> String.valueOf(id(t))).orElse(null);
  }
}

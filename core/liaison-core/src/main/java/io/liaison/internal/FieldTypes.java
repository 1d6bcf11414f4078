package io.liaison.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The mapping rules for fields: which fields of a model class are attributes, and the type their
 * values travel as. Shared by the schema resolution and the entity mapping, so that both read a
 * class the same way.
 */
final class FieldTypes {
  private static final Set<Class<?>> VALUE_TYPES =
      Set.of(
          String.class,
          Integer.class,
          Long.class,
          Short.class,
          Double.class,
          Float.class,
          Boolean.class,
          BigDecimal.class,
          LocalDate.class,
          LocalDateTime.class,
          Instant.class,
          UUID.class);

  private FieldTypes() {}

  /**
   * The attribute fields of a class, superclass fields first: not static, transient or synthetic.
   */
  static List<Field> attributeFields(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    List<Field> out = new ArrayList<>();
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
          continue;
        }
        out.add(f);
      }
    }
    return out;
  }

  /** The type values of a field travel as, or null if unsupported. */
  static Class<?> valueType(Class<?> t) {
    if (t.isPrimitive()) {
      if (t == int.class) return Integer.class;
      if (t == long.class) return Long.class;
      if (t == short.class) return Short.class;
      if (t == double.class) return Double.class;
      if (t == float.class) return Float.class;
      if (t == boolean.class) return Boolean.class;
      return null;
    }
    if (t.isEnum()) {
      return String.class;
    }
    return VALUE_TYPES.contains(t) ? t : null;
  }

  /** Whether the class has an attribute field of that name. */
  static boolean hasField(Class<?> type, String name) {
    return attributeFields(type).stream().anyMatch(f -> f.getName().equals(name));
  }
}

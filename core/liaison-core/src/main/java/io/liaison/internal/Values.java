package io.liaison.internal;

import io.liaison.InvalidCallException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/** Conversions between field values, caller-given values and the value types rows carry. */
final class Values {
  private Values() {
  }

  /**
   * Converts a caller's value to an attribute's value type, or throws {@link InvalidCallException}
   * naming {@code what}. Numbers widen or narrow only when no information is lost.
   */
  static Object toValueType(Object value, Class<?> type, String what) {
    if (value == null || type.isInstance(value)) {
      return value;
    }
    if (value instanceof Enum<?> e && type == String.class) {
      return e.name();
    }
    if (value instanceof Number n && isIntegral(n)) {
      long l = n.longValue();
      if (type == Long.class) {
        return l;
      }
      if (type == Integer.class && l == (int) l) {
        return (int) l;
      }
      if (type == Short.class && l == (short) l) {
        return (short) l;
      }
      if (type == BigDecimal.class) {
        return BigDecimal.valueOf(l);
      }
      if (type == Double.class) {
        return (double) l;
      }
    }
    if (value instanceof Number n && type == Double.class && (value instanceof Float)) {
      return n.doubleValue();
    }
    if (value instanceof Number n && type == BigDecimal.class && (value instanceof Double || value instanceof Float)) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    throw new InvalidCallException(what + ": " + describe(value) + " is not a " + type.getSimpleName());
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof BigInteger;
  }

  /** A store value as the field's type (enums from names, primitives from boxes, numbers adjusted). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object toFieldType(Object value, Field field) {
    Class<?> t = field.getType();
    if (value == null) {
      return t.isPrimitive() ? null : null;
    }
    if (t.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) t, value.toString());
    }
    Class<?> boxed = SchemaResolver.valueType(t);
    if (boxed != null && !boxed.isInstance(value) && value instanceof Number n) {
      if (boxed == Long.class) return n.longValue();
      if (boxed == Integer.class) return n.intValue();
      if (boxed == Short.class) return n.shortValue();
      if (boxed == Double.class) return n.doubleValue();
      if (boxed == Float.class) return n.floatValue();
      if (boxed == BigDecimal.class) return new BigDecimal(n.toString());
    }
    if (boxed == UUID.class && value instanceof String s) {
      return UUID.fromString(s);
    }
    return value;
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    return text + " (" + value.getClass().getSimpleName() + ")";
  }
}

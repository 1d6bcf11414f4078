package io.liaison.internal;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Store values to field values (the read side): a value the store holds, already of its attribute's
 * value type, as the Java field's own type (an enum from its name, an {@code int} from a Long). It
 * never judges a caller's value; that is {@link io.liaison.spi.ValueTypes#coerce}, the one
 * converter the engine and the adapters apply on the way in.
 */
final class Values {
  private Values() {}

  /**
   * A store value as the field's type (enums from names, primitives from boxes, numbers adjusted).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object toFieldType(Object value, Field field) {
    Class<?> t = field.getType();
    if (value == null) {
      return null;
    }
    if (t.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) t, value.toString());
    }
    Class<?> boxed = FieldTypes.valueType(t);
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
}

package io.liaison.spi;

import io.liaison.InvalidCallException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The value coercion every adapter needs: a value given by a caller or read from a store, as an
 * instance of an attribute's type ({@link AttributeInfo#type()}).
 */
public final class ValueTypes {
  private ValueTypes() {
  }

  /**
   * The value as an instance of {@code type} where a lossless conversion exists (numbers between
   * numeric types, a UUID from its text, an enum by name, an {@code Instant} from a date-time with an
   * offset or zone); else an {@link InvalidCallException} naming {@code what}.
   */
  public static Object coerce(Object value, Class<?> type, String what) {
    if (value == null || type == null || type.isInstance(value)) {
      return value;
    }
    if (value instanceof Enum<?> e && type == String.class) {
      return e.name();
    }
    try {
      if (value instanceof Number n) {
        if (type == Long.class && isIntegral(n)) {
          return n.longValue();
        }
        if (type == Integer.class && isIntegral(n) && n.longValue() == n.intValue()) {
          return n.intValue();
        }
        if (type == Short.class && isIntegral(n) && n.longValue() == n.shortValue()) {
          return n.shortValue();
        }
        if (type == Double.class) {
          return n.doubleValue();
        }
        if (type == Float.class) {
          return n.floatValue();
        }
        if (type == BigDecimal.class) {
          return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
        }
      }
      if (value instanceof String s && type == UUID.class) {
        return UUID.fromString(s);
      }
      if (value instanceof OffsetDateTime o && type == Instant.class) {
        return o.toInstant();
      }
      if (value instanceof ZonedDateTime z && type == Instant.class) {
        return z.toInstant();
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw new InvalidCallException("Value " + describe(value) + " does not fit " + what + " of type "
        + type.getSimpleName());
  }

  /** A value for a message: quoted, cut at 60 characters, with its class. */
  public static String describe(Object value) {
    String s = String.valueOf(value);
    if (s.length() > 60) {
      s = s.substring(0, 57) + "...";
    }
    return "'" + s + "'" + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")");
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger bi && bi.bitLength() < 64;
  }
}

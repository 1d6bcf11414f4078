package io.liaison.spi;

import io.liaison.InvalidCallException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The value coercion every adapter needs: a value given by a caller or read from a store, as an
 * instance of an attribute's type ({@link AttributeInfo#type()}).
 */
public final class ValueTypes {
  private ValueTypes() {
  }

  /**
   * The caller's values by their form as instances of {@code type}, so that an adapter can hand back
   * the objects it was given for the values it reads ({@code given.getOrDefault(read, read)}): an
   * {@code Integer} 7 given for a {@code Long} key comes back as that {@code Integer}. Values that
   * cannot be coerced match nothing and are left out, as are nulls. When every value is already an
   * instance of {@code type}, each is its own stored form and the map is empty, so the adapter's
   * look-up per row costs nothing (10,000 look-ups in a read of 10,000 links).
   */
  public static Map<Object, Object> givenValues(Collection<?> values, Class<?> type) {
    boolean allOfType = true;
    for (Object v : values) {
      if (v != null && v.getClass() != type) {
        allOfType = false;
        break;
      }
    }
    if (allOfType) {
      return Collections.emptyMap();
    }
    Map<Object, Object> out = new HashMap<>();
    for (Object v : values) {
      if (v != null) {
        try {
          out.putIfAbsent(coerce(v, type, "value"), v);
        } catch (InvalidCallException e) {
          // a value of the wrong type matches nothing; the adapter's statement refuses it with its own message
        }
      }
    }
    return out;
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

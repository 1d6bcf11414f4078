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
 * The one conversion of a value given by a caller to an attribute's value type ({@link
 * AttributeInfo#type()}), used by the engine and by every adapter so that a value is judged the
 * same way on every path and every store. The rule: <b>a value is stored exactly, or refused</b>
 * with an {@link InvalidCallException} naming the call, the model and attribute (the caller's
 * {@code what}) and the value ({@link #describe}). Never narrowed, rounded or altered on the way.
 *
 * <ul>
 *   <li>Integral targets (Long, Integer, Short) take any number whose value is a whole number
 *       within the target's range: a BigInteger beyond it, a long beyond an int, a BigDecimal or
 *       double with a fraction, NaN and the infinities are refused. {@code new BigDecimal("5.0")}
 *       and {@code 5.0d} are 5.
 *   <li>Double and Float take a number only when it is exactly a double (a float): 2^53 + 1 is
 *       refused as a Double, 2^24 + 1 as a Float, 0.1d as a Float. A Float into a Double widens
 *       exactly; NaN and the infinities carry over as themselves between Double and Float (they are
 *       the same value in both). Integer 7 into a Float is 7.0f.
 *   <li>BigDecimal takes every integral number exactly; a Double or Float becomes the decimal Java
 *       prints for it ({@code BigDecimal.valueOf(0.1d)} is 0.1), the shortest decimal that converts
 *       back to the same double, and a BigDecimal goes into a Double or Float attribute when it is
 *       exactly that number or, if it has a fraction, that printed decimal. NaN and the infinities
 *       have no decimal value and are refused.
 *   <li>UUID takes a UUID or its 36-character text (8-4-4-4-12 hex digits, either case); other text
 *       is refused, also what {@code UUID.fromString} would accept with fewer digits.
 *   <li>String takes a String or an enum (its name). A String holding NUL (U+0000) or an unpaired
 *       UTF-16 surrogate is refused on every store, whatever the attribute's type: PostgreSQL
 *       refuses NUL in text and writes an unpaired surrogate as {@code ?}, as Neo4j does, so no
 *       portable store keeps them.
 *   <li>Instant takes an OffsetDateTime or ZonedDateTime: the same point in time (the offset is how
 *       it was written, not part of an Instant).
 *   <li>Everything else converts only to its own type; a Number of another class (AtomicLong,
 *       LongAdder...) is refused.
 * </ul>
 */
public final class ValueTypes {
  /** The longest text of a value {@link #describe} puts in a message. */
  private static final int DESCRIBED_LENGTH = 80;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** Longs within ±2^53 are exact doubles, within ±2^24 exact floats. */
  private static final long DOUBLE_EXACT = 1L << 53;

  private static final long FLOAT_EXACT = 1L << 24;

  private ValueTypes() {}

  /**
   * The caller's values by their form as instances of {@code type}, so that an adapter can hand
   * back the objects it was given for the values it reads ({@code given.getOrDefault(read, read)}):
   * an {@code Integer} 7 given for a {@code Long} key comes back as that {@code Integer}. Values
   * that cannot be coerced match nothing and are left out, as are nulls. When every value is
   * already an instance of {@code type}, each is its own stored form and the map is empty, so the
   * adapter's look-up per row costs nothing (10,000 look-ups in a read of 10,000 links).
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
          // a value of the wrong type matches nothing; the adapter's statement refuses it with its
          // own message
        }
      }
    }
    return out;
  }

  /**
   * The value as an instance of {@code type}, exactly (see the class comment for the rule), or an
   * {@link InvalidCallException} whose message starts with {@code what}: the caller names the call,
   * the model and the attribute there (for example {@code "insert(Specimen): Specimen.quantity"}).
   * Null stays null; a null {@code type} (an attribute of no known type) takes the value as it is.
   */
  public static Object coerce(Object value, Class<?> type, String what) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      checkText(s, what);
      if (type == null || type == String.class) {
        return s;
      }
      if (type == UUID.class) {
        return uuid(s, what);
      }
      throw refused(value, what, "is not a " + type.getSimpleName());
    }
    if (type == null || type.isInstance(value)) {
      return value;
    }
    if (value instanceof Number n) {
      return number(n, type, what);
    }
    if (value instanceof Enum<?> e && type == String.class) {
      return e.name();
    }
    if (value instanceof OffsetDateTime o && type == Instant.class) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z && type == Instant.class) {
      return z.toInstant();
    }
    throw refused(value, what, "is not a " + type.getSimpleName());
  }

  /**
   * Whether {@link #coerce} would hand the value back unchanged: null, or already an instance of
   * {@code type} and, if text, free of what no store keeps. Hot paths ask this first and build the
   * label of a refusal only for a value that needs converting.
   */
  public static boolean isStoredAsIs(Object value, Class<?> type) {
    if (value == null) {
      return true;
    }
    if (value instanceof String s) {
      return (type == null || type == String.class) && isPortableText(s);
    }
    return type == null || type.isInstance(value);
  }

  /** Whether every store keeps the text as given: no NUL (U+0000), no unpaired UTF-16 surrogate. */
  public static boolean isPortableText(String s) {
    return firstNotKept(s) < 0;
  }

  /**
   * Refuses a String no store keeps as given: one holding NUL (U+0000) or an unpaired UTF-16
   * surrogate. One pass over the characters; the usual string has neither and costs only the pass.
   */
  public static void checkText(String s, String what) {
    int i = firstNotKept(s);
    if (i < 0) {
      return;
    }
    char c = s.charAt(i);
    if (c == 0) {
      throw refused(
          s,
          what,
          "holds NUL (U+0000) at index "
              + i
              + ", which not every store keeps "
              + "(PostgreSQL refuses it)");
    }
    throw refused(
        s,
        what,
        "holds an unpaired UTF-16 surrogate (U+"
            + Integer.toHexString(c).toUpperCase()
            + ") at index "
            + i
            + ", which not every store keeps (PostgreSQL and Neo4j write '?')");
  }

  /** The index of the first NUL or unpaired surrogate in the text, or -1. */
  private static int firstNotKept(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return i;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  /**
   * A value for a message, in the one form every message uses: text in single quotes with NUL,
   * other control characters and unpaired surrogates written as {@code \}{@code uXXXX}, anything
   * else as {@code String.valueOf}; cut at 80 characters; followed by the value's class.
   */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String s ? "'" + escape(s) + "'" : String.valueOf(value);
    if (text.length() > DESCRIBED_LENGTH) {
      text = text.substring(0, DESCRIBED_LENGTH - 3) + "...";
    }
    return text + " (" + value.getClass().getSimpleName() + ")";
  }

  private static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
              || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      boolean shown = c >= 0x20 && c != 0x7f && (!Character.isSurrogate(c) || paired);
      if (!shown && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (shown) {
          out.append(c);
        } else {
          out.append(String.format("\\u%04X", (int) c));
        }
      }
    }
    return out == null ? s : out.toString();
  }

  private static InvalidCallException refused(Object value, String what, String reason) {
    return new InvalidCallException(what + ": " + describe(value) + " " + reason);
  }

  private static UUID uuid(String s, String what) {
    if (s.length() == 36
        && s.charAt(8) == '-'
        && s.charAt(13) == '-'
        && s.charAt(18) == '-'
        && s.charAt(23) == '-') {
      boolean hex = true;
      for (int i = 0; i < 36 && hex; i++) {
        hex = i == 8 || i == 13 || i == 18 || i == 23 || Character.digit(s.charAt(i), 16) >= 0;
      }
      if (hex) {
        return UUID.fromString(s);
      }
    }
    throw refused(s, what, "is not a UUID (36 characters: 8-4-4-4-12 hex digits)");
  }

  // ---- numbers

  private static Object number(Number n, Class<?> type, String what) {
    if (!(isIntegral(n) || n instanceof BigDecimal || n instanceof Double || n instanceof Float)) {
      throw refused(
          n,
          what,
          "is a Number of a class whose exact value Liaison does not know; give a "
              + type.getSimpleName());
    }
    if (type == Long.class || type == Integer.class || type == Short.class) {
      return integral(n, type, what);
    }
    if (type == Double.class) {
      return toDouble(n, what);
    }
    if (type == Float.class) {
      return toFloat(n, what);
    }
    if (type == BigDecimal.class) {
      return toDecimal(n, what);
    }
    throw refused(n, what, "is not a " + type.getSimpleName());
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte
        || n instanceof BigInteger;
  }

  private static boolean isLongSized(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  private static Object integral(Number n, Class<?> type, String what) {
    long l;
    if (isLongSized(n)) {
      l = n.longValue();
    } else {
      BigInteger whole = wholeValue(n, what, type);
      if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
        throw outOfRange(n, type, what);
      }
      l = whole.longValue();
    }
    if (type == Long.class) {
      return l;
    }
    if (type == Integer.class) {
      if (l != (int) l) {
        throw outOfRange(n, type, what);
      }
      return (int) l;
    }
    if (l != (short) l) {
      throw outOfRange(n, type, what);
    }
    return (short) l;
  }

  /**
   * The whole number a BigInteger, BigDecimal, Double or Float holds, or a refusal if it has a
   * fraction.
   */
  private static BigInteger wholeValue(Number n, String what, Class<?> type) {
    if (n instanceof BigInteger b) {
      return b;
    }
    if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
      throw refused(n, what, "is not a finite number, so not a " + type.getSimpleName());
    }
    BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.doubleValue());
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw refused(
          n,
          what,
          "has a fraction, so it is not a " + type.getSimpleName() + " (it would be rounded)");
    }
    if (d.precision() - d.scale() > 20) {
      throw outOfRange(
          n, type, what); // more digits than any long, and 1E+999999999 is not expanded to find out
    }
    return d.toBigInteger();
  }

  private static InvalidCallException outOfRange(Number n, Class<?> type, String what) {
    String range =
        type == Long.class
            ? Long.MIN_VALUE + ".." + Long.MAX_VALUE
            : type == Integer.class
                ? Integer.MIN_VALUE + ".." + Integer.MAX_VALUE
                : Short.MIN_VALUE + ".." + Short.MAX_VALUE;
    return refused(n, what, "is out of the range of " + type.getSimpleName() + " (" + range + ")");
  }

  private static Double toDouble(Number n, String what) {
    if (n instanceof Float f) {
      return f.doubleValue(); // widening is exact, NaN and the infinities included
    }
    if (isLongSized(n)) {
      long l = n.longValue();
      if (-DOUBLE_EXACT <= l && l <= DOUBLE_EXACT) {
        return (double) l;
      }
    }
    double d = n.doubleValue();
    if (Double.isFinite(d)
        && (new BigDecimal(d).compareTo(exact(n)) == 0
            || hasFraction(n) && BigDecimal.valueOf(d).compareTo((BigDecimal) n) == 0)) {
      return d;
    }
    throw refused(n, what, "is not exactly a Double (the nearest is " + d + ")");
  }

  private static Float toFloat(Number n, String what) {
    if (n instanceof Double d && !Double.isFinite(d)) {
      return d.floatValue(); // NaN and the infinities are the same value as a float
    }
    if (isLongSized(n)) {
      long l = n.longValue();
      if (-FLOAT_EXACT <= l && l <= FLOAT_EXACT) {
        return (float) l;
      }
    }
    float f = n.floatValue();
    if (n instanceof Double d && (double) f == d) {
      return f;
    }
    if (Float.isFinite(f)
        && !(n instanceof Double)
        && (new BigDecimal(f).compareTo(exact(n)) == 0
            || hasFraction(n)
                && new BigDecimal(Float.toString(f)).compareTo((BigDecimal) n) == 0)) {
      return f;
    }
    throw refused(n, what, "is not exactly a Float (the nearest is " + f + ")");
  }

  private static BigDecimal toDecimal(Number n, String what) {
    if (n instanceof Double || n instanceof Float) {
      if (!Double.isFinite(n.doubleValue())) {
        throw refused(n, what, "is not a finite number, so it has no BigDecimal value");
      }
      return n instanceof Float f
          ? new BigDecimal(Float.toString(f))
          : BigDecimal.valueOf(n.doubleValue());
    }
    return exact(n);
  }

  /**
   * Whether the number is a BigDecimal with a fraction: only such a decimal may stand for the
   * double Java prints as it (0.1); a whole number must be exactly the double, so 2^63 + 192 is no
   * Double.
   */
  private static boolean hasFraction(Number n) {
    return n instanceof BigDecimal b && b.signum() != 0 && b.stripTrailingZeros().scale() > 0;
  }

  /** The exact decimal value of a finite number of a known class. */
  private static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (isLongSized(n)) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.doubleValue());
  }
}

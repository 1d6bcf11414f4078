package io.liaison.neo4j;

import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attribute values (the SPI's Java types) to Neo4j property values and back.
 *
 * <ul>
 *   <li>Long, Double, String, Boolean, LocalDate (Date), LocalDateTime (LocalDateTime): as they
 *       are;
 *   <li>Integer and Short: stored as Long (Neo4j's one integer type); Float as Double; converted
 *       back to the attribute type on read;
 *   <li>Instant: a DateTime in UTC (a {@link ZonedDateTime}), compared and ordered as an instant;
 *   <li>UUID: its canonical lower-case text;
 *   <li>BigDecimal: its canonical plain text ({@code stripTrailingZeros().toPlainString()}, so
 *       equal numbers are equal strings); {@link CypherWhere} compares and orders it numerically.
 * </ul>
 */
final class GraphValues {
  private GraphValues() {}

  /** The property value for a value of the attribute's type (already coerced). */
  static Object toStore(Object value, Class<?> type) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      return canonical(d);
    }
    if (value instanceof UUID u) {
      return u.toString();
    }
    if (value instanceof Instant i) {
      return ZonedDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value;
  }

  /** The canonical text of a decimal: no exponent, no trailing zeros. */
  static String canonical(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /**
   * {@link ValueTypes#coerce} (exactly, or refused) then {@link #toStore}: a parameter value for an
   * attribute.
   */
  static Object param(Object value, Class<?> type, String what) {
    return toStore(ValueTypes.coerce(value, type, what), type);
  }

  /** A list parameter: every value coerced and converted. */
  static List<Object> params(Collection<?> values, Class<?> type, String what) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(param(v, type, what));
    }
    return out;
  }

  /** How a coercion failure names an attribute: {@code attribute 'title' of Book}. */
  static String what(ModelInfo model, AttributeInfo a) {
    return "attribute '" + a.name() + "' of " + model.name();
  }

  /** The property map of a row (attribute-typed values): every given attribute but {@code skip}. */
  static Map<String, Object> properties(ModelInfo model, Map<String, Object> row, String skip) {
    Map<String, Object> props = new HashMap<>();
    for (AttributeInfo a : model.attributes()) {
      if (!a.name().equals(skip) && row.containsKey(a.name())) {
        props.put(a.column(), toStore(row.get(a.name()), a.type()));
      }
    }
    return props;
  }

  /** An attribute value of {@code type} from a property value (as the driver or OGM returns it). */
  static Object fromStore(Object value, Class<?> type) {
    if (value == null || type == null || value.getClass() == type) {
      return value; // the driver's Long, String, Boolean...: kept, not boxed again
    }
    if (type == Long.class) {
      return value instanceof Number n ? n.longValue() : Long.valueOf(value.toString());
    }
    if (type == Integer.class) {
      return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString());
    }
    if (type == Short.class) {
      return value instanceof Number n ? n.shortValue() : Short.valueOf(value.toString());
    }
    if (type == Double.class) {
      return value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString());
    }
    if (type == Float.class) {
      return value instanceof Number n ? n.floatValue() : Float.valueOf(value.toString());
    }
    if (type == Boolean.class) {
      return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
    }
    if (type == BigDecimal.class) {
      return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
    if (type == UUID.class) {
      return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
    if (type == Instant.class) {
      if (value instanceof Instant i) {
        return i;
      }
      if (value instanceof ZonedDateTime z) {
        return z.toInstant();
      }
      if (value instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      if (value instanceof TemporalAccessor t) {
        return Instant.from(t);
      }
      return OffsetDateTime.parse(value.toString()).toInstant();
    }
    if (type == LocalDate.class) {
      return value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
    }
    if (type == LocalDateTime.class) {
      return value instanceof LocalDateTime d ? d : LocalDateTime.parse(value.toString());
    }
    if (type == String.class) {
      return value instanceof String s ? s : value.toString();
    }
    return value;
  }
}

package io.liaison.jdbc;

import io.liaison.spi.ValueTypes;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Attribute values (the SPI's Java types) to JDBC parameters and columns to attribute values. A
 * caller's value becomes an attribute's type only through {@link ValueTypes#coerce}, exactly or
 * refused.
 */
final class Values {
  private Values() {}

  /** The java.sql.Types code for a null of this attribute type. */
  static int sqlType(Class<?> type) {
    if (type == null) {
      return Types.NULL;
    }
    if (type == String.class) {
      return Types.VARCHAR;
    }
    if (type == Long.class) {
      return Types.BIGINT;
    }
    if (type == Integer.class) {
      return Types.INTEGER;
    }
    if (type == Short.class) {
      return Types.SMALLINT;
    }
    if (type == Double.class) {
      return Types.DOUBLE;
    }
    if (type == Float.class) {
      return Types.REAL;
    }
    if (type == Boolean.class) {
      return Types.BOOLEAN;
    }
    if (type == BigDecimal.class) {
      return Types.NUMERIC;
    }
    if (type == LocalDate.class) {
      return Types.DATE;
    }
    if (type == LocalDateTime.class) {
      return Types.TIMESTAMP;
    }
    if (type == Instant.class) {
      return Types.TIMESTAMP_WITH_TIMEZONE;
    }
    return Types.OTHER;
  }

  /** Binds one scalar parameter, already coerced to {@code type}. */
  static void bind(PreparedStatement ps, int index, Object value, Class<?> type)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, sqlType(type));
    } else if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof Long l) {
      ps.setLong(index, l);
    } else if (value instanceof Integer i) {
      ps.setInt(index, i);
    } else if (value instanceof Short s) {
      ps.setShort(index, s);
    } else if (value instanceof Double d) {
      ps.setDouble(index, d);
    } else if (value instanceof Float f) {
      ps.setFloat(index, f);
    } else if (value instanceof Boolean b) {
      ps.setBoolean(index, b);
    } else if (value instanceof BigDecimal b) {
      ps.setBigDecimal(index, b);
    } else if (value instanceof Instant i) {
      ps.setObject(index, OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
    } else if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else {
      // LocalDate, LocalDateTime, OffsetDateTime, UUID: JDBC 4.2 object mappings on both drivers
      ps.setObject(index, value);
    }
  }

  /** A SQL array parameter holding {@code values} (nulls dropped) coerced to {@code type}. */
  static Array array(
      Connection conn, Dialect dialect, Collection<?> values, Class<?> type, String what)
      throws SQLException {
    List<Object> coerced = new ArrayList<>(values.size());
    for (Object v : values) {
      if (v != null) {
        coerced.add(ValueTypes.coerce(v, type, what));
      }
    }
    return conn.createArrayOf(dialect.arrayTypeName(type), dialect.arrayElements(type, coerced));
  }

  /** Reads column {@code index} as a value of the attribute type. */
  static Object read(ResultSet rs, int index, Class<?> type) throws SQLException {
    if (type == Instant.class) {
      OffsetDateTime o = rs.getObject(index, OffsetDateTime.class);
      return o == null ? null : o.toInstant();
    }
    if (type == LocalDateTime.class) {
      return rs.getObject(index, LocalDateTime.class);
    }
    if (type == LocalDate.class) {
      return rs.getObject(index, LocalDate.class);
    }
    // the typed getters of the commonest types skip the driver's generic getObject (a quarter of
    // the
    // Java time of reading links with their targets on PostgreSQL)
    if (type == String.class) {
      return rs.getString(index);
    }
    if (type == Long.class) {
      long l = rs.getLong(index);
      return rs.wasNull() ? null : l;
    }
    if (type == Integer.class) {
      int i = rs.getInt(index);
      return rs.wasNull() ? null : i;
    }
    Object v = rs.getObject(index);
    if (v == null || type == null || type.isInstance(v)) {
      return v;
    }
    if (v instanceof Number n) {
      if (type == Long.class) {
        return n.longValue();
      }
      if (type == Integer.class) {
        return n.intValue();
      }
      if (type == Short.class) {
        return n.shortValue();
      }
      if (type == Double.class) {
        return n.doubleValue();
      }
      if (type == Float.class) {
        return n.floatValue();
      }
      if (type == BigDecimal.class) {
        return new BigDecimal(n.toString());
      }
      if (type == Boolean.class) {
        return n.intValue() != 0;
      }
    }
    if (type == UUID.class) {
      return UUID.fromString(v.toString());
    }
    if (type == String.class) {
      return v.toString();
    }
    return v;
  }
}

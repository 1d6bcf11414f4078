package io.liaison.jdbc;

import io.liaison.spi.ValueTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The source column of a read's rows, whose equal values mostly come one after another (the store
 * walks the junction's index by source): one object per run of equal {@code Long} keys instead of a
 * box per row, mapped back to the caller's value ({@link ValueTypes#givenValues}) once per run.
 */
final class SourceRuns {
  private final Class<?> type;
  private final Map<Object, Object> given;
  private long lastKey;
  private Object last;

  SourceRuns(Class<?> type, Map<Object, Object> given) {
    this.type = type;
    this.given = given;
  }

  Object read(ResultSet rs, int column) throws SQLException {
    if (type != Long.class) {
      Object v = Values.read(rs, column, type);
      return v == null ? null : given.getOrDefault(v, v);
    }
    long key = rs.getLong(column);
    if (rs.wasNull()) {
      return null;
    }
    if (last == null || key != lastKey) {
      Long boxed = key;
      last = given.getOrDefault(boxed, boxed);
      lastKey = key;
    }
    return last;
  }
}

package io.liaison.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL (and servers speaking its dialect). The upsert is {@code INSERT ... ON CONFLICT (keys)
 * DO UPDATE} (or {@code DO NOTHING}); {@code MERGE} needs PostgreSQL 15.
 */
public final class PostgresDialect implements Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String columnType(Class<?> type) {
    if (type == String.class) {
      return "TEXT";
    }
    if (type == BigDecimal.class) {
      return "NUMERIC";
    }
    return Dialect.standardColumnType(type);
  }

  /**
   * Not a server-side prepared statement: pgjdbc prepares a statement on the server from its fifth
   * execution, and PostgreSQL then settles on a generic plan, made without the array's contents.
   * For {@code col = ANY(?)} over a table without a usable index that plan tests every row against
   * every element (hashing the array needs its contents at planning time), several times slower
   * than a plan made for the array ({@code bench/NOTEBOOK.md}, "PostgreSQL generic plans"). Such a
   * statement is parsed and planned on each execution instead.
   */
  @Override
  public void planForArrays(java.sql.PreparedStatement statement) throws java.sql.SQLException {
    if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
      statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    }
  }

  @Override
  public String arrayTypeName(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == Long.class) {
      return "int8";
    }
    if (type == Integer.class) {
      return "int4";
    }
    if (type == Short.class) {
      return "int2";
    }
    if (type == Double.class) {
      return "float8";
    }
    if (type == Float.class) {
      return "float4";
    }
    if (type == Boolean.class) {
      return "bool";
    }
    if (type == BigDecimal.class) {
      return "numeric";
    }
    if (type == LocalDate.class) {
      return "date";
    }
    if (type == LocalDateTime.class) {
      return "timestamp";
    }
    if (type == Instant.class) {
      return "timestamptz";
    }
    if (type == UUID.class) {
      return "uuid";
    }
    return "text";
  }

  @Override
  public Object[] arrayElements(Class<?> type, List<Object> values) {
    // pgjdbc picks its array encoder by the Java array class: give typed arrays for the types it
    // encodes natively, ISO text for dates and times (which PostgreSQL parses).
    if (type == Long.class) {
      return values.toArray(new Long[0]);
    }
    if (type == Integer.class) {
      return values.toArray(new Integer[0]);
    }
    if (type == Short.class) {
      return values.toArray(new Short[0]);
    }
    if (type == Double.class) {
      return values.toArray(new Double[0]);
    }
    if (type == Float.class) {
      return values.toArray(new Float[0]);
    }
    if (type == Boolean.class) {
      return values.toArray(new Boolean[0]);
    }
    if (type == UUID.class) {
      return values.toArray(new UUID[0]);
    }
    if (type == String.class) {
      return values.toArray(new String[0]);
    }
    String[] text = new String[values.size()];
    for (int i = 0; i < text.length; i++) {
      Object v = values.get(i);
      text[i] =
          v == null
              ? null
              : v instanceof Instant in
                  ? OffsetDateTime.ofInstant(in, ZoneOffset.UTC).toString()
                  : v.toString();
    }
    return text;
  }

  @Override
  public String upsert(
      String table,
      List<String> keyColumns,
      List<Class<?>> keyTypes,
      List<String> payloadColumns,
      List<Class<?>> payloadTypes) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" AS j (");
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < keyColumns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
        params.append(", ");
      }
      sql.append(keyColumns.get(i));
      params.append('?');
    }
    for (String c : payloadColumns) {
      sql.append(", ").append(c);
      params.append(", ?");
    }
    sql.append(") VALUES (")
        .append(params)
        .append(") ON CONFLICT (")
        .append(String.join(", ", keyColumns))
        .append(") DO ");
    if (payloadColumns.isEmpty()) {
      sql.append("NOTHING");
    } else {
      sql.append("UPDATE SET ");
      for (int i = 0; i < payloadColumns.size(); i++) {
        if (i > 0) {
          sql.append(", ");
        }
        String c = payloadColumns.get(i);
        sql.append(c)
            .append(" = CASE WHEN CAST(? AS BOOLEAN) THEN EXCLUDED.")
            .append(c)
            .append(" ELSE j.")
            .append(c)
            .append(" END");
      }
    }
    return sql.toString();
  }

  /**
   * {@code INSERT ... SELECT * FROM UNNEST(?, ...) ON CONFLICT ... DO UPDATE SET c = EXCLUDED.c}:
   * one statement whose rows travel as one array per column, every payload column overwritten, with
   * no per-column flag to bind and test. Faster than a JDBC batch of the same upsert over {@code
   * VALUES (?, ...)}: the server plans and runs one statement instead of one per row ({@code
   * bench/NOTEBOOK.md}, "PostgreSQL write shapes").
   */
  @Override
  public String overwriteAll(String table, List<String> keyColumns, List<String> payloadColumns) {
    List<String> columns = new java.util.ArrayList<>(keyColumns);
    columns.addAll(payloadColumns);
    List<String> sets = payloadColumns.stream().map(c -> c + " = EXCLUDED." + c).toList();
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") SELECT * FROM UNNEST("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
        + ") ON CONFLICT ("
        + String.join(", ", keyColumns)
        + ") DO UPDATE SET "
        + String.join(", ", sets);
  }

  /**
   * Not {@code FOR UPDATE}: that would also wait for transactions merely referencing the row
   * through a foreign key (their {@code FOR KEY SHARE}), e.g. every concurrent add of a link to
   * this source.
   */
  @Override
  public String lockRows() {
    return "FOR NO KEY UPDATE";
  }

  /**
   * {@code ON CONFLICT} waits for a concurrent insert of the same key, then updates or does
   * nothing.
   */
  @Override
  public boolean upsertNeedsSourceLock() {
    return false;
  }

  /**
   * PostgreSQL's own SQLStates for a failure that may pass on a second run: a deadlock (40P01), a
   * lock not available (55P03), and a server shutting down or not yet accepting connections (57P01,
   * 57P02, 57P03).
   */
  @Override
  public boolean isTransientError(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.equals("40P01")
            || state.equals("55P03")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  @Override
  public String toString() {
    return "PostgresDialect";
  }
}

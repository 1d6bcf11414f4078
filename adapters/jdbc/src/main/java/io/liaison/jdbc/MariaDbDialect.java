package io.liaison.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * MariaDB 10.11 and later (through MariaDB Connector/J), on InnoDB.
 *
 * <ul>
 *   <li>Identifiers keep the double quotes of the other dialects: every connection the adapter
 *       opens from a URL sets {@code sql_mode} with {@code ANSI_QUOTES} ({@link
 *       #connectionProperties}), so one quoting ({@link Sql#q}) serves every statement, schema
 *       change and test probe, and the mode is fixed by the adapter rather than by the server's
 *       configuration. A borrowed {@code DataSource} must set it itself.
 *   <li>MariaDB has no arrays: a list of values travels as one JSON text parameter, read as rows by
 *       {@code JSON_TABLE} ({@code col IN (SELECT v FROM JSON_TABLE(?, '$[*]' COLUMNS (v TYPE PATH
 *       '$')) u)}), so a statement's text and parameter count do not depend on the list's length
 *       and a batch stays one batch.
 *   <li>Text is {@code utf8mb4} with the collation {@code utf8mb4_nopad_bin}: stored and compared
 *       exactly (case, accents and trailing spaces count). Text that a key or index covers is
 *       {@code VARCHAR(255)} (InnoDB indexes at most 3,072 bytes, and a junction's primary key
 *       holds two keys); other text {@code LONGTEXT}.
 *   <li>{@code BigDecimal} is {@code DECIMAL(65,30)} (MariaDB's largest), so a value keeps at most
 *       35 digits before the point and 30 after; timestamps keep microseconds ({@code
 *       DATETIME(6)}), an {@code Instant} as its UTC date and time (the connection's time zone is
 *       UTC).
 *   <li>The upsert is {@code INSERT ... ON DUPLICATE KEY UPDATE}, which waits for a concurrent
 *       insert of the same key as PostgreSQL's {@code ON CONFLICT} does.
 * </ul>
 */
public final class MariaDbDialect implements Dialect {
  static final MariaDbDialect INSTANCE = new MariaDbDialect();

  /** The SQL mode every connection gets: the server's default in 10.11, plus ANSI_QUOTES. */
  static final String SQL_MODE =
      "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
          + "NO_ENGINE_SUBSTITUTION,ANSI_QUOTES";

  /** The collation of every text column and every text list: binary, no padding. */
  static final String COLLATION = "utf8mb4_nopad_bin";

  private MariaDbDialect() {}

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public String columnType(Class<?> type) {
    return columnType(type, false);
  }

  @Override
  public String columnType(Class<?> type, boolean key) {
    if (type == String.class) {
      return key ? "VARCHAR(255)" : "LONGTEXT";
    }
    if (type == Long.class) {
      return "BIGINT";
    }
    if (type == Integer.class) {
      return "INT";
    }
    if (type == Short.class) {
      return "SMALLINT";
    }
    if (type == Double.class) {
      return "DOUBLE";
    }
    if (type == Float.class) {
      // REAL is DOUBLE on MariaDB
      return "FLOAT";
    }
    if (type == Boolean.class) {
      return "BOOLEAN";
    }
    if (type == BigDecimal.class) {
      return "DECIMAL(65,30)";
    }
    if (type == LocalDate.class) {
      return "DATE";
    }
    if (type == LocalDateTime.class || type == Instant.class) {
      return "DATETIME(6)";
    }
    if (type == UUID.class) {
      return "UUID";
    }
    throw new IllegalArgumentException("No column type for " + type);
  }

  @Override
  public String identity() {
    return " AUTO_INCREMENT";
  }

  @Override
  public String tableOptions() {
    return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + COLLATION;
  }

  /**
   * {@code sql_mode} with {@code ANSI_QUOTES}, read committed (the isolation of the other stores: a
   * locking read and a plain one see the same committed rows), UTC as the time zone of {@code
   * DATETIME} values, and {@code DatabaseMetaData} naming the database as a schema, as the adapter
   * reads it ({@link java.sql.Connection#getSchema}).
   */
  @Override
  public Map<String, String> connectionProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("sessionVariables", "sql_mode='" + SQL_MODE + "'");
    p.put("transactionIsolation", "READ-COMMITTED");
    p.put("connectionTimeZone", "UTC");
    p.put("useCatalogTerm", "Schema");
    return p;
  }

  @Override
  public String inList(String expression, Class<?> type) {
    return expression
        + " IN (SELECT v FROM JSON_TABLE(?, '$[*]' COLUMNS (v "
        + listType(type)
        + " PATH '$')) u)";
  }

  /**
   * The type of a list's values in {@code JSON_TABLE}: the column type; text in the columns'
   * collation (else {@code JSON_TABLE}'s would compare case-insensitively), and a UUID as its text
   * ({@code JSON_TABLE} takes no UUID column), which MariaDB compares with a UUID column as a UUID.
   */
  private String listType(Class<?> type) {
    if (type == String.class) {
      return "LONGTEXT CHARACTER SET utf8mb4 COLLATE " + COLLATION;
    }
    if (type == UUID.class) {
      return "CHAR(36)";
    }
    return columnType(type, true);
  }

  @Override
  public void bindList(
      Connection conn, PreparedStatement statement, int index, Class<?> type, List<Object> values)
      throws SQLException {
    statement.setString(index, json(values));
  }

  /** The values as a JSON array: numbers as numbers, everything else as text MariaDB parses. */
  static String json(List<Object> values) {
    StringBuilder sb = new StringBuilder(values.size() * 8 + 2).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      if (v == null) {
        sb.append("null");
      } else if (v instanceof Long
          || v instanceof Integer
          || v instanceof Short
          || v instanceof Double
          || v instanceof Float) {
        sb.append(v);
      } else if (v instanceof Boolean b) {
        sb.append(b ? '1' : '0');
      } else if (v instanceof BigDecimal d) {
        string(sb, d.toPlainString());
      } else if (v instanceof Instant in) {
        string(sb, LocalDateTime.ofInstant(in, ZoneOffset.UTC).toString());
      } else {
        string(sb, v.toString());
      }
    }
    return sb.append(']').toString();
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public String arrayTypeName(Class<?> type) {
    throw new UnsupportedOperationException("MariaDB has no arrays: lists are JSON text");
  }

  @Override
  public Object[] arrayElements(Class<?> type, List<Object> values) {
    throw new UnsupportedOperationException("MariaDB has no arrays: lists are JSON text");
  }

  /** MariaDB's foreign-key message names the constraint, not the value. */
  @Override
  public boolean foreignKeyErrorsNameValues() {
    return false;
  }

  /** A boolean parameter is 1 or 0, itself a condition; MariaDB has no {@code CAST AS BOOLEAN}. */
  @Override
  public String flag() {
    return "?";
  }

  /**
   * MariaDB sorts NULLs first ascending and has no {@code NULLS LAST}: the term sorts on {@code
   * expression IS NULL} first.
   */
  @Override
  public String orderTerm(String expression, boolean ascending) {
    return ascending
        ? expression + " IS NULL, " + expression + " ASC"
        : expression + " IS NULL DESC, " + expression + " DESC";
  }

  /**
   * {@code INSERT ... ON DUPLICATE KEY UPDATE c = CASE WHEN ? THEN VALUES(c) ELSE c END}, or,
   * without payload columns, an update that changes nothing ({@code INSERT IGNORE} would also turn
   * a foreign-key failure into a warning).
   */
  @Override
  public String upsert(
      String table,
      List<String> keyColumns,
      List<Class<?>> keyTypes,
      List<String> payloadColumns,
      List<Class<?>> payloadTypes) {
    StringBuilder sql = insert(table, keyColumns, payloadColumns);
    if (payloadColumns.isEmpty()) {
      return sql.append(keyColumns.get(0)).append(" = ").append(keyColumns.get(0)).toString();
    }
    for (int i = 0; i < payloadColumns.size(); i++) {
      String c = payloadColumns.get(i);
      sql.append(i > 0 ? ", " : "")
          .append(c)
          .append(" = CASE WHEN ? THEN VALUES(")
          .append(c)
          .append(") ELSE ")
          .append(c)
          .append(" END");
    }
    return sql.toString();
  }

  /** {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)}: no flag to bind and test. */
  @Override
  public String overwrite(String table, List<String> keyColumns, List<String> payloadColumns) {
    StringBuilder sql = insert(table, keyColumns, payloadColumns);
    for (int i = 0; i < payloadColumns.size(); i++) {
      String c = payloadColumns.get(i);
      sql.append(i > 0 ? ", " : "").append(c).append(" = VALUES(").append(c).append(')');
    }
    return sql.toString();
  }

  private static StringBuilder insert(
      String table, List<String> keyColumns, List<String> payloadColumns) {
    List<String> columns = new java.util.ArrayList<>(keyColumns);
    columns.addAll(payloadColumns);
    return new StringBuilder("INSERT INTO ")
        .append(table)
        .append(" (")
        .append(String.join(", ", columns))
        .append(") VALUES (")
        .append(String.join(", ", java.util.Collections.nCopies(columns.size(), "?")))
        .append(") ON DUPLICATE KEY UPDATE ");
  }

  /**
   * {@code ON DUPLICATE KEY UPDATE} waits for a concurrent insert of the same key, then updates the
   * row it finds.
   */
  @Override
  public boolean upsertNeedsSourceLock() {
    return false;
  }

  /**
   * MariaDB reports every integrity failure as SQLState 23000 (a duplicate key 1062, a foreign key
   * 1451/1452) and a deadlock (1213) as 40001, but a lock wait timeout (1205) by its error code
   * alone (SQLState HY000), and a statement ended by {@code KILL} as 70100 with 1317 or 1927.
   */
  @Override
  public boolean isTransientError(SQLException e) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    return "HY000".equals(state) && code == 1205
        || "70100".equals(state) && (code == 1317 || code == 1927);
  }

  /** A duplicate key: SQLState 23000 with error code 1062. */
  @Override
  public boolean isDuplicateKeyError(SQLException e) {
    return "23000".equals(e.getSQLState()) && e.getErrorCode() == 1062;
  }

  @Override
  public String toString() {
    return "MariaDbDialect";
  }
}

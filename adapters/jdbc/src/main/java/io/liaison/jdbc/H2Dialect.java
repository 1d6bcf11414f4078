package io.liaison.jdbc;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

/** H2 2.x. The upsert is the standard {@code MERGE INTO ... USING (VALUES ...)}. */
public final class H2Dialect implements Dialect {
  static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String columnType(Class<?> type) {
    if (type == String.class) {
      return "CHARACTER VARYING";
    }
    if (type == BigDecimal.class) {
      // H2's NUMERIC without precision has scale 0 (it would round 1.5 to 2); DECFLOAT keeps the
      // value.
      return "DECFLOAT";
    }
    return Dialect.standardColumnType(type);
  }

  /**
   * On H2 a batch of plain inserts is no slower than a batch of {@code MERGE ... KEY} and the count
   * of the ends adds little; {@link #overwriteAll} costs what the insert batch does and needs no
   * second try for a link that exists (measurements: {@code bench/NOTEBOOK.md}, "H2 write shapes").
   */
  @Override
  public boolean writesFirst() {
    return true;
  }

  /**
   * {@code MERGE INTO table USING (SELECT * FROM UNNEST(?, ...)) ... WHEN MATCHED THEN UPDATE ...
   * WHEN NOT MATCHED THEN INSERT}: one statement whose rows travel as one array per column, each
   * row found by the primary key. Faster than a batch of {@code MERGE ... KEY} and level with a
   * batch of plain inserts, because H2 runs one command instead of one per row ({@code
   * bench/NOTEBOOK.md}, "H2 write shapes").
   */
  @Override
  public String overwriteAll(String table, List<String> keyColumns, List<String> payloadColumns) {
    StringBuilder names = new StringBuilder();
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < keyColumns.size() + payloadColumns.size(); i++) {
      sep(params, names);
      params.append('?');
      names.append(i < keyColumns.size() ? "\"k" + i : "\"v" + (i - keyColumns.size())).append('"');
    }
    StringBuilder sql =
        new StringBuilder("MERGE INTO ")
            .append(table)
            .append(" AS j USING (SELECT * FROM UNNEST(")
            .append(params)
            .append(")) AS s(")
            .append(names)
            .append(") ON ");
    for (int i = 0; i < keyColumns.size(); i++) {
      sql.append(i > 0 ? " AND " : "")
          .append("j.")
          .append(keyColumns.get(i))
          .append(" = s.\"k")
          .append(i)
          .append('"');
    }
    if (!payloadColumns.isEmpty()) {
      sql.append(" WHEN MATCHED THEN UPDATE SET ");
      for (int i = 0; i < payloadColumns.size(); i++) {
        sql.append(i > 0 ? ", " : "")
            .append(payloadColumns.get(i))
            .append(" = s.\"v")
            .append(i)
            .append('"');
      }
    }
    List<String> columns = new java.util.ArrayList<>(keyColumns);
    columns.addAll(payloadColumns);
    sql.append(" WHEN NOT MATCHED THEN INSERT (")
        .append(String.join(", ", columns))
        .append(") VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i > 0 ? ", " : "")
          .append(i < keyColumns.size() ? "s.\"k" + i : "s.\"v" + (i - keyColumns.size()))
          .append('"');
    }
    return sql.append(')').toString();
  }

  /**
   * H2 2.3 checks a junction's foreign key against the committed target row and does not wait for a
   * transaction that is deleting it (a plain JDBC insert goes in, the delete commits, the link is
   * left pointing at nothing); a {@code SELECT ... FOR UPDATE} of the target does wait, and then
   * returns only the rows that survived.
   */
  @Override
  public boolean linkLocksTargets() {
    return true;
  }

  @Override
  public int maxArrayLength() {
    return 65_536;
  }

  /** {@code JOIN UNNEST(?) u(v) ON expression = u.v}: H2 joins an unnested array by index. */
  @Override
  public String keyJoin(String expression, Class<?> type) {
    return " JOIN UNNEST(?) u(v) ON " + expression + " = u.v";
  }

  @Override
  public String arrayTypeName(Class<?> type) {
    return columnType(type);
  }

  @Override
  public Object[] arrayElements(Class<?> type, List<Object> values) {
    Object[] out = (Object[]) Array.newInstance(type == null ? Object.class : type, values.size());
    return values.toArray(out);
  }

  @Override
  public String upsert(
      String table,
      List<String> keyColumns,
      List<Class<?>> keyTypes,
      List<String> payloadColumns,
      List<Class<?>> payloadTypes) {
    // Parameters are typed with CAST: H2 cannot infer the type of a bare parameter in VALUES.
    StringBuilder values = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < keyColumns.size(); i++) {
      sep(values, names);
      values.append("CAST(? AS ").append(columnType(keyTypes.get(i))).append(')');
      names.append("\"k").append(i).append('"');
    }
    for (int i = 0; i < payloadColumns.size(); i++) {
      sep(values, names);
      values.append("CAST(? AS ").append(columnType(payloadTypes.get(i))).append(')');
      names.append("\"v").append(i).append('"');
    }
    for (int i = 0; i < payloadColumns.size(); i++) {
      sep(values, names);
      values.append("CAST(? AS BOOLEAN)");
      names.append("\"f").append(i).append('"');
    }
    StringBuilder sql =
        new StringBuilder("MERGE INTO ")
            .append(table)
            .append(" AS j USING (VALUES (")
            .append(values)
            .append(")) AS s(")
            .append(names)
            .append(") ON ");
    for (int i = 0; i < keyColumns.size(); i++) {
      if (i > 0) {
        sql.append(" AND ");
      }
      sql.append("j.").append(keyColumns.get(i)).append(" = s.\"k").append(i).append('"');
    }
    if (!payloadColumns.isEmpty()) {
      sql.append(" WHEN MATCHED THEN UPDATE SET ");
      for (int i = 0; i < payloadColumns.size(); i++) {
        if (i > 0) {
          sql.append(", ");
        }
        String c = payloadColumns.get(i);
        sql.append(c)
            .append(" = CASE WHEN s.\"f")
            .append(i)
            .append("\" THEN s.\"v")
            .append(i)
            .append("\" ELSE j.")
            .append(c)
            .append(" END");
      }
    }
    sql.append(" WHEN NOT MATCHED THEN INSERT (");
    StringBuilder insertValues = new StringBuilder();
    for (int i = 0; i < keyColumns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
        insertValues.append(", ");
      }
      sql.append(keyColumns.get(i));
      insertValues.append("s.\"k").append(i).append('"');
    }
    for (int i = 0; i < payloadColumns.size(); i++) {
      sql.append(", ").append(payloadColumns.get(i));
      insertValues.append(", s.\"v").append(i).append('"');
    }
    sql.append(") VALUES (").append(insertValues).append(')');
    return sql.toString();
  }

  private static void sep(StringBuilder a, StringBuilder b) {
    if (a.length() > 0) {
      a.append(", ");
      b.append(", ");
    }
  }

  /** H2's error code for a lock timeout (SQLState HYT00). */
  private static final int LOCK_TIMEOUT = 50200;

  /** H2's error code for a concurrent update in another transaction. */
  private static final int CONCURRENT_UPDATE = 90131;

  /** H2's error code for a deadlock (SQLState 40001). */
  private static final int DEADLOCK = 40001;

  /**
   * H2's error code for a failure of its storage engine (MVStore), whose own code ends the message.
   */
  private static final int GENERAL_ERROR = 50000;

  /**
   * How the message of an H2 general error ends for MVStore's "too many open transactions", which
   * H2 also raises as "an old transaction with the same id is still open" when a new transaction
   * gets the id of one it is still closing (after an {@code ABORT_SESSION}): a moment later there
   * is room again.
   */
  private static final String MVSTORE_TOO_MANY_OPEN_TRANSACTIONS = "/102]";

  /**
   * H2's own exceptions: a lock timeout, a concurrent update, a deadlock, and MVStore's "too many
   * open transactions"; no other general error.
   */
  @Override
  public boolean isTransientError(SQLException e) {
    if (!e.getClass().getName().startsWith("org.h2.")) {
      return false;
    }
    int code = e.getErrorCode();
    return code == LOCK_TIMEOUT
        || code == CONCURRENT_UPDATE
        || code == DEADLOCK
        || code == GENERAL_ERROR
            && e.getMessage() != null
            && e.getMessage().contains(MVSTORE_TOO_MANY_OPEN_TRANSACTIONS);
  }

  @Override
  public String toString() {
    return "H2Dialect";
  }
}

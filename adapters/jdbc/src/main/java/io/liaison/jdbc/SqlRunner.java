package io.liaison.jdbc;

import io.liaison.spi.AssociationInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a session's statements on its one pooled connection, and owns that connection's transaction:
 * each statement, query or batch is reported once to the adapter's {@link
 * io.liaison.spi.StatementListener}s before it runs; parameters are bound (lists as the dialect
 * binds them, {@link Dialect#bindList}); several rows of one statement go as one JDBC batch; a
 * write runs under a savepoint where the session asks for them; a failure becomes a Liaison
 * exception ({@link SqlErrors}), and a connection found gone is marked lost and discarded on close.
 * It knows no model or association: the other parts of the session build the statements it runs.
 */
final class SqlRunner {
  /** The session's logger: its category stays the one the adapter has always logged under. */
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);

  private final JdbcAdapter adapter;
  private final Connection conn;
  private final Dialect dialect;
  private final boolean savepoints;
  private final boolean autoCommit;
  private boolean ended;
  private boolean closed;

  /**
   * A statement failed and the connection turned out to be gone: it must not go back to the pool.
   */
  private boolean lost;

  /**
   * @param savepoints take a savepoint around each write (in a user's transaction)
   * @param autoCommit the connection is in auto-commit mode (a read operation): every statement
   *     commits by itself, and commit and rollback have nothing to end
   */
  SqlRunner(
      JdbcAdapter adapter,
      Connection conn,
      Dialect dialect,
      boolean savepoints,
      boolean autoCommit) {
    this.adapter = adapter;
    this.conn = conn;
    this.dialect = dialect;
    this.savepoints = savepoints;
    this.autoCommit = autoCommit;
  }

  /** Whether this is a read operation in auto-commit mode (no transaction of its own). */
  boolean autoCommitted() {
    return autoCommit;
  }

  /** Whether a failure found the connection gone (the transaction went with it). */
  boolean lost() {
    return lost;
  }

  /** {@code ", closed"}, {@code ", ended"} or nothing, for {@code toString}. */
  String state() {
    return closed ? ", closed" : ended ? ", ended" : "";
  }

  /** {@link JdbcAdapter#junctionGuardsEnds} on this connection, its failure translated. */
  boolean junctionGuardsEnds(AssociationInfo a) {
    ensureActive();
    try {
      return adapter.junctionGuardsEnds(conn, a);
    } catch (SQLException e) {
      throw translate("link " + a.name(), e, false);
    }
  }

  /**
   * {@link #batch(String, List)} of an insert whose generated {@code keyColumn} values come back:
   * {@code keys} reads each, in the order of the rows.
   */
  void batchReturningKeys(String sql, String keyColumn, List<List<Param>> rows, RowReader keys)
      throws SQLException {
    adapter.fire(sql);
    // Only the key comes back (PostgreSQL: RETURNING "id"); the drivers take the column name as
    // spelled.
    try (PreparedStatement ps = conn.prepareStatement(sql, new String[] {keyColumn})) {
      runBatch(ps, rows);
      try (ResultSet rs = ps.getGeneratedKeys()) {
        while (rs.next()) {
          keys.read(rs);
        }
      }
    }
  }

  void commit() {
    ensureActive();
    try {
      if (!autoCommit) {
        conn.commit();
      }
      ended = true;
    } catch (SQLException e) {
      throw translate("commit", e, false);
    }
  }

  void rollback() {
    ensureActive();
    if (lost) {
      ended = true; // the database dropped the transaction with the connection
      return;
    }
    try {
      if (!autoCommit) {
        conn.rollback();
      }
      ended = true;
    } catch (SQLException e) {
      throw SqlErrors.translate("rollback", e);
    }
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (lost) {
      adapter.discard(conn);
      return;
    }
    try {
      if (!ended && !autoCommit) {
        conn.rollback();
      }
    } catch (SQLException e) {
      LOG.warn("rollback on close failed", e);
    } finally {
      try {
        conn.close();
      } catch (SQLException e) {
        LOG.warn("closing the connection failed", e);
      }
    }
  }

  /**
   * The Liaison exception for a failed statement: if the connection is gone, a lost connection
   * ({@link SqlErrors#connectionLost}, and the connection is discarded on close), else by SQLState.
   */
  RuntimeException translate(String operation, SQLException e, boolean upsert) {
    if (connectionGone()) {
      lost = true;
      return SqlErrors.connectionLost(operation, e);
    }
    return upsert ? SqlErrors.translateUpsert(operation, e) : SqlErrors.translate(operation, e);
  }

  /**
   * Asks the driver's own connection, without a round trip: a pool's proxy only knows whether it
   * was handed back. When in doubt, not gone, so that a failure keeps its own meaning.
   */
  private boolean connectionGone() {
    Connection own = conn;
    try {
      if (conn.isWrapperFor(Connection.class)) {
        own = conn.unwrap(Connection.class);
      }
    } catch (SQLException e) {
      // not a wrapper: ask the connection itself
    }
    try {
      return own.isClosed();
    } catch (SQLException e) {
      return false;
    }
  }

  void ensureActive() {
    if (closed) {
      throw new IllegalStateException("The session is closed");
    }
    if (ended) {
      throw new IllegalStateException("The transaction has already ended");
    }
  }

  interface SqlWork<T> {
    T run() throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> T read(String operation, SqlWork<T> work) {
    ensureActive();
    try {
      return work.run();
    } catch (SQLException e) {
      throw translate(operation, e, false);
    }
  }

  /**
   * Runs a write under a savepoint (unless disabled), so that a failure leaves nothing of it
   * written and the transaction usable (PostgreSQL aborts a transaction on any error otherwise).
   */
  <T> T write(String operation, SqlWork<T> work) {
    return write(operation, work, false);
  }

  /**
   * As {@link #write(String, SqlWork)}; {@code upsert}: the work upserts junction rows, so a unique
   * violation is a concurrent insert ({@link SqlErrors#translateUpsert}).
   */
  <T> T write(String operation, SqlWork<T> work, boolean upsert) {
    ensureActive();
    Savepoint savepoint = null;
    try {
      if (savepoints) {
        savepoint = savepoint();
      }
      T result = work.run();
      if (savepoint != null) {
        release(savepoint);
      }
      return result;
    } catch (SQLException e) {
      rollbackTo(savepoint, e);
      throw translate(operation, e, upsert);
    } catch (RuntimeException e) {
      rollbackTo(savepoint, e);
      throw e;
    }
  }

  Savepoint savepoint() throws SQLException {
    adapter.fire("SAVEPOINT");
    return conn.setSavepoint();
  }

  void release(Savepoint savepoint) throws SQLException {
    adapter.fire("RELEASE SAVEPOINT");
    conn.releaseSavepoint(savepoint);
  }

  void rollBack(Savepoint savepoint) throws SQLException {
    adapter.fire("ROLLBACK TO SAVEPOINT");
    conn.rollback(savepoint);
  }

  /**
   * Rolls back to {@code savepoint}, if any, a failure of the rollback kept with {@code failure}.
   */
  private void rollbackTo(Savepoint savepoint, Exception failure) {
    if (savepoint == null) {
      return;
    }
    try {
      rollBack(savepoint);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  <T> List<T> query(String sql, List<Param> params, RowMapper<T> mapper) throws SQLException {
    return query(sql, params, mapper, false);
  }

  /**
   * @param planForArrays the statement's plan depends on its arrays' contents: planned for them on
   *     every execution ({@link Dialect#planForArrays}), for key arrays tested against rows no
   *     index narrows down (the ends' existence counts, the pairs of {@code has}); reads whose
   *     arrays are index conditions keep the plan the database caches, which costs no planning per
   *     call (planning such a count costs about as much as running it; {@code bench/NOTEBOOK.md})
   */
  <T> List<T> query(String sql, List<Param> params, RowMapper<T> mapper, boolean planForArrays)
      throws SQLException {
    List<T> out = new ArrayList<>();
    queryEach(sql, params, rs -> out.add(mapper.map(rs)), planForArrays);
    return out;
  }

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * {@link #query(String, List, RowMapper, boolean)} handing each row to {@code reader} instead of
   * listing them.
   */
  Void queryEach(String sql, List<Param> params, RowReader reader, boolean planForArrays)
      throws SQLException {
    adapter.fire(sql);
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      if (planForArrays) {
        dialect.planForArrays(ps);
      }
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
    return null;
  }

  int update(String sql, List<Param> params) throws SQLException {
    adapter.fire(sql);
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /**
   * One round trip: a single execution for one row, else a JDBC batch. Returns the update counts.
   */
  int[] batch(String sql, List<List<Param>> rows) throws SQLException {
    return batch(sql, rows, false);
  }

  /**
   * @param planForArrays as for {@link #query(String, List, RowMapper, boolean)}
   */
  int[] batch(String sql, List<List<Param>> rows, boolean planForArrays) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    adapter.fire(sql);
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      if (planForArrays) {
        dialect.planForArrays(ps);
      }
      return runBatch(ps, rows);
    }
  }

  private int[] runBatch(PreparedStatement ps, List<List<Param>> rows) throws SQLException {
    if (rows.size() == 1) {
      bind(ps, rows.get(0));
      return new int[] {ps.executeUpdate()};
    }
    for (List<Param> row : rows) {
      bind(ps, row);
      ps.addBatch();
    }
    return ps.executeBatch();
  }

  private void bind(PreparedStatement ps, List<Param> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.array()) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) p.value();
        dialect.bindList(conn, ps, i + 1, p.type(), values);
      } else {
        Values.bind(ps, i + 1, p.value(), p.type());
      }
    }
  }
}

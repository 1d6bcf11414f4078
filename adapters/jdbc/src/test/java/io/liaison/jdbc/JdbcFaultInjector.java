package io.liaison.jdbc;

import io.liaison.contract.FaultInjector;
import io.liaison.spi.StoreAdapter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link FaultInjector} for the JDBC stores: the blocker holds a row with {@code SELECT ... FOR
 * UPDATE} (or inserts the junction row it would lock, left uncommitted), and the killer, on a
 * connection of its own, finds the sessions the database shows waiting for the blocker's session
 * and ends them the database's administrative way. Subclasses say how a database names a session,
 * shows who waits for whom, and kills.
 */
abstract class JdbcFaultInjector implements FaultInjector {

  /** A new plain connection to the store, outside any adapter. */
  abstract Connection connect() throws SQLException;

  /** The id the database gives this connection's session. */
  abstract Object sessionOf(Connection c) throws SQLException;

  /** On the killer's connection: the sessions waiting for a lock the given session holds. */
  abstract List<Object> waitingFor(Connection killer, Object blocking) throws SQLException;

  /**
   * On the killer's connection: ends that session (and so its transaction) as an administrator
   * would.
   */
  abstract void kill(Connection killer, Object session) throws SQLException;

  @Override
  public Blocker holdLink(
      String through,
      String sourceColumn,
      Object sourceId,
      String target,
      String targetColumn,
      Object targetId) {
    String where =
        " FROM \""
            + through
            + "\" WHERE \""
            + sourceColumn
            + "\" = ? AND \""
            + targetColumn
            + "\" = ?";
    return hold(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT 1" + where + " FOR UPDATE")) {
            ps.setObject(1, sourceId);
            ps.setObject(2, targetId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return;
              }
            }
          }
          holdMissingLink(c, through, sourceColumn, sourceId, target, targetColumn, targetId);
        });
  }

  /**
   * {@link #holdLink} where the junction has no row for the pair: inserts it, left uncommitted, so
   * that an insert of the same pair waits for it.
   */
  void holdMissingLink(
      Connection c,
      String through,
      String sourceColumn,
      Object sourceId,
      String target,
      String targetColumn,
      Object targetId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO \""
                + through
                + "\" (\""
                + sourceColumn
                + "\", \""
                + targetColumn
                + "\") VALUES (?, ?)")) {
      ps.setObject(1, sourceId);
      ps.setObject(2, targetId);
      ps.executeUpdate();
    }
  }

  @Override
  public Blocker holdEntity(String model, Object id) {
    return hold(c -> lockRow(c, model, id));
  }

  /** Locks the row of {@code model} with this id until the connection's transaction ends. */
  static void lockRow(Connection c, String model, Object id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM \"" + model + "\" WHERE \"id\" = ? FOR UPDATE")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no " + model + " " + id + " to hold");
        }
      }
    }
  }

  @Override
  public Blocker holdDelete(String model, Object id) {
    return hold(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM \"" + model + "\" WHERE \"id\" = ?")) {
            ps.setObject(1, id);
            if (ps.executeUpdate() != 1) {
              throw new IllegalStateException("no " + model + " " + id + " to delete");
            }
          }
        });
  }

  /** A write done on a new connection, left uncommitted. */
  private interface Write {
    void run(Connection c) throws SQLException;
  }

  private Blocker hold(Write write) {
    try {
      Connection c = connect();
      try {
        c.setAutoCommit(false);
        write.run(c);
        return new SqlBlocker(c, sessionOf(c));
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("starting the blocker failed", e);
    }
  }

  /** The blocker's connection and session; kills come from a connection of their own. */
  private final class SqlBlocker implements Blocker {
    private final Connection connection;
    private final Object session;
    private final Set<Object> killed = new HashSet<>();

    SqlBlocker(Connection connection, Object session) {
      this.connection = connection;
      this.session = session;
    }

    @Override
    public boolean killWaiter(Duration within) {
      return findWaiter(within, true);
    }

    @Override
    public boolean awaitWaiter(Duration within) {
      return findWaiter(within, false);
    }

    /**
     * Polls the database for a session waiting for the blocker's (one not seen before), and kills
     * it if asked.
     */
    private boolean findWaiter(Duration within, boolean kill) {
      long deadline = System.nanoTime() + within.toNanos();
      try (Connection killer = connect()) {
        killer.setAutoCommit(true);
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
          for (Object waiter : waitingFor(killer, session)) {
            if (killed.add(waiter)) {
              if (kill) {
                JdbcFaultInjector.this.kill(killer, waiter);
              }
              return true;
            }
          }
          Thread.onSpinWait();
        }
        return false;
      } catch (SQLException e) {
        throw new IllegalStateException("looking for the waiting session failed", e);
      }
    }

    @Override
    public synchronized void commit() {
      try {
        connection.commit();
        connection.close();
      } catch (SQLException e) {
        throw new IllegalStateException("committing the blocker failed", e);
      }
    }

    @Override
    public synchronized void close() {
      try {
        if (!connection.isClosed()) {
          connection.rollback();
          connection.close();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("releasing the blocker failed", e);
      }
    }
  }

  /** PostgreSQL: {@code pg_blocking_pids} shows who waits, {@code pg_terminate_backend} kills. */
  static final class Postgres extends JdbcFaultInjector {
    private final PostgresStoreProvider provider;

    Postgres(PostgresStoreProvider provider) {
      this.provider = provider;
    }

    @Override
    public StoreAdapter reopen() {
      return JdbcAdapter.create(
          JdbcConfig.url(
                  provider.schemaUrl(),
                  PostgresStoreProvider.Server.USER,
                  PostgresStoreProvider.Server.PASSWORD)
              .withPoolSize(1));
    }

    @Override
    Connection connect() throws SQLException {
      java.util.Properties p = new java.util.Properties();
      if (PostgresStoreProvider.Server.USER != null) {
        p.setProperty("user", PostgresStoreProvider.Server.USER);
      }
      if (PostgresStoreProvider.Server.PASSWORD != null) {
        p.setProperty("password", PostgresStoreProvider.Server.PASSWORD);
      }
      return java.sql.DriverManager.getConnection(provider.schemaUrl(), p);
    }

    @Override
    Object sessionOf(Connection c) throws SQLException {
      return single(c, "SELECT pg_backend_pid()");
    }

    @Override
    List<Object> waitingFor(Connection killer, Object blocking) throws SQLException {
      return all(
          killer,
          "SELECT pid FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))",
          blocking);
    }

    @Override
    void kill(Connection killer, Object session) throws SQLException {
      single(killer, "SELECT pg_terminate_backend(?)", session);
    }
  }

  /**
   * Embedded H2: {@code INFORMATION_SCHEMA.SESSIONS} shows who waits for whom ({@code BLOCKER_ID}),
   * {@code ABORT_SESSION} kills. H2 fills {@code BLOCKER_ID} only for a wait on a row's lock; an
   * insert that waits for another transaction's uncommitted row of the same key shows as running,
   * with no blocker, and killing a session while its statement runs is not atomic (the close rolls
   * back, then commits, from the killer's thread, so the statement may keep rows it writes in
   * between). So every blocker here holds a row lock, and a kill only ever reaches a session that
   * waits for one: a link missing from the junction is held through its target's row, which the H2
   * link path locks once it has written the links ({@link Dialect#linkLocksTargets}), instead of
   * through an uncommitted insert of the pair.
   */
  static final class H2 extends JdbcFaultInjector {
    private final H2StoreProvider provider;

    H2(H2StoreProvider provider) {
      this.provider = provider;
    }

    @Override
    public StoreAdapter reopen() {
      return JdbcAdapter.create(JdbcConfig.url(provider.url(), "sa", "").withPoolSize(1));
    }

    @Override
    Connection connect() throws SQLException {
      return java.sql.DriverManager.getConnection(provider.url(), "sa", "");
    }

    @Override
    Object sessionOf(Connection c) throws SQLException {
      return single(c, "SELECT SESSION_ID()");
    }

    @Override
    List<Object> waitingFor(Connection killer, Object blocking) throws SQLException {
      return all(
          killer,
          "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?",
          blocking);
    }

    @Override
    void kill(Connection killer, Object session) throws SQLException {
      single(killer, "SELECT ABORT_SESSION(?)", session);
    }

    @Override
    void holdMissingLink(
        Connection c,
        String through,
        String sourceColumn,
        Object sourceId,
        String target,
        String targetColumn,
        Object targetId)
        throws SQLException {
      lockRow(c, target, targetId);
    }
  }

  private static Object single(Connection c, String sql, Object... parameters) throws SQLException {
    List<Object> values = all(c, sql, parameters);
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<Object> all(Connection c, String sql, Object... parameters)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getObject(1));
        }
      }
    }
    return values;
  }
}

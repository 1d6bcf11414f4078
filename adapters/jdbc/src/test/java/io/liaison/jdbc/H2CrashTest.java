package io.liaison.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link AbstractJdbcCrashTest} on embedded H2. There is no server process or socket to kill, but H2's
 * equivalent of {@code pg_terminate_backend} is {@code ABORT_SESSION(id)}: it cancels the session's
 * statement, rolls its transaction back and closes it, so its connection is dead, as a killed one is.
 * The killer finds the session in {@code INFORMATION_SCHEMA.SESSIONS}, whose running statement shows the
 * batch row it is at: the upsert ({@code MERGE}) of the blocker's link, which waits for the blocker
 * (within H2's lock timeout).
 *
 * <p>Only a session that waits is aborted: H2 2.3.232's session close rolls back and then commits
 * (for its temporary tables), so rows that a batch still running in the session writes between the two
 * are committed. Aborted at any moment of its batch, a set once left all 1,000 old links and 99 new
 * ones. A waiting session wakes up only after its close, and fails. Closing the connection from another
 * thread ({@code Connection.close()}) cancels the statement and closes the session the same way.
 */
class H2CrashTest extends AbstractJdbcCrashTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private String url;

  @Override
  JdbcAdapter openEmpty() {
    url = "jdbc:h2:mem:crash_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return JdbcAdapter.create(JdbcConfig.url(url, "sa", "").withPoolSize(2));
  }

  @Override
  JdbcAdapter reopen() {
    return JdbcAdapter.create(JdbcConfig.url(url, "sa", "").withPoolSize(1));
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  /** The row of the upsert's batch a session runs shows in its statement, with its parameters. */
  @Override
  List<Object> sessionsWaiting(Connection killer, long blockedTarget) throws SQLException {
    String upsert = "MERGE INTO \"BookArticles\"";
    List<Object> ids = new ArrayList<>();
    try (PreparedStatement ps = killer.prepareStatement("SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS "
        + "WHERE SESSION_ID <> SESSION_ID() AND LEFT(EXECUTING_STATEMENT, ?) = ? AND EXECUTING_STATEMENT LIKE ?")) {
      ps.setInt(1, upsert.length());
      ps.setString(2, upsert);
      ps.setString(3, "%2: CAST(" + blockedTarget + " AS BIGINT)%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
    }
    return ids;
  }

  @Override
  void kill(Connection killer, Object session) throws SQLException {
    try (PreparedStatement ps = killer.prepareStatement("SELECT ABORT_SESSION(?)")) {
      ps.setInt(1, (Integer) session);
      ps.executeQuery().close();
    }
  }
}

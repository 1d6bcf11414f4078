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
 * The killer finds the session in {@code INFORMATION_SCHEMA.SESSIONS} running the junction upsert
 * ({@code MERGE}), which waits for the blocker's row (within H2's lock timeout).
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

  @Override
  String upsertStart() {
    return "MERGE INTO \"BookArticles\"";
  }

  @Override
  List<Object> sessionsRunning(Connection killer, String upsertStart) throws SQLException {
    List<Object> ids = new ArrayList<>();
    try (PreparedStatement ps = killer.prepareStatement("SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS "
        + "WHERE SESSION_ID <> SESSION_ID() AND LEFT(EXECUTING_STATEMENT, ?) = ?")) {
      ps.setInt(1, upsertStart.length());
      ps.setString(2, upsertStart);
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

package io.liaison.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@link AbstractJdbcCrashTest} on PostgreSQL: the killer finds the backend of the connection doing the
 * set in {@code pg_stat_activity}, running the junction upsert and waiting for a lock (the blocker's
 * link; only that upsert waits here), and ends it with {@code pg_terminate_backend}, as an
 * administrator or a crashed server process would.
 */
class PostgresCrashTest extends AbstractJdbcCrashTest {
  private static final PostgresStoreProvider PROVIDER = new PostgresStoreProvider("liaison_crash");

  @Override
  JdbcAdapter openEmpty() {
    return (JdbcAdapter) PROVIDER.openEmpty();
  }

  @Override
  JdbcAdapter reopen() {
    return JdbcAdapter.create(JdbcConfig.url(PROVIDER.schemaUrl(), PostgresStoreProvider.Server.USER,
        PostgresStoreProvider.Server.PASSWORD).withPoolSize(1));
  }

  @Override
  Connection connect() throws SQLException {
    Properties p = new Properties();
    if (PostgresStoreProvider.Server.USER != null) {
      p.setProperty("user", PostgresStoreProvider.Server.USER);
    }
    if (PostgresStoreProvider.Server.PASSWORD != null) {
      p.setProperty("password", PostgresStoreProvider.Server.PASSWORD);
    }
    return DriverManager.getConnection(PROVIDER.schemaUrl(), p);
  }

  @Override
  List<Object> sessionsWaiting(Connection killer, long blockedTarget) throws SQLException {
    List<Object> pids = new ArrayList<>();
    try (PreparedStatement ps = killer.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = "
        + "current_database() AND pid <> pg_backend_pid() AND state = 'active' AND wait_event_type = 'Lock' "
        + "AND starts_with(query, 'INSERT INTO \"BookArticles\"')");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        pids.add(rs.getInt(1));
      }
    }
    return pids;
  }

  @Override
  void kill(Connection killer, Object session) throws SQLException {
    try (PreparedStatement ps = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
      ps.setInt(1, (Integer) session);
      ps.executeQuery().close();
    }
  }
}

package io.liaison.jdbc;

import io.liaison.spi.StoreAdapter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB: InnoDB's lock waits ({@code information_schema.INNODB_LOCK_WAITS} with {@code
 * INNODB_TRX}) show who waits for whom, {@code KILL CONNECTION} ends a session.
 */
final class MariaDbFaultInjector extends JdbcFaultInjector {
  private final MariaDbStoreProvider provider;

  MariaDbFaultInjector(MariaDbStoreProvider provider) {
    this.provider = provider;
  }

  @Override
  public StoreAdapter reopen() {
    return JdbcAdapter.create(JdbcConfig.url(provider.databaseUrl(), null, null).withPoolSize(1));
  }

  @Override
  Connection connect() throws SQLException {
    return provider.connect();
  }

  @Override
  Object sessionOf(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  List<Object> waitingFor(Connection killer, Object blocking) throws SQLException {
    List<Object> waiting = new ArrayList<>();
    try (PreparedStatement ps =
        killer.prepareStatement(
            "SELECT DISTINCT r.trx_mysql_thread_id"
                + " FROM information_schema.INNODB_LOCK_WAITS w"
                + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
                + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
                + " WHERE b.trx_mysql_thread_id = ?")) {
      ps.setLong(1, (Long) blocking);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          waiting.add(rs.getLong(1));
        }
      }
    }
    return waiting;
  }

  @Override
  void kill(Connection killer, Object session) throws SQLException {
    try (Statement s = killer.createStatement()) {
      s.execute("KILL CONNECTION " + (long) (Long) session);
    }
  }
}

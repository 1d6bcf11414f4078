package io.liaison.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The adapter's own checks on PostgreSQL (given server or embedded; see {@link PostgresStoreProvider}). */
class PostgresAdapterTest extends AbstractJdbcAdapterTest {
  private static final PostgresStoreProvider PROVIDER = new PostgresStoreProvider("liaison_adapter");

  @Override
  JdbcAdapter openEmpty() {
    return (JdbcAdapter) PROVIDER.openEmpty();
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
  String schemaName() {
    return "liaison_adapter";
  }
}

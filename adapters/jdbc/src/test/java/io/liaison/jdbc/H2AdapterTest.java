package io.liaison.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** The adapter's own checks on H2. */
class H2AdapterTest extends AbstractJdbcAdapterTest {
  private static final AtomicInteger N = new AtomicInteger();
  private String url;

  @Override
  JdbcAdapter openEmpty() {
    url = "jdbc:h2:mem:adapter_" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return JdbcAdapter.create(JdbcConfig.url(url, "sa", ""));
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  @Override
  String schemaName() {
    return "PUBLIC";
  }
}

package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.contract.fixtures.Book;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/**
 * The adapter's own checks on PostgreSQL (given server or embedded; see {@link
 * PostgresStoreProvider}).
 */
class PostgresAdapterTest extends AbstractJdbcAdapterTest {
  private static final PostgresStoreProvider PROVIDER =
      new PostgresStoreProvider("liaison_adapter");

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

  /**
   * A read outside a transaction runs in auto-commit when the isolation allows it, and pgjdbc
   * answers {@code getTransactionIsolation} with a query to the server: the adapter asks its own
   * pool once, not on every read. pgjdbc's log of what it sends shows it.
   */
  @Test
  void readsDoNotAskTheServerForTheIsolationEachTime() {
    Book b = db.insert(book("B"));
    Logger driver = Logger.getLogger("org.postgresql");
    List<String> sent = new CopyOnWriteArrayList<>();
    SimpleFormatter format = new SimpleFormatter();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            sent.add(format.formatMessage(r));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    Level before = driver.getLevel();
    driver.setLevel(Level.FINEST);
    driver.addHandler(handler);
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(db.on(b, ARTICLES).count()).isZero();
      }
    } finally {
      driver.removeHandler(handler);
      driver.setLevel(before);
    }
    assertThat(sent)
        .as("the driver's log of the statements it sent")
        .filteredOn(m -> m.contains("\"BookArticles\""))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(sent)
        .filteredOn(m -> m.contains("TRANSACTION ISOLATION"))
        .hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void planForArraysKeepsAStatementFromBeingPreparedOnTheServer() throws SQLException {
    // pgjdbc prepares a statement on the server from its fifth execution, and PostgreSQL then plans
    // it
    // once for arrays of any length (see PostgresDialect.planForArrays)
    String marker = "SELECT COUNT(*) AS planned_for_arrays FROM UNNEST(?) u(v)";
    String other = "SELECT COUNT(*) AS prepared_once FROM UNNEST(CAST(? AS int8[])) u(v)";
    try (Connection c = connect();
        PreparedStatement arrays = c.prepareStatement(marker);
        PreparedStatement plain = c.prepareStatement(other)) {
      PostgresDialect.INSTANCE.planForArrays(arrays);
      for (int i = 0; i < 8; i++) {
        arrays.setArray(1, c.createArrayOf("int8", new Long[] {1L, 2L, (long) i}));
        plain.setString(1, "{1,2," + i + "}");
        try (ResultSet a = arrays.executeQuery();
            ResultSet b = plain.executeQuery()) {
          assertThat(a.next() && b.next()).isTrue();
          assertThat(a.getLong(1)).isEqualTo(3);
        }
      }
      assertThat(arrays.unwrap(PGStatement.class).getPrepareThreshold()).isZero();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT statement FROM pg_prepared_statements")) {
        StringBuilder prepared = new StringBuilder();
        while (rs.next()) {
          prepared.append(rs.getString(1)).append('\n');
        }
        assertThat(prepared.toString())
            .as("the control statement is prepared on the server")
            .contains("prepared_once")
            .doesNotContain("planned_for_arrays");
      }
    }
  }
}

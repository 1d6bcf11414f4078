package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Book;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counter the contract's providers use ({@link CountingConnections}) sees what the adapter's
 * statement listener cannot: a batch reported as one round trip but sent row by row. The contract's
 * {@code roundTrips(..)} compares the two, so such an adapter fails every test that counts round
 * trips.
 */
class CountingConnectionsTest {
  private static final AtomicInteger N = new AtomicInteger();
  private static final int ROWS = 50;

  private final CountingConnections counted = new CountingConnections();
  private String url;
  private JdbcAdapter adapter;
  private final List<String> reported = new ArrayList<>();

  @BeforeEach
  void open() {
    url = "jdbc:h2:mem:counted_" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    adapter =
        JdbcAdapter.create(
            JdbcConfig.url(url, "sa", "").withPoolSize(2).withConnectionWrapper(counted::wrap));
    Liaison.builder().schema(Schema.builder().model(Book.class).build()).store(adapter).build();
    adapter.addStatementListener(reported::add);
  }

  @AfterEach
  void close() {
    adapter.close();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("SHUTDOWN");
    } catch (SQLException e) {
      // already gone
    }
  }

  @Test
  void aBatchReportedOnceButSentRowByRowIsCountedOncePerRow() throws SQLException {
    long before = counted.statements();

    // what a broken adapter would do: one event, then one execution per row
    try (Connection c = counted.wrap(DriverManager.getConnection(url, "sa", ""))) {
      c.setAutoCommit(false);
      adapter.fire("INSERT INTO \"Book\" (\"title\") VALUES (?)");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO \"Book\" (\"title\") VALUES (?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setString(1, "row " + i);
          ps.executeUpdate();
        }
      }
      c.commit();
    }

    assertThat(reported).hasSize(1);
    assertThat(counted.statements() - before)
        .as("executions that reached the database")
        .isEqualTo(ROWS);
  }

  @Test
  void theSameRowsSentAsOneBatchAreCountedOnce() throws SQLException {
    long before = counted.statements();

    try (Connection c = counted.wrap(DriverManager.getConnection(url, "sa", ""));
        PreparedStatement ps = c.prepareStatement("INSERT INTO \"Book\" (\"title\") VALUES (?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setString(1, "row " + i);
        ps.addBatch();
      }
      ps.executeBatch();
    }

    assertThat(counted.statements() - before).isEqualTo(1);
  }

  @Test
  void theAdaptersInsertAllReachesTheDatabaseExactlyAsItReportsIt() {
    Liaison db =
        Liaison.builder()
            .schema(Schema.builder().model(Book.class).build())
            .store(adapter)
            .sync(false)
            .build();
    List<Book> books = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Book b = new Book();
      b.title = "book " + i;
      books.add(b);
    }
    reported.clear();
    long before = counted.statements();

    db.insertAll(books);

    assertThat(reported).isNotEmpty().hasSizeLessThan(ROWS);
    assertThat(counted.statements() - before).isEqualTo(reported.size());
  }
}

package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Book;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * The counter the contract's provider uses ({@link CountingDriver}) sees what the adapter's
 * statement listener cannot: statements reported as one round trip but run one per row. The
 * contract's {@code roundTrips(..)} compares the two, so such an adapter fails every test that
 * counts round trips.
 */
class CountingDriverTest {
  private static final int ROWS = 20;

  private CountingDriver counted;
  private Neo4jAdapter adapter;
  private final List<String> reported = new ArrayList<>();

  @BeforeEach
  void open() {
    EmbeddedNeo4j.clean();
    counted = new CountingDriver(EmbeddedNeo4j.driver());
    adapter = Neo4jAdapter.create(Neo4jConfig.driver(counted.driver()));
    adapter.addStatementListener(reported::add);
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  @Test
  void aBatchReportedOnceButRunRowByRowIsCountedOncePerRow() {
    long before = counted.statements();

    // what a broken adapter would do: one event, then one statement per row
    adapter.fire("UNWIND $rows AS row CREATE (:Book {title: row})");
    try (Session session = counted.driver().session();
        Transaction tx = session.beginTransaction()) {
      for (int i = 0; i < ROWS; i++) {
        tx.run("CREATE (:Book {title: $title})", Map.of("title", "row " + i)).consume();
      }
      tx.commit();
    }

    assertThat(reported).hasSize(1);
    assertThat(counted.statements() - before)
        .as("statements that reached the server")
        .isEqualTo(ROWS);
  }

  @Test
  void theAdaptersInsertAllReachesTheServerExactlyAsItReportsIt() {
    Liaison db =
        Liaison.builder().schema(Schema.builder().model(Book.class).build()).store(adapter).build();
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

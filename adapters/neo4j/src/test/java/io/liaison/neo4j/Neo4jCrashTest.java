package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.Schema;
import io.liaison.TransientStoreException;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * A {@code set} of 1,000 links whose Bolt connection breaks in the middle of its statement: the
 * links read back afterwards are all old or all new, never a mix, and the caller gets a {@link
 * TransientStoreException} (or, if the engine ran the call again and that succeeded, nothing),
 * never a hang.
 *
 * <p>The adapter reaches the embedded Neo4j through a {@link BoltProxy}, whose connections the test
 * resets as a network failure would; the database runs on. To be sure the reset lands
 * mid-statement, a second transaction (the blocker, on a direct connection) holds the write lock of
 * the 501st new article: the set's {@code MERGE} creates 500 new relationships in its transaction
 * (after deleting the 1,000 old ones), then waits for that lock. A killer thread waits until {@code
 * SHOW TRANSACTIONS} shows the set's statement blocked, resets the connections, then lets the
 * blocker roll back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Neo4jCrashTest {

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final Schema SCHEMA =
      Schema.builder().models(Book.class, Article.class).association(ARTICLES).build();
  static final int LINKS = 1_000;

  /** How the set's link statement shows in {@code SHOW TRANSACTIONS}. */
  static final String LINK_STATEMENT = "MERGE (s)-[rel:`BookArticles`]->(t)";

  private BoltProxy proxy;
  private Neo4jAdapter adapter;
  private Liaison db;
  private Long book;
  private List<Long> oldTargets;
  private List<Long> newTargets;
  private Session blockerSession;
  private Transaction blocker;
  private ExecutorService killerThread;
  private final AtomicInteger attempts = new AtomicInteger();

  @BeforeEach
  void linkTheOldTargets() throws IOException {
    EmbeddedNeo4j.clean();
    proxy = new BoltProxy(EmbeddedNeo4j.server().boltURI());
    adapter = Neo4jAdapter.create(Neo4jConfig.uri(proxy.uri()));
    db = Liaison.builder().schema(SCHEMA).store(adapter).build();
    book = db.insert(book()).id;
    oldTargets = ids(db.insertAll(articles("old")));
    newTargets = ids(db.insertAll(articles("new")));
    db.on(book, ARTICLES).set(oldTargets, Map.of("role", "old"));

    blockerSession = EmbeddedNeo4j.driver().session();
    blocker = blockerSession.beginTransaction();
    blocker
        .run(
            "MATCH (a:`Article`) WHERE a.id = $id SET a:`Article`",
            Map.of("id", newTargets.get(LINKS / 2)))
        .consume();
    killerThread = Executors.newSingleThreadExecutor();
    adapter.addStatementListener(
        cypher -> {
          if (cypher.contains("SET s:`Book`")) {
            attempts.incrementAndGet(); // every run of replace locks the source first, once
          }
        });
  }

  @AfterEach
  void closeEverything() throws Exception {
    killerThread.shutdownNow();
    killerThread.awaitTermination(10, TimeUnit.SECONDS);
    if (blocker.isOpen()) {
      blocker.rollback();
    }
    blockerSession.close();
    adapter.close();
    proxy.close();
  }

  @Test
  void aSetCutOffMidStatementInATransactionSurfacesAsTransientAndLeavesTheOldLinks()
      throws Exception {
    Future<Integer> cuts = killer(1);
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    tx -> {
                      runs.incrementAndGet();
                      tx.on(book, ARTICLES).set(newTargets, Map.of("role", "new"));
                    }))
        .isInstanceOf(TransientStoreException.class)
        .hasMessageStartingWith("set Book.articles failed");

    assertThat(cuts.get(30, TimeUnit.SECONDS)).as("connections cut").isEqualTo(1);
    assertThat(runs).as("runs of the user's transaction: never re-run").hasValue(1);
    assertThat(attempts).as("runs of the set").hasValue(1);
    assertLinksAfterReopening(oldTargets, "old");
  }

  @Test
  void aSingleSetCutOffOnceMidStatementRunsAgainAndLeavesTheNewLinks() throws Exception {
    Future<Integer> cuts = killer(1);

    db.on(book, ARTICLES).set(newTargets, Map.of("role", "new"));

    assertThat(cuts.get(30, TimeUnit.SECONDS)).as("connections cut").isEqualTo(1);
    assertThat(attempts)
        .as("runs of the set: the cut one and the one the engine ran again")
        .hasValue(2);
    assertLinksAfterReopening(newTargets, "new");
  }

  @Test
  void aSingleSetCutOffOnEveryAttemptSurfacesAsTransientAndLeavesTheOldLinks() throws Exception {
    Future<Integer> cuts = killer(3);

    assertThatThrownBy(() -> db.on(book, ARTICLES).set(newTargets, Map.of("role", "new")))
        .isInstanceOf(TransientStoreException.class)
        .hasMessageStartingWith("set Book.articles failed");

    assertThat(cuts.get(30, TimeUnit.SECONDS)).as("connections cut").isEqualTo(3);
    assertThat(attempts).as("runs of the set: the engine's three attempts").hasValue(3);
    assertLinksAfterReopening(oldTargets, "old");
  }

  /**
   * Starts the killer: {@code times} times, it waits until a transaction it has not seen before
   * runs the set's link statement and is blocked, and resets the proxy's connections; then it lets
   * the blocker roll back. Returns how many times it cut.
   */
  private Future<Integer> killer(int times) {
    return killerThread.submit(
        () -> {
          Set<Object> cut = new HashSet<>();
          try (Session watcher = EmbeddedNeo4j.driver().session()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cut.size() < times
                && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
              List<Object> blocked =
                  watcher
                      .run(
                          "SHOW TRANSACTIONS YIELD transactionId, status, currentQuery "
                              + "WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS $statement RETURN transactionId",
                          Map.of("statement", LINK_STATEMENT))
                      .list(r -> r.get(0).asObject());
              for (Object transaction : blocked) {
                if (cut.add(transaction)) {
                  proxy.cut();
                }
              }
            }
          } finally {
            blocker.rollback();
          }
          return cut.size();
        });
  }

  /**
   * Reads the source's links through a new adapter on a direct connection and checks they are
   * exactly these.
   */
  private void assertLinksAfterReopening(List<Long> expected, String role) {
    Neo4jAdapter reopened = Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()));
    try (Liaison fresh = Liaison.builder().schema(SCHEMA).store(reopened).sync(false).build()) {
      List<Long> targets = new ArrayList<>();
      Set<Object> roles = new HashSet<>();
      for (LinkedTarget<Article> link : fresh.on(book, ARTICLES).linkedTargets()) {
        targets.add(link.target().id);
        roles.add(link.through("role"));
      }
      long oldOnes = targets.stream().filter(Set.copyOf(oldTargets)::contains).count();
      long newOnes = targets.stream().filter(Set.copyOf(newTargets)::contains).count();
      assertThat(targets.size() == LINKS && Set.copyOf(targets).equals(Set.copyOf(expected)))
          .as(
              "links after the cut are all %s: %d links, %d old, %d new",
              role, targets.size(), oldOnes, newOnes)
          .isTrue();
      assertThat(roles).as("through attributes after the cut").containsExactly(role);
    }
  }

  private static Book book() {
    Book b = new Book();
    b.title = "Cut off mid-set";
    return b;
  }

  private static List<Article> articles(String prefix) {
    List<Article> articles = new ArrayList<>(LINKS);
    for (int i = 0; i < LINKS; i++) {
      Article a = new Article();
      a.title = prefix + " " + i;
      articles.add(a);
    }
    return articles;
  }

  private static List<Long> ids(List<Article> articles) {
    return articles.stream().map(a -> a.id).toList();
  }
}

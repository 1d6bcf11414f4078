package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Liaison;
import io.liaison.Linked;
import io.liaison.Schema;
import io.liaison.TransientStoreException;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.spi.StatementListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

/**
 * A {@code set} of 1,000 links whose connection is killed by the database in the middle of its
 * statement: the links read back from a new adapter are all old or all new, never a mix, and the
 * caller gets a {@link TransientStoreException} (or, if the engine ran it again and that succeeded,
 * nothing), never a hang.
 *
 * <p>To be sure the kill lands mid-statement, a second connection (the blocker) holds an uncommitted
 * insert of one of the new links, the 501st: the set's upsert writes 500 new links in its transaction
 * (after deleting the 1,000 old ones), then waits for the blocker. A third connection (the killer)
 * waits until the database shows the upsert waiting, kills its connection the database's own way,
 * then lets the blocker roll back. Subclasses say how to find and kill it.
 *
 * <p>The killer waits for the upsert to wait for the blocker, rather than killing it at any moment,
 * so the moment is certain. Embedded H2 is not tested this way: its {@code ABORT_SESSION} rolls back
 * and then commits, keeping rows a running batch wrote in between (H2 2.3.232).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class AbstractJdbcCrashTest {

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final Schema SCHEMA = Schema.builder().models(Book.class, Article.class).association(ARTICLES).build();
  static final int LINKS = 1_000;

  private JdbcAdapter adapter;
  private Liaison db;
  private Long book;
  private List<Long> oldTargets;
  private List<Long> newTargets;
  private Connection blocker;
  private ExecutorService killerThread;
  private final AtomicInteger attempts = new AtomicInteger();
  private final StatementListener countAttempts = sql -> {
    if (sql.startsWith("SELECT ") && sql.endsWith(adapter.dialect().lockRows())) {
      attempts.incrementAndGet(); // every run of replace locks the source first, once
    }
  };

  /** An adapter over an empty database. */
  abstract JdbcAdapter openEmpty();

  /** An adapter over the same database, as another process would open it (the schema is there). */
  abstract JdbcAdapter reopen();

  /** A plain connection to the same database, outside the adapter. */
  abstract Connection connect() throws SQLException;

  /**
   * On the killer's connection: the ids of the sessions (other than this one) running the junction
   * upsert and waiting for the blocker's link to {@code blockedTarget}.
   */
  abstract List<Object> sessionsWaiting(Connection killer, long blockedTarget) throws SQLException;

  /** On the killer's connection: ends that session the way the database's administrator would. */
  abstract void kill(Connection killer, Object session) throws SQLException;

  @BeforeEach
  void linkTheOldTargets() throws SQLException {
    adapter = openEmpty();
    db = Liaison.builder().schema(SCHEMA).store(adapter).build();
    book = db.insert(book()).id;
    oldTargets = ids(db.insertAll(articles("old")));
    newTargets = ids(db.insertAll(articles("new")));
    db.on(book, ARTICLES).set(oldTargets, Map.of("role", "old"));

    blocker = connect();
    blocker.setAutoCommit(false);
    try (PreparedStatement ps = blocker.prepareStatement(
        "INSERT INTO \"BookArticles\" (\"bookId\", \"articleId\") VALUES (?, ?)")) {
      ps.setLong(1, book);
      ps.setLong(2, newTargets.get(LINKS / 2));
      ps.executeUpdate();
    }
    killerThread = Executors.newSingleThreadExecutor();
    adapter.addStatementListener(countAttempts);
  }

  @AfterEach
  void closeEverything() throws Exception {
    killerThread.shutdownNow();
    killerThread.awaitTermination(10, TimeUnit.SECONDS);
    if (!blocker.isClosed()) {
      blocker.rollback();
      blocker.close();
    }
    adapter.close();
  }

  @Test
  void aSetKilledMidStatementInATransactionSurfacesAsTransientAndLeavesTheOldLinks() throws Exception {
    Future<Integer> killed = killer(1);
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> db.inTransaction(tx -> {
      runs.incrementAndGet();
      tx.on(book, ARTICLES).set(newTargets, Map.of("role", "new"));
    })).isInstanceOf(TransientStoreException.class).hasMessageStartingWith("set Book.articles failed");

    assertThat(killed.get(30, TimeUnit.SECONDS)).as("connections killed").isEqualTo(1);
    assertThat(runs).as("runs of the user's transaction: never re-run").hasValue(1);
    assertThat(attempts).as("runs of the set").hasValue(1);
    assertLinksAfterReopening(oldTargets, "old");
  }

  @Test
  void aSingleSetKilledOnceMidStatementRunsAgainAndLeavesTheNewLinks() throws Exception {
    Future<Integer> killed = killer(1);

    db.on(book, ARTICLES).set(newTargets, Map.of("role", "new"));

    assertThat(killed.get(30, TimeUnit.SECONDS)).as("connections killed").isEqualTo(1);
    assertThat(attempts).as("runs of the set: the killed one and the one the engine ran again").hasValue(2);
    assertLinksAfterReopening(newTargets, "new");
  }

  @Test
  void aSingleSetKilledOnEveryAttemptSurfacesAsTransientAndLeavesTheOldLinks() throws Exception {
    Future<Integer> killed = killer(3);

    assertThatThrownBy(() -> db.on(book, ARTICLES).set(newTargets, Map.of("role", "new")))
        .isInstanceOf(TransientStoreException.class).hasMessageStartingWith("set Book.articles failed");

    assertThat(killed.get(30, TimeUnit.SECONDS)).as("connections killed").isEqualTo(3);
    assertThat(attempts).as("runs of the set: the engine's three attempts").hasValue(3);
    assertLinksAfterReopening(oldTargets, "old");
  }

  /**
   * Starts the killer: {@code times} times, it waits until another session's upsert waits for the
   * blocker and kills that session; then it lets the blocker roll back. Returns how many it killed.
   */
  private Future<Integer> killer(int times) {
    long blocked = newTargets.get(LINKS / 2);
    return killerThread.submit(() -> {
      Set<Object> killed = new HashSet<>();
      try (Connection killer = connect()) {
        killer.setAutoCommit(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (killed.size() < times && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
          for (Object session : sessionsWaiting(killer, blocked)) {
            if (killed.add(session)) {
              kill(killer, session);
            }
          }
        }
      } finally {
        blocker.rollback();
        blocker.close();
      }
      return killed.size();
    });
  }

  /** Reads the source's links through a new adapter and checks they are exactly these, all with this role. */
  private void assertLinksAfterReopening(List<Long> expected, String role) {
    try (JdbcAdapter reopened = reopen();
        Liaison fresh = Liaison.builder().schema(SCHEMA).store(reopened).sync(false).build()) {
      List<Linked<Article>> links = fresh.on(book, ARTICLES).links();
      List<Long> targets = new ArrayList<>();
      Set<Object> roles = new HashSet<>();
      for (Linked<Article> link : links) {
        targets.add(link.target().id);
        roles.add(link.through("role"));
      }
      long oldOnes = targets.stream().filter(Set.copyOf(oldTargets)::contains).count();
      long newOnes = targets.stream().filter(Set.copyOf(newTargets)::contains).count();
      assertThat(targets.size() == LINKS && Set.copyOf(targets).equals(Set.copyOf(expected)))
          .as("links after the kill are all %s: %d links, %d old, %d new", role, targets.size(), oldOnes, newOnes)
          .isTrue();
      assertThat(roles).as("through attributes after the kill").containsExactly(role);
    }
  }

  private static Book book() {
    Book b = new Book();
    b.title = "Killed mid-set";
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

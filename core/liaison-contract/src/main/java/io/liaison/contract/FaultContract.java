package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.Liaison;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Session;
import io.liaison.TransientStoreException;
import io.liaison.contract.FaultInjector.Blocker;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.spi.StoreAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transaction ended from outside in the middle of a large call (the store's administrator kills
 * it: PostgreSQL {@code pg_terminate_backend}, H2 {@code ABORT_SESSION}, Neo4j {@code TERMINATE
 * TRANSACTIONS}): the store keeps all of the call or none of it, the caller sees the documented
 * {@link TransientStoreException} (architecture.md, "Faults"), and the next call on the same {@link
 * Liaison} succeeds at once.
 *
 * <p>To make the moment certain, a blocker (the provider's {@link FaultInjector}, on a connection
 * of its own) holds an uncommitted write that the call reaches halfway: the call writes the first
 * half of its rows, then waits for the blocker. The killer waits until the store shows the call's
 * transaction waiting, ends it, then lets the blocker roll back. A call in a user's transaction is
 * never run again, so the caller sees the exception and the store is read back unchanged; a single
 * call is run again by the engine, and ends with all of its rows.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class FaultContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS =
      Association.hasMany(Author.class, Book.class).onDelete(ReferentialAction.CASCADE);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final List<Class<?>> MODELS = List.of(Author.class, Book.class, Article.class);

  /** Rows of each large call. */
  static final int ROWS = 1_000;

  /** The row the blocker holds: the call has written the ones before it when it waits. */
  static final int HELD = ROWS / 2;

  /** How long the killer waits for the call to wait for the blocker. */
  static final Duration KILLER_PATIENCE = Duration.ofSeconds(60);

  /**
   * The next call after a kill must end within this. A call here takes milliseconds; a store that
   * still holds the killed transaction's locks until a lock or session timeout takes seconds.
   */
  static final Duration PROMPT = Duration.ofSeconds(5);

  private FaultInjector faults;
  private Liaison db;
  private Author author;
  private Book book;
  private List<Long> oldTargets;
  private List<Long> newTargets;
  private ExecutorService killerThread;

  @BeforeEach
  void fillStore() {
    faults = provider().faults().orElseThrow();
    db =
        liaison(
            Schema.builder()
                .models(MODELS.toArray(Class<?>[]::new))
                .associations(BOOKS, ARTICLES)
                .build());
    author = db.insert(Samples.author("Ann", "A-1"));
    book = db.insert(Samples.book("Killed midway", 2024));
    oldTargets = ids(db.insertAll(articles("old")));
    newTargets = ids(db.insertAll(articles("new")));
    db.on(book, ARTICLES).addAll(oldTargets, Map.of("role", "old"));
    killerThread = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stopKiller() throws InterruptedException {
    killerThread.shutdownNow();
    killerThread.awaitTermination(30, TimeUnit.SECONDS);
  }

  // ---------------------------------------------------------------- in a user's transaction: never
  // re-run

  @Test
  @RequiresFaults
  void addAllKilledInATransactionIsTransientAndWritesNoLink() {
    Blocker blocker =
        faults.holdLink(
            "BookArticles", "bookId", book.id, "Article", "articleId", newTargets.get(HELD));
    killedInATransaction(
        blocker,
        "Book.articles",
        tx -> tx.on(book, ARTICLES).addAll(newTargets, Map.of("role", "new")),
        List.of(ARTICLES));

    promptly(() -> db.on(book, ARTICLES).add(newTargets.get(HELD)));
  }

  @Test
  @RequiresFaults
  void setKilledInATransactionIsTransientAndKeepsTheOldLinks() {
    Blocker blocker =
        faults.holdLink(
            "BookArticles", "bookId", book.id, "Article", "articleId", newTargets.get(HELD));
    killedInATransaction(
        blocker,
        "Book.articles",
        tx -> tx.on(book, ARTICLES).set(newTargets, Map.of("role", "new")),
        List.of(ARTICLES));

    promptly(() -> db.on(book, ARTICLES).set(newTargets.subList(0, 1)));
  }

  @Test
  @RequiresFaults
  void removeAllKilledInATransactionIsTransientAndKeepsEveryLink() {
    Blocker blocker =
        faults.holdLink(
            "BookArticles", "bookId", book.id, "Article", "articleId", oldTargets.get(HELD));
    killedInATransaction(
        blocker,
        "Book.articles",
        tx -> tx.on(book, ARTICLES).removeAll(oldTargets),
        List.of(ARTICLES));

    promptly(() -> db.on(book, ARTICLES).remove(oldTargets.get(HELD)));
  }

  @Test
  @RequiresFaults
  void createKilledInATransactionIsTransientAndLeavesNoTarget() {
    Blocker blocker = faults.holdEntity("Book", book.id);
    Article created = new Article();
    created.title = "created while killed";
    killedInATransaction(
        blocker,
        "Book.articles",
        tx -> tx.on(book, ARTICLES).create(created, Map.of("role", "new")),
        List.of(ARTICLES));

    promptly(() -> db.on(book, ARTICLES).add(newTargets.get(0)));
  }

  @Test
  @RequiresFaults
  void cascadingDeleteKilledInATransactionIsTransientAndKeepsEveryDependant() {
    List<Long> books = ids(db.insertAll(Samples.books("Dependant", ROWS)));
    db.on(author, BOOKS).addAll(books);
    Blocker blocker = faults.holdEntity("Book", books.get(HELD));
    killedInATransaction(
        blocker, "delete Author", tx -> tx.delete(Author.class, author.id), List.of(BOOKS));

    promptly(() -> db.delete(Book.class, books.get(HELD)));
  }

  // ---------------------------------------------------------------- single calls: run again by the
  // engine

  @Test
  @RequiresFaults
  void aSingleSetKilledOnceRunsAgainAndEndsWithTheNewLinks() throws Exception {
    Blocker blocker =
        faults.holdLink(
            "BookArticles", "bookId", book.id, "Article", "articleId", newTargets.get(HELD));
    Future<Integer> killed = killer(blocker, 1);

    db.on(book, ARTICLES).set(newTargets, Map.of("role", "new"));

    assertThat(killed.get(KILLER_PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("transactions killed")
        .isEqualTo(1);
    assertLinks(newTargets, "new");
  }

  @Test
  @RequiresFaults
  void aSingleSetKilledOnEveryAttemptIsTransientAndKeepsTheOldLinks() throws Exception {
    Blocker blocker =
        faults.holdLink(
            "BookArticles", "bookId", book.id, "Article", "articleId", newTargets.get(HELD));
    Map<String, Object> before = storeState(List.of(ARTICLES));
    Future<Integer> killed = killer(blocker, 3);

    assertThatThrownBy(() -> db.on(book, ARTICLES).set(newTargets, Map.of("role", "new")))
        .isInstanceOf(TransientStoreException.class)
        .hasMessageContaining("Book.articles");

    assertThat(killed.get(KILLER_PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("transactions killed: the engine's three attempts")
        .isEqualTo(3);
    if (faults.killIsAtomic()) {
      assertThat(storeState(List.of(ARTICLES)))
          .as("the store after three killed attempts")
          .isEqualTo(before);
    }
    promptly(() -> db.on(book, ARTICLES).add(newTargets.get(HELD)));
  }

  // ---------------------------------------------------------------- another transaction deletes a
  // target

  /**
   * A target that another transaction deletes while a call links it: the call waits for that
   * transaction, then is refused with a {@link ConflictException} naming the target's model and the
   * id the caller gave (never a store-internal id), writes nothing, and the next call goes through.
   */
  @Test
  @RequiresFaults
  void aTargetDeletedByAnotherTransactionWhileItIsLinkedIsAConflictNamingIt() throws Exception {
    Long doomed = newTargets.get(HELD);
    List<Long> targets = newTargets.subList(HELD - 5, HELD + 5);
    Blocker deleter = faults.holdDelete("Article", doomed);
    Future<Boolean> waited =
        killerThread.submit(
            () -> {
              try {
                return deleter.awaitWaiter(KILLER_PATIENCE);
              } finally {
                deleter.commit();
              }
            });

    assertThatThrownBy(() -> db.on(book, ARTICLES).addAll(targets, Map.of("role", "new")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Article")
        .hasMessageContaining(String.valueOf(doomed));

    assertThat(waited.get(KILLER_PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("the add waited for the delete")
        .isTrue();
    assertLinks(oldTargets, "old");
    List<Long> remaining = new ArrayList<>(targets);
    remaining.remove(doomed);
    promptly(() -> db.on(book, ARTICLES).addAll(remaining));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Runs {@code work} in a user's transaction while the killer ends it at the blocker: the caller
   * sees a {@link TransientStoreException} naming the operation, the work ran once, and the store
   * read back through a new adapter is what it was before.
   */
  private void killedInATransaction(
      Blocker blocker,
      String operation,
      Consumer<Session> work,
      List<Association<?, ?>> associations) {
    Map<String, Object> before = storeState(associations);
    Future<Integer> killed = killer(blocker, 1);
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    tx -> {
                      runs.incrementAndGet();
                      work.accept(tx);
                    }))
        .isInstanceOf(TransientStoreException.class)
        .hasMessageContaining(operation);

    try {
      assertThat(killed.get(KILLER_PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .as("transactions killed")
          .isEqualTo(1);
    } catch (Exception e) {
      throw new AssertionError("the killer failed", e);
    }
    assertThat(runs).as("runs of the user's transaction: never re-run").hasValue(1);
    if (faults.killIsAtomic()) {
      assertThat(storeState(associations))
          .as("the store after the killed transaction")
          .isEqualTo(before);
    }
  }

  /**
   * Starts the killer: {@code times} times it waits for a transaction waiting for the blocker and
   * ends it; then it rolls the blocker back. Returns how many it ended.
   */
  private Future<Integer> killer(Blocker blocker, int times) {
    return killerThread.submit(
        () -> {
          int killed = 0;
          try {
            while (killed < times && blocker.killWaiter(KILLER_PATIENCE)) {
              killed++;
            }
          } finally {
            blocker.close();
          }
          return killed;
        });
  }

  /** Runs the next call on the same Liaison and checks that it ends within {@link #PROMPT}. */
  private static void promptly(Runnable next) {
    long start = System.nanoTime();
    next.run();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("the next call after the kill").isLessThan(PROMPT);
  }

  /** The store's state, read through a new adapter over it (as another process would). */
  private Map<String, Object> storeState(List<Association<?, ?>> associations) {
    try (StoreAdapter reopened = faults.reopen();
        Liaison fresh =
            Liaison.builder()
                .schema(
                    Schema.builder()
                        .models(MODELS.toArray(Class<?>[]::new))
                        .associations(BOOKS, ARTICLES)
                        .build())
                .store(reopened)
                .sync(false)
                .build()) {
      return StoreState.read(fresh, MODELS, associations);
    }
  }

  /**
   * Checks through a new adapter that the book's links are exactly these targets, all with this
   * role.
   */
  private void assertLinks(List<Long> expected, String role) {
    try (StoreAdapter reopened = faults.reopen();
        Liaison fresh =
            Liaison.builder()
                .schema(
                    Schema.builder()
                        .models(MODELS.toArray(Class<?>[]::new))
                        .associations(BOOKS, ARTICLES)
                        .build())
                .store(reopened)
                .sync(false)
                .build()) {
      List<Long> targets = new ArrayList<>();
      List<Object> roles = new ArrayList<>();
      fresh
          .on(book.id, ARTICLES)
          .linkedTargets()
          .forEach(
              link -> {
                targets.add(link.target().id);
                roles.add(link.through("role"));
              });
      assertThat(targets).as("the book's links").containsExactlyInAnyOrderElementsOf(expected);
      assertThat(roles).as("the links' through attributes").containsOnly(role);
    }
  }

  private static List<Article> articles(String prefix) {
    List<Article> articles = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      Article a = new Article();
      a.title = prefix + " " + i;
      articles.add(a);
    }
    return articles;
  }

  private static <T> List<Long> ids(List<T> entities) {
    List<Long> ids = new ArrayList<>(entities.size());
    for (T e : entities) {
      ids.add((Long) StoreState.id(e));
    }
    return ids;
  }
}

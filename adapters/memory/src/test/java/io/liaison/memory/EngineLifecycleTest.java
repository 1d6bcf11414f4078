package io.liaison.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LiaisonException;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Session;
import io.liaison.TransientStoreException;
import io.liaison.UnsupportedCapabilityException;
import io.liaison.spi.Capability;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of a store transaction, over the memory store: every session it opens ends in
 * exactly one commit or one rollback and is closed once; a single operation whose commit fails
 * transiently runs again in a new session (it was rolled back whole), a user's transaction never
 * does; what the adapter lacks is refused when the {@link Liaison} is built. The store is the real
 * memory adapter; the wrapper around it only records the engine's calls and fails a commit or a
 * rollback on demand, since no store fails on cue.
 */
class EngineLifecycleTest {

  public static class Author {
    public Long id;
    public String name;
  }

  public static class Book {
    public Long id;
    public String title;
    public Long authorId;
  }

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);

  /** The memory adapter, with the engine's session calls recorded and failures given on cue. */
  static final class RecordingStore implements StoreAdapter {
    final MemoryAdapter store = MemoryAdapter.create();
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Deque<RuntimeException> commitFailures = new ArrayDeque<>();
    final AtomicReference<RuntimeException> rollbackFailure = new AtomicReference<>();
    final AtomicInteger syncs = new AtomicInteger();
    final AtomicInteger registers = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    Set<Capability> capabilities = EnumSet.allOf(Capability.class);
    RuntimeException closeFailure;

    @Override
    public String name() {
      return "recording memory";
    }

    @Override
    public Set<Capability> capabilities() {
      return capabilities;
    }

    @Override
    public void register(SchemaInfo schema) {
      registers.incrementAndGet();
      store.register(schema);
    }

    @Override
    public void sync(SchemaInfo schema) {
      syncs.incrementAndGet();
      store.sync(schema);
    }

    @Override
    public StoreSession begin() {
      return recorded("begin", store.begin());
    }

    @Override
    public StoreSession beginOperation() {
      return recorded("operation", store.beginOperation());
    }

    @Override
    public StoreSession beginReadOperation() {
      return recorded("read", store.beginReadOperation());
    }

    private StoreSession recorded(String kind, StoreSession session) {
      events.add(kind);
      return (StoreSession)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {StoreSession.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "commit" -> {
                    events.add("commit");
                    RuntimeException failure = commitFailures.poll();
                    if (failure != null) {
                      throw failure;
                    }
                  }
                  case "rollback" -> {
                    events.add("rollback");
                    RuntimeException failure = rollbackFailure.get();
                    if (failure != null) {
                      session.rollback();
                      throw failure;
                    }
                  }
                  case "close" -> events.add("close");
                  default -> {}
                }
                try {
                  return method.invoke(session, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public void addStatementListener(StatementListener listener) {
      store.addStatementListener(listener);
    }

    @Override
    public void removeStatementListener(StatementListener listener) {
      store.removeStatementListener(listener);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      store.close();
      if (closeFailure != null) {
        throw closeFailure;
      }
    }
  }

  private static Liaison liaison(RecordingStore store) {
    return liaison(store, BOOKS);
  }

  private static Liaison liaison(RecordingStore store, HasMany<Author, Book> books) {
    return Liaison.builder()
        .schema(Schema.builder().models(Author.class, Book.class).associations(books).build())
        .store(store)
        .build();
  }

  private static Author author(String name) {
    Author a = new Author();
    a.name = name;
    return a;
  }

  private static Book book(String title) {
    Book b = new Book();
    b.title = title;
    return b;
  }

  @Test
  void aSingleOperationCommitsAndClosesItsOwnSession() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);

    Author ann = db.insert(author("Ann"));
    store.events.clear();
    assertThat(db.find(Author.class, ann.id)).isPresent();
    db.update(ann);

    assertThat(store.events)
        .containsExactly("read", "commit", "close", "operation", "commit", "close");
    assertThat(store.registers).hasValue(1);
    assertThat(store.syncs).hasValue(1);
  }

  @Test
  void aRefusedOperationRollsBackAndClosesAndLeavesTheStoreUnchanged() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    Author ann = db.insert(author("Ann"));
    Book kept = db.insert(book("Kept"));
    store.events.clear();

    // the second book does not exist: found out by the store, inside the operation
    assertThatThrownBy(() -> db.on(ann, BOOKS).addAll(List.of(kept.id, 999_999L)))
        .isInstanceOf(LiaisonException.class)
        .hasMessageContaining("999999");

    assertThat(store.events).endsWith("rollback", "close");
    assertThat(store.events).doesNotContain("commit");
    assertThat(db.on(ann, BOOKS).count()).isZero();
  }

  @Test
  void aTransientCommitFailureIsRetriedInANewSessionAndWritesOnce() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    store.commitFailures.add(new TransientStoreException("deadlock", null));
    store.commitFailures.add(new TransientStoreException("deadlock", null));
    store.events.clear();

    Author ann = db.insert(author("Ann"));

    assertThat(store.events)
        .containsExactly(
            "operation",
            "commit",
            "rollback",
            "close",
            "operation",
            "commit",
            "rollback",
            "close",
            "operation",
            "commit",
            "close");
    assertThat(db.findAll(Author.class)).extracting(a -> a.id).containsExactly(ann.id);
  }

  @Test
  void aTransientFailureSurfacesAfterTheThirdAttempt() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    for (int i = 0; i < 5; i++) {
      store.commitFailures.add(new TransientStoreException("deadlock " + i, null));
    }
    store.events.clear();

    assertThatThrownBy(() -> db.insert(author("Ann")))
        .isInstanceOf(TransientStoreException.class)
        .hasMessage("deadlock 2");

    assertThat(store.events.stream().filter("operation"::equals)).hasSize(3);
    assertThat(store.events.stream().filter("close"::equals)).hasSize(3);
    assertThat(store.commitFailures).hasSize(2);
    assertThat(db.findAll(Author.class)).isEmpty();
  }

  @Test
  void aFailureThatIsNotTransientIsNotRetried() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    store.commitFailures.add(new ConflictException("duplicate"));
    store.events.clear();

    assertThatThrownBy(() -> db.insert(author("Ann"))).isInstanceOf(ConflictException.class);

    assertThat(store.events).containsExactly("operation", "commit", "rollback", "close");
    assertThat(db.findAll(Author.class)).isEmpty();
  }

  @Test
  void aFailedRollbackIsKeptWithTheFailureThatCausedIt() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    ConflictException cause = new ConflictException("duplicate");
    IllegalStateException rollback = new IllegalStateException("connection gone");
    store.commitFailures.add(cause);
    store.rollbackFailure.set(rollback);

    assertThatThrownBy(() -> db.insert(author("Ann")))
        .isSameAs(cause)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(rollback));
    assertThat(store.events).endsWith("rollback", "close");
  }

  @Test
  void aTransactionCommitsOnceAndItsSessionEndsWithIt() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    store.events.clear();
    AtomicReference<Session> inside = new AtomicReference<>();

    Author ann =
        db.transaction(
            tx -> {
              inside.set(tx);
              Author a = tx.insert(author("Ann"));
              tx.on(a, BOOKS).create(book("First"));
              return a;
            });

    assertThat(store.events).containsExactly("begin", "commit", "close");
    assertThat(db.on(ann, BOOKS).count()).isOne();
    assertThatThrownBy(() -> inside.get().insert(author("Late")))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void aFailedTransactionRollsBackWholeIsNotRerunAndItsSessionEnds() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    store.events.clear();
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<Session> inside = new AtomicReference<>();
    TransientStoreException deadlock = new TransientStoreException("deadlock", null);

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    tx -> {
                      runs.incrementAndGet();
                      inside.set(tx);
                      tx.insert(author("Ann"));
                      throw deadlock;
                    }))
        .isSameAs(deadlock);

    assertThat(runs).hasValue(1);
    assertThat(store.events).containsExactly("begin", "rollback", "close");
    assertThat(db.findAll(Author.class)).isEmpty();
    assertThatThrownBy(() -> inside.get().insert(author("Late")))
        .isInstanceOf(InvalidCallException.class);
  }

  @Test
  void aJoinedSessionWritesInTheCallersTransaction() {
    RecordingStore store = new RecordingStore();
    Liaison db = liaison(store);
    StoreSession transaction = store.begin();
    store.events.clear();

    Author ann = db.join(transaction).insert(author("Ann"));
    assertThat(store.events).isEmpty();
    transaction.commit();
    transaction.close();

    assertThat(db.find(Author.class, ann.id)).isPresent();
  }

  @Test
  void aCapabilityTheSchemaNeedsAndTheAdapterLacksIsRefusedAtBuild() {
    RecordingStore store = new RecordingStore();
    store.capabilities = EnumSet.complementOf(EnumSet.of(Capability.REFERENTIAL_ACTIONS));

    assertThatThrownBy(() -> liaison(store, BOOKS.onDelete(ReferentialAction.CASCADE)))
        .isInstanceOf(UnsupportedCapabilityException.class)
        .hasMessageContaining("REFERENTIAL_ACTIONS")
        .hasMessageContaining("recording memory");
    assertThat(store.registers).hasValue(0);
    assertThat(store.syncs).hasValue(0);
    assertThat(liaison(store).capabilities()).isEqualTo(store.capabilities);
  }

  @Test
  void withoutSyncTheSchemaIsRegisteredButTheStoreIsNotTouched() {
    RecordingStore store = new RecordingStore();
    Liaison.builder()
        .schema(Schema.builder().models(Author.class, Book.class).associations(BOOKS).build())
        .store(store)
        .sync(false)
        .build();

    assertThat(store.registers).hasValue(1);
    assertThat(store.syncs).hasValue(0);
  }

  @Test
  void closingTheLiaisonClosesTheAdapterAndNamesItWhenThatFails() {
    RecordingStore store = new RecordingStore();
    liaison(store).close();
    assertThat(store.closes).hasValue(1);

    RecordingStore failing = new RecordingStore();
    Liaison db = liaison(failing);
    failing.closeFailure = new IllegalStateException("socket");
    assertThatThrownBy(db::close)
        .isInstanceOf(LiaisonException.class)
        .hasMessageContaining("recording memory")
        .hasCauseReference(failing.closeFailure);
    assertThat(db.toString()).contains("recording memory");
  }
}

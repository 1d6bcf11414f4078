package io.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.spi.Capability;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine's retry policy: a single operation whose store transaction fails transiently is run
 * again (it was rolled back whole); a user's transaction is never re-run. The store here is a
 * stand-in whose commit fails on demand: this tests the engine's policy, not store behaviour.
 */
class TransientRetryTest {

  static class Note {
    Long id;
    String text;
  }

  /** A store whose first {@code failures} commits fail with the given exception. */
  private static final class FlakyStore implements StoreAdapter {
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger inserts = new AtomicInteger();
    final int failures;
    final RuntimeException failure;

    FlakyStore(int failures, RuntimeException failure) {
      this.failures = failures;
      this.failure = failure;
    }

    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.allOf(Capability.class);
    }

    @Override
    public void sync(io.liaison.spi.SchemaInfo schema) {}

    @Override
    @SuppressWarnings("unchecked")
    public StoreSession begin() {
      return (StoreSession)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {StoreSession.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "insert" -> {
                      inserts.incrementAndGet();
                      List<Map<String, Object>> out = new ArrayList<>();
                      for (Map<String, Object> row : (List<Map<String, Object>>) args[1]) {
                        Map<String, Object> r = new LinkedHashMap<>(row);
                        r.put("id", 42L);
                        out.add(r);
                      }
                      yield out;
                    }
                    case "commit" -> {
                      if (commits.incrementAndGet() <= failures) {
                        throw failure;
                      }
                      yield null;
                    }
                    default -> null;
                  });
    }

    @Override
    public void addStatementListener(StatementListener listener) {}

    @Override
    public void removeStatementListener(StatementListener listener) {}

    @Override
    public void close() {}
  }

  private static Liaison liaison(StoreAdapter store) {
    return Liaison.builder()
        .schema(Schema.builder().model(Note.class).build())
        .store(store)
        .build();
  }

  @Test
  void aTransientFailureOfOneOperationIsRetried() {
    FlakyStore store = new FlakyStore(2, new TransientStoreException("deadlock", null));
    Note note = liaison(store).insert(new Note());
    assertThat(note.id).isEqualTo(42L);
    assertThat(store.inserts).hasValue(3);
  }

  @Test
  void aTransientFailureSurfacesAfterTheLastAttempt() {
    FlakyStore store = new FlakyStore(10, new TransientStoreException("deadlock", null));
    assertThatThrownBy(() -> liaison(store).insert(new Note()))
        .isInstanceOf(TransientStoreException.class);
    assertThat(store.inserts).hasValue(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    FlakyStore store = new FlakyStore(1, new ConflictException("duplicate"));
    assertThatThrownBy(() -> liaison(store).insert(new Note()))
        .isInstanceOf(ConflictException.class);
    assertThat(store.inserts).hasValue(1);
  }

  @Test
  void aUserTransactionIsNotReRun() {
    FlakyStore store = new FlakyStore(1, new TransientStoreException("deadlock", null));
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(
            () ->
                liaison(store)
                    .inTransaction(
                        tx -> {
                          runs.incrementAndGet();
                          tx.insert(new Note());
                        }))
        .isInstanceOf(TransientStoreException.class);
    assertThat(runs).hasValue(1);
  }
}

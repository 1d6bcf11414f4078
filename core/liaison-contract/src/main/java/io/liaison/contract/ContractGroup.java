package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StoreAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every group of contract tests: a fresh empty store per test, helpers to build a
 * {@link Liaison} over it and to count round trips. Groups are abstract; {@link AssociationContract}
 * nests one subclass of each.
 */
@ExtendWith(ContractCondition.class)
public abstract class ContractGroup {

  private StoreAdapter adapter;

  /** The provider of the adapter under test. */
  protected abstract StoreProvider provider();

  @BeforeEach
  final void openStore() {
    adapter = provider().openEmpty();
    assertThat(adapter).as("StoreProvider.openEmpty()").isNotNull();
  }

  @AfterEach
  final void closeStore() {
    if (adapter != null) {
      adapter.close();
    }
  }

  /** The adapter under test, over an empty store. */
  protected final StoreAdapter adapter() {
    return adapter;
  }

  /** A Liaison over the test's store with this schema (synced); the suite closes the adapter after the test. */
  protected final Liaison liaison(Schema schema) {
    return Liaison.builder().schema(schema).store(adapter).build();
  }

  /** Runs the action and returns how many round trips it made to the store. */
  protected final int roundTrips(Runnable action) {
    AtomicInteger count = new AtomicInteger();
    StatementListener listener = statement -> count.incrementAndGet();
    adapter.addStatementListener(listener);
    try {
      action.run();
    } finally {
      adapter.removeStatementListener(listener);
    }
    return count.get();
  }
}

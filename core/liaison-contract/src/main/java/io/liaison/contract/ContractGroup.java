package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StoreAdapter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every group of contract tests: a fresh empty store per test, helpers to build a {@link
 * Liaison} over it and to count round trips. Groups are abstract; {@link AssociationContract} nests
 * one subclass of each.
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

  /**
   * A Liaison over the test's store with this schema (synced); the suite closes the adapter after
   * the test.
   */
  protected final Liaison liaison(Schema schema) {
    return Liaison.builder().schema(schema).store(adapter).build();
  }

  /**
   * Runs the action and returns how many round trips it made to the store, as the adapter's {@link
   * StatementListener} reports them. When the provider offers a {@link StoreProbe}, the count of
   * statements that actually reached the store during the action must be the same: an adapter that
   * reports a batch once and sends it row by row (or sends anything it does not report) fails here,
   * in every test that counts round trips.
   */
  protected final int roundTrips(Runnable action) {
    AtomicInteger count = new AtomicInteger();
    StatementListener listener = statement -> count.incrementAndGet();
    Optional<StoreProbe> probe = provider().probe();
    long before = probe.map(StoreProbe::statements).orElse(0L);
    adapter.addStatementListener(listener);
    try {
      action.run();
    } finally {
      adapter.removeStatementListener(listener);
    }
    if (probe.isPresent()) {
      long reached = probe.get().statements() - before;
      assertThat(reached)
          .as(
              "statements that reached the store (counted below the adapter) for %d reported round "
                  + "trips",
              count.get())
          .isEqualTo(count.get());
    }
    return count.get();
  }

  /**
   * The provider's {@link StoreProbe}; the test is skipped (not failed) when the provider offers
   * none.
   */
  protected final StoreProbe probe() {
    Optional<StoreProbe> probe = provider().probe();
    Assumptions.assumeTrue(
        probe.isPresent(), "the provider offers no StoreProbe (StoreProvider.probe())");
    return probe.get();
  }

  /**
   * The links of the association as the store holds them, normalized, read through {@link
   * #probe()}.
   */
  protected final List<StoredLink> storedLinks(Schema schema, Association<?, ?> association) {
    return probe().links(info(schema, association)).stream().map(StoredLink::normalized).toList();
  }

  /**
   * The resolved association of a schema: the one of this kind between these models with this alias
   * (models named after their classes), or the only one of its kind between them when no alias is
   * given.
   */
  protected static AssociationInfo info(Schema schema, Association<?, ?> association) {
    List<AssociationInfo> found =
        schema.info().associations().stream()
            .filter(
                a ->
                    a.kind() == association.kind()
                        && a.source().name().equals(association.source().getSimpleName())
                        && a.target().name().equals(association.target().getSimpleName())
                        && (association.alias() == null || association.alias().equals(a.as())))
            .toList();
    if (found.size() > 1 && association.alias() == null) {
      // two associations between the models: the one without an alias has the default one
      String target = association.target().getSimpleName();
      String alias =
          Character.toLowerCase(target.charAt(0))
              + target.substring(1)
              + (association.kind().isMany() ? "s" : "");
      found = found.stream().filter(a -> a.as().equals(alias)).toList();
    }
    assertThat(found).as("the resolved associations matching %s", association).hasSize(1);
    return found.get(0);
  }
}

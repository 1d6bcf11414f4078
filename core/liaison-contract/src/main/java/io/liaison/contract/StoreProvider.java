package io.liaison.contract;

import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an adapter author writes to run the contract: how to get an adapter over an empty store.
 * Methods may be called many times and must be idempotent.
 */
public interface StoreProvider {

  /**
   * An adapter over an empty store (no tables, nodes or constraints left from earlier tests).
   * Called before every test; the suite closes the adapter after it.
   */
  StoreAdapter openEmpty();

  /**
   * The capabilities the adapter is declared to have. The suite checks the adapter reports exactly
   * these, skips tests needing a missing one and checks the documented refusal instead.
   */
  Set<Capability> capabilities();

  /**
   * Contract tests this adapter opts out of, as {@code "GroupClass#method"} (e.g. {@code
   * "BelongsToManyContract#addUpdatesThroughAttributesOfExistingLink"}) mapped to the reason. The
   * suite fails if a named test does not exist. Default: none.
   */
  default Map<String, String> optOuts() {
    return Map.of();
  }

  /**
   * How {@link FaultContract} holds the adapter's statements and kills its transactions on this
   * store. Default: none, and the fault tests are skipped (reported as such, never passed).
   */
  default Optional<FaultInjector> faults() {
    return Optional.empty();
  }

  /**
   * A look below the adapter ({@link StoreProbe}): a native statement counter and a native reader
   * of the stored links, observing the adapter last returned by {@link #openEmpty()}. When present,
   * every round-trip count the suite takes is checked against what reached the store, and the
   * groups that test the stored shape run; when empty (default), those groups are skipped with a
   * note.
   */
  default Optional<StoreProbe> probe() {
    return Optional.empty();
  }
}

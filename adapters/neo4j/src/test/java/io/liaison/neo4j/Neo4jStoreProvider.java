package io.liaison.neo4j;

import io.liaison.contract.FaultInjector;
import io.liaison.contract.StoreProbe;
import io.liaison.contract.StoreProvider;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An adapter over the embedded Neo4j, emptied first (nodes, constraints, indexes), given the driver
 * through a {@link CountingDriver} so that {@link #probe()} can count what reaches the server.
 */
final class Neo4jStoreProvider implements StoreProvider {

  private volatile CountingDriver counting;
  private final StoreProbe probe =
      new CypherStoreProbe(() -> counting == null ? 0 : counting.statements());

  @Override
  public StoreAdapter openEmpty() {
    EmbeddedNeo4j.clean();
    counting = new CountingDriver(EmbeddedNeo4j.driver());
    return Neo4jAdapter.create(Neo4jConfig.driver(counting.driver()));
  }

  @Override
  public Optional<FaultInjector> faults() {
    return Optional.of(new Neo4jFaultInjector());
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public Optional<StoreProbe> probe() {
    return Optional.of(probe);
  }
}

package io.liaison.neo4j;

import io.liaison.contract.FaultInjector;
import io.liaison.contract.StoreProvider;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** An adapter over the embedded Neo4j, emptied first (nodes, constraints, indexes). */
final class Neo4jStoreProvider implements StoreProvider {

  @Override
  public StoreAdapter openEmpty() {
    EmbeddedNeo4j.clean();
    return Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()));
  }

  @Override
  public Optional<FaultInjector> faults() {
    return Optional.of(new Neo4jFaultInjector());
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }
}

package io.liaison.neo4j;

import io.liaison.contract.AssociationContract;
import io.liaison.contract.StoreProvider;

/**
 * The whole contract suite on an embedded Neo4j (one server per JVM, emptied before every test).
 */
class Neo4jContractTest extends AssociationContract {
  private static final StoreProvider PROVIDER = new Neo4jStoreProvider();

  @Override
  protected StoreProvider provider() {
    return PROVIDER;
  }
}

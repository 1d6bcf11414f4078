package io.liaison.jdbc;

import io.liaison.contract.AssociationContract;
import io.liaison.contract.StoreProvider;

/** The whole contract suite on H2, a fresh in-memory database per test. */
class H2ContractTest extends AssociationContract {
  private static final StoreProvider PROVIDER = new H2StoreProvider("contract");

  @Override
  protected StoreProvider provider() {
    return PROVIDER;
  }
}

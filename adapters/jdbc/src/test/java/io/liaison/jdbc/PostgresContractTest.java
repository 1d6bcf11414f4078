package io.liaison.jdbc;

import io.liaison.contract.AssociationContract;
import io.liaison.contract.StoreProvider;

/**
 * The whole contract suite on PostgreSQL: the server given with {@code -Dliaison.postgres.url=...}
 * (or {@code LIAISON_POSTGRES_URL}), else an embedded one; an emptied schema per test.
 */
class PostgresContractTest extends AssociationContract {
  private static final StoreProvider PROVIDER = new PostgresStoreProvider("liaison_contract");

  @Override
  protected StoreProvider provider() {
    return PROVIDER;
  }
}

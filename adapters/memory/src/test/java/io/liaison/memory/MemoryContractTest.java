package io.liaison.memory;

import io.liaison.contract.AssociationContract;
import io.liaison.contract.StoreProvider;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import java.util.EnumSet;
import java.util.Set;

/** The whole contract suite on the memory store, a fresh adapter per test. */
class MemoryContractTest extends AssociationContract {
  private static final StoreProvider PROVIDER =
      new StoreProvider() {
        @Override
        public StoreAdapter openEmpty() {
          return MemoryAdapter.create();
        }

        @Override
        public Set<Capability> capabilities() {
          return EnumSet.allOf(Capability.class);
        }
      };

  @Override
  protected StoreProvider provider() {
    return PROVIDER;
  }
}

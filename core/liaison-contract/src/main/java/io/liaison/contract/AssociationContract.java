package io.liaison.contract;

import org.junit.jupiter.api.Nested;

/**
 * The whole contract: every group of tests, nested. An adapter's conformance test extends this
 * class and supplies its {@link StoreProvider}; test names are the same on every adapter.
 */
public abstract class AssociationContract {

  /** The provider of the adapter under test. */
  protected abstract StoreProvider provider();

  @Nested
  class HasOne extends HasOneContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class BelongsTo extends BelongsToContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class HasMany extends HasManyContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class BelongsToMany extends BelongsToManyContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Definition extends DefinitionContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class InvalidCall extends InvalidCallContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Entity extends EntityContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Transaction extends TransactionContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class RoundTrip extends RoundTripContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Capability extends CapabilityContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Naming extends NamingContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

}

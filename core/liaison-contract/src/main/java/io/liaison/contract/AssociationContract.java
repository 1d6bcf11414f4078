package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The whole contract: every group of tests, nested. An adapter's conformance test extends this
 * class and supplies its {@link StoreProvider}; test names are the same on every adapter.
 */
public abstract class AssociationContract {

  /** The provider of the adapter under test. */
  protected abstract StoreProvider provider();

  /**
   * An opt-out must name a test that exists, so that a renamed or removed test cannot stay
   * silenced.
   */
  @Test
  void optOutsNameExistingContractTests() {
    Set<String> tests = new HashSet<>();
    for (Class<?> nested : AssociationContract.class.getDeclaredClasses()) {
      for (Class<?> group = nested.getSuperclass();
          group != null && ContractGroup.class.isAssignableFrom(group);
          group = group.getSuperclass()) {
        for (Method method : group.getDeclaredMethods()) {
          if (AnnotationSupport.isAnnotated(method, Testable.class)) {
            tests.add(group.getSimpleName() + "#" + method.getName());
          }
        }
      }
    }

    List<String> bad =
        provider().optOuts().keySet().stream()
            .filter(key -> !key.matches("\\w+#\\w+") || !tests.contains(key))
            .sorted()
            .toList();
    assertThat(bad)
        .as("opt-outs that are not \"Group#method\" naming a test of the contract groups")
        .isEmpty();
  }

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
  class ReferentialAction extends ReferentialActionContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Include extends IncludeContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class ManySources extends ManySourcesContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Scope extends ScopeContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class SharedJunction extends SharedJunctionContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class DeclaredInverse extends DeclaredInverseContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class SingleGet extends SingleGetContract {
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
  class BadInput extends BadInputContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class NullArgument extends NullArgumentContract {
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
  class Concurrency extends ConcurrencyContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class LinkDeleteRace extends LinkDeleteRaceContract {
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

  @Nested
  class Value extends ValueContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class ParallelLinks extends ParallelLinksContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class Fault extends FaultContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class StoredShape extends StoredShapeContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class WhereOperator extends WhereOperatorContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }

  @Nested
  class UnlinkDelete extends UnlinkDeleteContract {
    @Override
    protected StoreProvider provider() {
      return AssociationContract.this.provider();
    }
  }
}

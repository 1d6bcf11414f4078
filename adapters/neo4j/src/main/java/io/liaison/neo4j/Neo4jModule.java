package io.liaison.neo4j;

import com.google.inject.Provider;
import com.google.inject.Scopes;
import io.liaison.LiaisonModule;
import io.liaison.spi.StoreAdapter;
import java.util.Objects;

/**
 * The Guice module that puts Liaison over Neo4j. The application binds its {@link
 * io.liaison.Schema}; this module binds {@link StoreAdapter} (and {@link Neo4jAdapter}) to one
 * adapter, created on first use.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new Neo4jModule(Neo4jConfig.uri("neo4j://localhost:7687", "neo4j", pw)),
 *     binder -> binder.bind(Schema.class).toInstance(Library.SCHEMA));
 * Liaison db = injector.getInstance(Liaison.class);
 * }</pre>
 */
public final class Neo4jModule extends LiaisonModule {
  private final Neo4jConfig config;

  public Neo4jModule(Neo4jConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Over an existing driver, which the adapter borrows and never closes. */
  public Neo4jModule(org.neo4j.driver.Driver driver) {
    this(Neo4jConfig.driver(driver));
  }

  @Override
  protected void configureStore() {
    bind(Neo4jConfig.class).toInstance(config);
    Neo4jConfig c = config;
    bind(Neo4jAdapter.class)
        .toProvider((Provider<Neo4jAdapter>) () -> Neo4jAdapter.create(c))
        .in(Scopes.SINGLETON);
    bind(StoreAdapter.class).to(Neo4jAdapter.class);
  }
}

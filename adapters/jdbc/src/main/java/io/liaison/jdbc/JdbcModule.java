package io.liaison.jdbc;

import com.google.inject.Provider;
import com.google.inject.Scopes;
import io.liaison.LiaisonModule;
import io.liaison.spi.StoreAdapter;
import java.util.Objects;

/**
 * The Guice module that puts Liaison over a relational database. The application binds its {@link
 * io.liaison.Schema}; this module binds {@link StoreAdapter} (and {@link JdbcAdapter}) to one
 * adapter, created on first use.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JdbcModule(JdbcConfig.h2InMemory("app")), new AbstractModule() {
 *   @Provides Schema schema() { return Library.SCHEMA; }
 * });
 * Liaison db = injector.getInstance(Liaison.class);
 * }</pre>
 */
public final class JdbcModule extends LiaisonModule {
  private final JdbcConfig config;

  public JdbcModule(JdbcConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configureStore() {
    bind(JdbcConfig.class).toInstance(config);
    JdbcConfig c = config;
    bind(JdbcAdapter.class)
        .toProvider((Provider<JdbcAdapter>) () -> JdbcAdapter.create(c))
        .in(Scopes.SINGLETON);
    bind(StoreAdapter.class).to(JdbcAdapter.class);
  }
}

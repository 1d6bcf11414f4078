package io.liaison;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.liaison.spi.StoreAdapter;

/**
 * The base of every adapter's Guice module: the adapter binds {@link StoreAdapter} in {@link
 * #configureStore()}, the application binds its {@link Schema}, and this module provides the {@link
 * Liaison} singleton. Swapping stores is installing another adapter module; domain code injects
 * {@code Liaison} and never names the adapter.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JdbcModule(JdbcConfig.h2InMemory("app")), new AbstractModule() {
 *   @Provides Schema schema() { return Library.SCHEMA; }
 * });
 * Liaison db = injector.getInstance(Liaison.class);
 * }</pre>
 */
public abstract class LiaisonModule extends AbstractModule {

  @Override
  protected final void configure() {
    configureStore();
    requireBinding(StoreAdapter.class);
    requireBinding(Schema.class);
  }

  /** Binds {@link StoreAdapter} (and anything else the adapter needs). */
  protected abstract void configureStore();

  @Provides
  @Singleton
  final Liaison liaison(Schema schema, StoreAdapter store) {
    return Liaison.builder().schema(schema).store(store).build();
  }
}

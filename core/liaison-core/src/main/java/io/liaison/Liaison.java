package io.liaison;

import io.liaison.internal.Args;
import io.liaison.internal.InternalLiaison;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The entry point: a {@link Schema} bound to one store. Build it directly or inject it from a Guice
 * module that picks the store ({@link LiaisonModule}); domain code never names the adapter.
 *
 * <pre>{@code
 * Liaison db = Liaison.builder().schema(schema).store(adapter).build();
 * db.transaction(tx -> {
 *   Book b = tx.insert(new Book("Graphs"));
 *   tx.on(b, ARTICLES).add(article, Map.of("role", "editor"));
 *   return b;
 * });
 * }</pre>
 */
public interface Liaison extends Session, AutoCloseable {

  static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the work in one transaction and returns its result: committed if the work returns, rolled
   * back if it throws (the exception passes through unchanged).
   */
  <R> R transaction(Function<Session, R> work);

  /** {@link #transaction(Function)} for work that returns nothing. */
  void inTransaction(Consumer<Session> work);

  /**
   * A session whose operations run in a store transaction owned by someone else, e.g. an
   * application's Neo4j-OGM transaction joined through the adapter ({@code OgmBridge.join}).
   * Liaison neither commits, rolls back nor retries it: its owner does.
   */
  Session join(StoreSession transaction);

  Schema schema();

  /** What the store adapter supports. */
  Set<Capability> capabilities();

  /** Closes the store adapter. */
  @Override
  void close();

  /**
   * Builds a {@link Liaison}: checks the schema against the adapter's capabilities, then syncs the
   * store.
   */
  final class Builder {
    private Schema schema;
    private StoreAdapter store;
    private boolean sync = true;

    private Builder() {}

    public Builder schema(Schema schema) {
      this.schema = Args.notNull(schema, "Liaison.builder().schema", "schema");
      return this;
    }

    public Builder store(StoreAdapter store) {
      this.store = Args.notNull(store, "Liaison.builder().store", "store");
      return this;
    }

    /** Whether to create missing tables, keys and indexes at build time (default true). */
    public Builder sync(boolean sync) {
      this.sync = sync;
      return this;
    }

    public Liaison build() {
      if (schema == null) {
        throw new InvalidCallException("Liaison.builder() needs a schema");
      }
      if (store == null) {
        throw new InvalidCallException("Liaison.builder() needs a store adapter");
      }
      return InternalLiaison.create(schema, schema.resolved(), store, sync);
    }
  }
}

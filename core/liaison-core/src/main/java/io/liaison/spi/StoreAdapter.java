package io.liaison.spi;

import java.util.Set;

/**
 * A store behind Liaison. Implementations are thread-safe; each {@link StoreSession} is used by one
 * thread at a time.
 */
public interface StoreAdapter extends AutoCloseable {

  /** A short name for messages, e.g. {@code "h2"}, {@code "postgresql"}, {@code "neo4j"}. */
  String name();

  /** What this adapter supports beyond the core; see {@link Capability}. */
  Set<Capability> capabilities();

  /**
   * Registers the schema the adapter will serve, so that it knows the schema without syncing the
   * store: called once per {@link io.liaison.Liaison} built, before any session, whether or not the
   * store is synced (a graph adapter takes its relationship types and emulated actions from it
   * here). Default: nothing.
   */
  default void register(SchemaInfo schema) {}

  /**
   * Creates whatever the schema needs that is missing (tables, junctions, keys, constraints,
   * indexes). Idempotent.
   */
  void sync(SchemaInfo schema);

  /**
   * Begins a transaction for several operations (a user's {@code db.transaction(...)}). An
   * operation that fails in it must leave nothing of itself written and the transaction usable,
   * since the caller may catch the exception and go on.
   */
  StoreSession begin();

  /**
   * Begins a transaction for exactly one engine operation. The engine rolls it back after any
   * failure, so the adapter may skip protecting earlier work in it (savepoints, say). Defaults to
   * {@link #begin()}.
   */
  default StoreSession beginOperation() {
    return begin();
  }

  /**
   * Like {@link #beginOperation()}, for an operation that only reads ({@code find}, {@code count},
   * an association's {@code get}, {@code links}, {@code count} or {@code has}) outside a user's
   * transaction. The adapter may open it read-only, where a store makes that cheaper or routes it
   * to a replica (Neo4j: a transaction in READ access mode); it must still see every write the
   * caller committed before. Defaults to {@link #beginOperation()}.
   */
  default StoreSession beginReadOperation() {
    return beginOperation();
  }

  void addStatementListener(StatementListener listener);

  void removeStatementListener(StatementListener listener);

  @Override
  void close();
}

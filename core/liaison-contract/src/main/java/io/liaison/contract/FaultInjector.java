package io.liaison.contract;

import io.liaison.spi.StoreAdapter;
import java.time.Duration;

/**
 * What {@link FaultContract} needs from a store beyond an adapter: connections of its own, outside
 * the adapter, that hold a write the adapter's statement will wait for (so that the moment of a
 * fault is certain) and that end the waiting transaction the store's own administrative way. A
 * provider offers one through {@link StoreProvider#faults()}; without one the group is skipped,
 * never passed.
 *
 * <p>Stored names follow the defaults: a model's table or label is the model's name, an attribute's
 * column or property the attribute's name, a belongsToMany's junction table or relationship type
 * the through model's name.
 */
public interface FaultInjector {

  /**
   * An adapter over the same store, as another process would open it: nothing is emptied or
   * created. The caller closes it.
   */
  StoreAdapter reopen();

  /**
   * Starts a blocker: on a connection of its own, in a transaction left uncommitted, a write that a
   * write of this link by the adapter waits for. SQL: the junction row of the pair, locked if it
   * exists, else inserted, or, where the store does not show a wait for an uncommitted insert and
   * the adapter locks a link's target (H2), the target's row locked; a graph: the write lock of the
   * target's node.
   *
   * @param through the junction (through model) of the belongsToMany
   * @param sourceColumn the junction's key naming the source (e.g. {@code bookId})
   * @param sourceId the source's key value
   * @param target the target model
   * @param targetColumn the junction's key naming the target (e.g. {@code articleId})
   * @param targetId the target's id
   */
  Blocker holdLink(
      String through,
      String sourceColumn,
      Object sourceId,
      String target,
      String targetColumn,
      Object targetId);

  /**
   * Starts a blocker holding the write lock of the stored entity of {@code model} with this id (its
   * row or node), so that an update, a delete, or a reference checked by the store waits for it.
   */
  Blocker holdEntity(String model, Object id);

  /**
   * Starts a blocker that deletes the stored entity of {@code model} with this id (and, as the
   * store's rules say, its links), left uncommitted: a write linking it waits for the blocker, and
   * once the blocker commits finds it gone.
   */
  Blocker holdDelete(String model, Object id);

  /**
   * Whether ending a transaction from outside rolls back everything it wrote, whatever its
   * statement was doing at that moment. A store that cannot promise it (its administrative kill
   * keeps some of a running statement's rows) says false and documents why; {@link FaultContract}
   * then checks only that the adapter reports the kill with the documented exception and recovers.
   */
  default boolean killIsAtomic() {
    return true;
  }

  /**
   * An uncommitted write held on a connection of the injector's own. {@link #close()} rolls it
   * back, so a transaction waiting for it goes on.
   */
  interface Blocker extends AutoCloseable {

    /**
     * Waits until a transaction of another connection (the adapter's) waits for this blocker, and
     * ends it the way the store's administrator would: PostgreSQL {@code pg_terminate_backend}, H2
     * {@code ABORT_SESSION}, Neo4j {@code TERMINATE TRANSACTIONS}. Each waiting transaction is
     * ended once. Returns false if none waited within {@code within}.
     */
    boolean killWaiter(Duration within);

    /**
     * Waits until a transaction of another connection waits for this blocker, and leaves it
     * waiting. Returns false if none waited within {@code within}.
     */
    boolean awaitWaiter(Duration within);

    /** Commits the held write and closes the connection: a transaction waiting for it goes on. */
    void commit();

    /** Rolls the held write back and closes the connection; idempotent. */
    @Override
    void close();
  }
}

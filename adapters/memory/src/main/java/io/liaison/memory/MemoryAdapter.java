package io.liaison.memory;

import io.liaison.StoreException;
import io.liaison.TransientStoreException;
import io.liaison.spi.Capability;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StatementListeners;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store adapter holding its rows in maps: the reference implementation of the SPI, for checking
 * the engine against the contract suite without a database and for reading how an adapter meets
 * each method's semantics. Not a cache and not a speed-up: every read scans or indexes a table on
 * demand.
 *
 * <p>Rows live per table (a model's, or a belongsToMany junction's) keyed by primary key, as a
 * relational database would hold them; {@link Catalog} holds what the synced schemas would have
 * created as DDL (primary keys, unique attributes, foreign keys and their actions) and {@link
 * Integrity} enforces it, so the memory store refuses, cascades and nulls what the SQL adapter's
 * database does.
 *
 * <p>Transactions are serializable in the simplest way: one adapter-wide lock, taken by {@link
 * #begin()} and held until the session commits, rolls back or closes, so one transaction runs at a
 * time and every other waits (up to {@link #LOCK_WAIT_SECONDS}, then a {@link
 * TransientStoreException}). A session works on a copy of the committed store and publishes it on
 * commit; rollback drops it. Each write of a session starts from a fresh copy and returns to the
 * one before on failure, so an operation that fails inside a user's transaction leaves nothing of
 * itself, as {@link #begin()} requires.
 *
 * <p>The lock belongs to a thread: a session ends on the thread that began it (the SPI's sessions
 * are used by one thread). A thread holding a transaction that begins another does not wait for
 * itself; the inner one sees the committed store, and if both write, the second to commit is
 * refused ({@link #commit}).
 *
 * <p>Each session method tells the statement listeners of one round trip, as a database adapter
 * doing the same work in one statement would, so the contract's round-trip counts hold.
 */
public final class MemoryAdapter implements StoreAdapter {

  /** How long a transaction waits for the one running before it refuses to begin. */
  static final long LOCK_WAIT_SECONDS = 30;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final StatementListeners listeners = new StatementListeners();
  private volatile Catalog catalog = Catalog.EMPTY;

  /** The committed data; read and replaced only under {@link #lock}. */
  private Store committed = new Store();

  private volatile boolean closed;

  private MemoryAdapter() {}

  /** A new, empty store. */
  public static MemoryAdapter create() {
    return new MemoryAdapter();
  }

  @Override
  public String name() {
    return "memory";
  }

  /** Every capability: the store has no limit of its own on keys, actions or parallel links. */
  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /**
   * Learns the schema as {@link #sync} does: a memory store starts empty with every adapter, so
   * there is no existing store to leave unchanged, and a Liaison built without syncing finds its
   * tables.
   */
  @Override
  public void register(SchemaInfo schema) {
    sync(schema);
  }

  /** Creates the tables the schema names and records its keys and foreign keys. Idempotent. */
  @Override
  public void sync(SchemaInfo schema) {
    acquire();
    try {
      catalog = catalog.plus(schema);
      for (ModelInfo m : schema.models()) {
        committed.create(m.table());
      }
      for (JunctionInfo j : schema.junctions()) {
        committed.create(j.table());
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public StoreSession begin() {
    acquire();
    return new MemorySession(this, committed);
  }

  @Override
  public void addStatementListener(StatementListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeStatementListener(StatementListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "MemoryAdapter";
  }

  // ---- for sessions

  Catalog catalog() {
    return catalog;
  }

  /** Tells the listeners of one round trip. */
  void fire(String statement) {
    listeners.fire(statement);
  }

  /**
   * Publishes a session's store and lets the next transaction begin. {@code base} is the committed
   * store the session began from: only a session begun on the thread already holding the lock (the
   * lock is reentrant) can find another one committed since, and then its writes are refused rather
   * than lost.
   */
  void commit(Store base, Store store) {
    try {
      if (store != base) {
        if (committed != base) {
          throw new TransientStoreException(
              "commit failed: another transaction on this thread committed since "
                  + "this one began",
              null);
        }
        committed = store;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Ends a session without publishing its store. */
  void rollback() {
    lock.unlock();
  }

  private void acquire() {
    if (closed) {
      throw new StoreException("The memory store is closed", null);
    }
    try {
      if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new TransientStoreException(
            "Another transaction held the memory store for " + LOCK_WAIT_SECONDS + " s", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientStoreException("Interrupted waiting for the memory store", e);
    }
  }
}

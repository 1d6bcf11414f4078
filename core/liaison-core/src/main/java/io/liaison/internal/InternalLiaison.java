package io.liaison.internal;

import io.liaison.Liaison;
import io.liaison.LiaisonException;
import io.liaison.Retryable;
import io.liaison.Schema;
import io.liaison.Session;
import io.liaison.UnsupportedCapabilityException;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/** The {@link Liaison} implementation: every call outside a transaction runs in one of its own. */
public final class InternalLiaison extends InternalSession implements Liaison {
  /** Attempts of one operation when the store reports a transient failure. */
  static final int MAX_ATTEMPTS = 3;

  private final Schema schema;
  private final StoreAdapter store;

  private InternalLiaison(Schema schema, ResolvedSchema resolved, StoreAdapter store) {
    super(resolved, null);
    this.schema = schema;
    this.store = store;
  }

  /**
   * Checks the schema's needs against the adapter, syncs the store, and returns the entry point.
   */
  public static Liaison create(
      Schema schema, ResolvedSchema resolved, StoreAdapter store, boolean sync) {
    Set<Capability> has = store.capabilities();
    for (Map.Entry<Capability, String> need : resolved.needs().entrySet()) {
      if (!has.contains(need.getKey())) {
        throw new UnsupportedCapabilityException(
            need.getKey(),
            "The "
                + store.name()
                + " adapter does not support "
                + need.getKey()
                + ", which "
                + need.getValue()
                + " needs");
      }
    }
    store.register(resolved.info());
    if (sync) {
      store.sync(resolved.info());
    }
    return new InternalLiaison(schema, resolved, store);
  }

  /**
   * Runs one operation in a transaction of its own. A failure the store calls transient ({@link
   * Retryable}) is retried: the transaction was rolled back whole, so running the operation again
   * is safe whatever it does. After the last attempt the exception passes through.
   */
  @Override
  <R> R run(Function<StoreSession, R> work) {
    return retrying(work, false);
  }

  /** As {@link #run}, in a store session opened for reading only. */
  @Override
  <R> R read(Function<StoreSession, R> work) {
    return retrying(work, true);
  }

  private <R> R retrying(Function<StoreSession, R> work, boolean readOnly) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(work, readOnly);
      } catch (RuntimeException e) {
        if (!(e instanceof Retryable) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        backOff(attempt, e);
      }
    }
  }

  private <R> R runOnce(Function<StoreSession, R> work, boolean readOnly) {
    StoreSession session = readOnly ? store.beginReadOperation() : store.beginOperation();
    try {
      R result = work.apply(session);
      session.commit();
      return result;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(session, e);
      throw e;
    } finally {
      session.close();
    }
  }

  private static void backOff(int attempt, RuntimeException cause) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 20L << attempt));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  private static void rollbackQuietly(StoreSession session, Throwable cause) {
    try {
      session.rollback();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public <R> R transaction(Function<Session, R> work) {
    Args.notNull(work, "transaction", "work");
    StoreSession session = store.begin();
    InternalSession tx = new InternalSession(resolved, session);
    try {
      R result = work.apply(tx);
      tx.end();
      session.commit();
      return result;
    } catch (RuntimeException | Error e) {
      tx.end();
      rollbackQuietly(session, e);
      throw e;
    } finally {
      session.close();
    }
  }

  @Override
  public void inTransaction(Consumer<Session> work) {
    Args.notNull(work, "inTransaction", "work");
    transaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  @Override
  public Session join(StoreSession transaction) {
    Args.notNull(transaction, "join", "transaction");
    return new InternalSession(resolved, transaction);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Set<Capability> capabilities() {
    return store.capabilities();
  }

  @Override
  public void close() {
    try {
      store.close();
    } catch (RuntimeException e) {
      throw new LiaisonException("Closing the " + store.name() + " adapter failed", e);
    }
  }

  @Override
  public String toString() {
    return "Liaison[" + store.name() + "]";
  }
}

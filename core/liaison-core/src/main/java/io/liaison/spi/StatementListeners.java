package io.liaison.spi;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The statement listeners of one adapter: what {@link StoreAdapter#addStatementListener} and {@link
 * StoreAdapter#removeStatementListener} manage, and {@link #fire} tells of each round trip.
 * Thread-safe; adapters delegate to one instance.
 */
public final class StatementListeners {
  private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

  public void add(StatementListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void remove(StatementListener listener) {
    listeners.remove(listener);
  }

  /** Tells every listener of one round trip. */
  public void fire(String statement) {
    for (StatementListener l : listeners) {
      l.onStatement(statement);
    }
  }
}

package io.liaison.neo4j;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

/**
 * A {@link Driver} handed to {@link Neo4jAdapter} through {@link Neo4jConfig#driver} behind a
 * {@link Proxy} that counts the Cypher statements sent on the driver's sessions: every {@code run}
 * of a {@link Session}, an explicit {@link Transaction} or the {@link TransactionContext} of a
 * managed transaction ({@code executeRead}/{@code executeWrite}), each one RUN message over Bolt.
 * Begin, commit and rollback are not counted. A statement the adapter reports once but runs per row
 * counts once per row.
 */
final class CountingDriver {
  private final Driver counting;
  private final AtomicLong statements = new AtomicLong();

  CountingDriver(Driver driver) {
    counting = (Driver) proxy(Driver.class, driver);
  }

  /**
   * The counting driver to give the adapter (closing it closes the real one: give it as borrowed).
   */
  Driver driver() {
    return counting;
  }

  /** Statements run so far through {@link #driver()}. */
  long statements() {
    return statements.get();
  }

  private Object proxy(Class<?> type, Object target) {
    return Proxy.newProxyInstance(
        CountingDriver.class.getClassLoader(),
        new Class<?>[] {type},
        (p, method, args) -> invoke(target, method, args));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object invoke(Object target, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("run")
        && (target instanceof Session
            || target instanceof Transaction
            || target instanceof TransactionContext)) {
      statements.incrementAndGet();
    }
    if (args != null && name.startsWith("execute")) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof TransactionCallback callback) {
          args[i] = (TransactionCallback) tx -> callback.execute(context(tx));
        } else if (args[i] instanceof Consumer consumer) {
          args[i] = (Consumer<TransactionContext>) tx -> consumer.accept(context(tx));
        }
      }
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof Transaction
        && method.getReturnType().isAssignableFrom(Transaction.class)) {
      return proxy(Transaction.class, result);
    }
    if (result instanceof Session && method.getReturnType().isAssignableFrom(Session.class)) {
      return proxy(Session.class, result);
    }
    return result;
  }

  private TransactionContext context(TransactionContext tx) {
    return (TransactionContext) proxy(TransactionContext.class, tx);
  }
}

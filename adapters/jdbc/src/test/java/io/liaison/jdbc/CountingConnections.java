package io.liaison.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection wrapper for {@link JdbcConfig#withConnectionWrapper}: each connection the adapter's
 * own pool opens is wrapped in a {@link Proxy} that counts, at the JDBC API, what the adapter sends
 * to the database: every {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code
 * executeLargeUpdate}, {@code executeBatch} and {@code executeLargeBatch} of its statements, and
 * every {@code setSavepoint}, {@code releaseSavepoint} and {@code rollback(Savepoint)} of its
 * connections (statements on the wire, reported by the adapter as such). Commit and rollback of the
 * whole transaction, and what the driver asks the server on its own (PostgreSQL's isolation level),
 * are not counted, as the adapter does not report them. The adapter keeps its own pool, so it works
 * exactly as it does without the wrapper.
 *
 * <p>One {@code executeBatch} counts as one: H2 runs in process, and the PostgreSQL driver sends a
 * batch's statements together without waiting for each answer (and with {@code
 * reWriteBatchedInserts=true} folds inserts into multi-row ones), never one exchange per row. A
 * batch the adapter ran as a loop of {@code executeUpdate} calls counts once per row, which is what
 * this counter is for.
 */
final class CountingConnections {
  private static final Set<String> EXECUTIONS =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");
  private static final Set<String> SAVEPOINTS = Set.of("setSavepoint", "releaseSavepoint");

  private final AtomicLong statements = new AtomicLong();

  /**
   * The connection, counting what is sent through it (pass as {@code
   * withConnectionWrapper(counter::wrap)}).
   */
  Connection wrap(Connection connection) {
    return (Connection) proxy(Connection.class, connection, this::onConnection);
  }

  /** Statements sent so far through the wrapped connections. */
  long statements() {
    return statements.get();
  }

  private Object onConnection(Object connection, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (SAVEPOINTS.contains(name) || name.equals("rollback") && args != null && args.length == 1) {
      statements.incrementAndGet();
    }
    Object result = invoke(connection, method, args);
    if (result instanceof CallableStatement) {
      return proxy(CallableStatement.class, result, this::onStatement);
    }
    if (result instanceof PreparedStatement) {
      return proxy(PreparedStatement.class, result, this::onStatement);
    }
    if (result instanceof Statement) {
      return proxy(Statement.class, result, this::onStatement);
    }
    return result;
  }

  private Object onStatement(Object statement, Method method, Object[] args) throws Throwable {
    if (EXECUTIONS.contains(method.getName())) {
      statements.incrementAndGet();
    }
    return invoke(statement, method, args);
  }

  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static Object proxy(Class<?> type, Object target, Handler handler) {
    InvocationHandler h =
        (p, method, args) -> {
          if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
            return invoke(target, method, args);
          }
          return handler.handle(target, method, args);
        };
    return Proxy.newProxyInstance(
        CountingConnections.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

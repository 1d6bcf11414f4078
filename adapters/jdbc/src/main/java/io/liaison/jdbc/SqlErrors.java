package io.liaison.jdbc;

import io.liaison.ConflictException;
import io.liaison.LiaisonException;
import io.liaison.StoreException;
import io.liaison.TransientStoreException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientException;

/**
 * Maps {@link SQLException}s to Liaison's exceptions by SQLState: class 23 (integrity constraint)
 * is a {@link ConflictException} (but see {@link #translateUpsert}); serialization failures,
 * deadlocks, lock timeouts and lost connections are {@link TransientStoreException}s; anything else
 * a {@link StoreException}. The standard SQLStates are judged here; what a database reports by its
 * own codes, each dialect judges ({@link Dialect#isTransientError}, {@link
 * Dialect#isDuplicateKeyError}). The message names the operation and the SQLException is kept as
 * the cause.
 */
public final class SqlErrors {
  /** The SQLState of a unique violation (SQL standard; H2 and PostgreSQL report it). */
  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  /** The Liaison exception for a failure of {@code operation} (e.g. "link Book.articles"). */
  public static LiaisonException translate(String operation, SQLException e) {
    String message = operation + " failed: " + describe(e);
    if (isConflict(e)) {
      return new ConflictException(message, e);
    }
    if (isTransient(e)) {
      return new TransientStoreException(message, e);
    }
    return new StoreException(message, e);
  }

  /**
   * The Liaison exception for a failure of an upsert of junction rows. The upsert inserts a row
   * only after finding none with its key, so a unique violation there means a concurrent
   * transaction inserted the same link meanwhile (H2's upsert does not wait for it, unlike
   * PostgreSQL's and MariaDB's: {@link Dialect#upsertNeedsSourceLock}): a {@link
   * TransientStoreException}, since running the call again finds the row and updates it. Other
   * failures as {@link #translate}.
   */
  public static LiaisonException translateUpsert(String operation, SQLException e) {
    for (SQLException x : chain(e)) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState()) || duplicateKeyByDialect(x)) {
        return new TransientStoreException(
            operation + " failed: a concurrent transaction wrote the same link: " + describe(e), e);
      }
    }
    return translate(operation, e);
  }

  /**
   * The Liaison exception for a failure after which the connection is gone (the server ended it, an
   * administrator killed it, the network failed): a {@link TransientStoreException} whatever the
   * driver reports, since the database dropped the transaction and a new connection may succeed.
   * H2, whose session an {@code ABORT_SESSION} ends, reports that as "database closed" or as a
   * general error about its rolled-back transaction; PostgreSQL as SQLState 57P01 or class 08.
   */
  public static LiaisonException connectionLost(String operation, SQLException e) {
    return new TransientStoreException(
        operation + " failed: the connection was lost: " + describe(e), e);
  }

  static boolean isConflict(SQLException e) {
    for (SQLException x : chain(e)) {
      if (x instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
      String state = x.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  static boolean isTransient(SQLException e) {
    for (SQLException x : chain(e)) {
      if (x instanceof SQLTransientException) {
        return true;
      }
      String state = x.getSQLState();
      if (state != null
          && (state.equals("40001") || state.startsWith("08") || state.equals("HYT00"))) {
        return true;
      }
      for (Dialect d : Dialect.builtIn()) {
        if (d.isTransientError(x)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean duplicateKeyByDialect(SQLException e) {
    for (Dialect d : Dialect.builtIn()) {
      if (d.isDuplicateKeyError(e)) {
        return true;
      }
    }
    return false;
  }

  /** The exception, its next exceptions (batches) and SQLException causes, without cycles. */
  private static java.util.List<SQLException> chain(SQLException e) {
    java.util.List<SQLException> out = new java.util.ArrayList<>();
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty() && out.size() < 20) {
      Throwable t = todo.poll();
      if (t instanceof SQLException s && out.stream().noneMatch(x -> x == s)) {
        out.add(s);
        if (s.getNextException() != null) {
          todo.add(s.getNextException());
        }
      }
      if (t != null && t.getCause() != null && t.getCause() != t) {
        todo.add(t.getCause());
      }
    }
    return out;
  }

  private static String describe(SQLException e) {
    SQLException detail = e;
    // A batch failure's own message is often generic; the next exception says what went wrong.
    if (e.getNextException() != null && e.getNextException() != e) {
      detail = e.getNextException();
    }
    String state = detail.getSQLState() == null ? "" : " [SQLState " + detail.getSQLState() + "]";
    return detail.getMessage() + state;
  }
}

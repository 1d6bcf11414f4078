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
 * a {@link StoreException}. MariaDB reports every integrity failure (duplicate key 1062, foreign
 * key 1451/1452) as SQLState 23000, a deadlock (1213) as 40001, and a lock wait timeout (1205) by
 * its error code alone. The message names the operation and the SQLException is kept as the cause.
 */
public final class SqlErrors {
  /** H2's error code for a lock timeout (SQLState HYT00). */
  private static final int H2_LOCK_TIMEOUT = 50200;

  /** H2's error code for a concurrent update in another transaction. */
  private static final int H2_CONCURRENT_UPDATE = 90131;

  /** H2's error code for a deadlock (SQLState 40001). */
  private static final int H2_DEADLOCK = 40001;

  /**
   * H2's error code for a failure of its storage engine (MVStore), whose own code ends the message.
   */
  private static final int H2_GENERAL_ERROR = 50000;

  /**
   * How the message of an H2 general error ends for MVStore's "too many open transactions", which
   * H2 also raises as "an old transaction with the same id is still open" when a new transaction
   * gets the id of one it is still closing (after an {@code ABORT_SESSION}): a moment later there
   * is room again.
   */
  private static final String MVSTORE_TOO_MANY_OPEN_TRANSACTIONS = "/102]";

  /** The SQLState of a unique violation, on H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** MariaDB's error code for a duplicate key (SQLState 23000, as every integrity failure). */
  private static final int MARIADB_DUPLICATE_KEY = 1062;

  /**
   * MariaDB's error code for a lock wait timeout (SQLState HY000); a deadlock (1213) is SQLState
   * 40001.
   */
  private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

  /** MariaDB's error codes for a statement ended by {@code KILL} (SQLState 70100). */
  private static final int MARIADB_QUERY_INTERRUPTED = 1317;

  private static final int MARIADB_CONNECTION_KILLED = 1927;

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
      if (UNIQUE_VIOLATION.equals(x.getSQLState())
          || "23000".equals(x.getSQLState()) && x.getErrorCode() == MARIADB_DUPLICATE_KEY) {
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
          && (state.equals("40001")
              || state.equals("40P01")
              || state.startsWith("08")
              || state.equals("55P03")
              || state.equals("57P01")
              || state.equals("57P02")
              || state.equals("57P03")
              || state.equals("HYT00"))) {
        return true;
      }
      int code = x.getErrorCode();
      if (isH2(x)
          && (code == H2_LOCK_TIMEOUT || code == H2_CONCURRENT_UPDATE || code == H2_DEADLOCK)) {
        return true;
      }
      if ("HY000".equals(state) && code == MARIADB_LOCK_WAIT_TIMEOUT
          || "70100".equals(state)
              && (code == MARIADB_QUERY_INTERRUPTED || code == MARIADB_CONNECTION_KILLED)) {
        return true;
      }
      if (isH2(x)
          && code == H2_GENERAL_ERROR
          && x.getMessage() != null
          && x.getMessage().contains(MVSTORE_TOO_MANY_OPEN_TRANSACTIONS)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isH2(SQLException e) {
    return e.getClass().getName().startsWith("org.h2.");
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

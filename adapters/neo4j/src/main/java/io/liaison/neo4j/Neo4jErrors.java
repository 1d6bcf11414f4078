package io.liaison.neo4j;

import io.liaison.ConflictException;
import io.liaison.LiaisonException;
import io.liaison.StoreException;
import io.liaison.TransientStoreException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Maps failures of the Neo4j Java Driver (also when wrapped, as Neo4j-OGM does) to Liaison's
 * exceptions: a violated uniqueness constraint ({@code
 * Neo.ClientError.Schema.ConstraintValidationFailed}) is a {@link ConflictException}; {@link
 * TransientException}, {@link ServiceUnavailableException}, {@link SessionExpiredException} (every
 * driver {@link RetryableException}) and {@code Neo.TransientError.*} codes are {@link
 * TransientStoreException}s, and so is a transaction the server ended from outside ({@code
 * TERMINATE TRANSACTIONS}: {@code Transaction.Terminated}, or {@code Transaction.LockClientStopped}
 * when it was waiting for a lock), which the driver reports as a client error: the server rolled it
 * back whole, and Liaison's policy (architecture.md, "Faults") treats a killed transaction as
 * PostgreSQL's killed backend, worth a new attempt. Anything else is a {@link StoreException}. The
 * message names the operation and the original is kept as the cause. Also transient: {@code
 * Neo.ClientError.Statement.EntityNotFound} outside a belongsToMany link (whose writer names the
 * deleted end as a {@link io.liaison.ConflictException}): a node or relationship the statement had
 * matched was deleted by a concurrent transaction before it was read or written, so running the
 * operation again sees the store without it (the engine then names a missing row as on every store,
 * where SQL simply finds no row).
 */
public final class Neo4jErrors {
  /** The status code of a violated constraint. */
  public static final String CONSTRAINT_VIOLATION =
      "Neo.ClientError.Schema.ConstraintValidationFailed";

  /**
   * The status code of an entity deleted by a concurrent transaction after the statement matched
   * it.
   */
  public static final String ENTITY_NOT_FOUND = "Neo.ClientError.Statement.EntityNotFound";

  /**
   * The codes of a transaction ended from outside, as the server sends them ({@code
   * TransientError}) and as the driver rewrites them ({@code ClientError}, so that its own retries
   * leave them alone).
   */
  static final java.util.Set<String> TERMINATED =
      java.util.Set.of(
          "Neo.ClientError.Transaction.Terminated", "Neo.TransientError.Transaction.Terminated",
          "Neo.ClientError.Transaction.LockClientStopped",
              "Neo.TransientError.Transaction.LockClientStopped");

  /** This mapping as the {@link CypherErrors} of the sessions that run on the Java Driver. */
  public static final CypherErrors MAPPING =
      new CypherErrors() {
        @Override
        public LiaisonException translate(String operation, Throwable e) {
          return Neo4jErrors.translate(operation, e);
        }

        @Override
        public boolean isEntityGone(Throwable e) {
          return Neo4jErrors.isEntityGone(e);
        }
      };

  private Neo4jErrors() {}

  /** The Liaison exception for a failure of {@code operation} (e.g. "link Book.articles"). */
  public static LiaisonException translate(String operation, Throwable e) {
    if (e instanceof LiaisonException le) {
      return le;
    }
    String message = operation + " failed: " + describe(e);
    if (isConflict(e)) {
      return new ConflictException(message, e);
    }
    if (isTransient(e)) {
      return new TransientStoreException(message, e);
    }
    return new StoreException(message, e);
  }

  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof Neo4jException n && CONSTRAINT_VIOLATION.equals(n.code())) {
        return true;
      }
      if (!(t instanceof Neo4jException)
          && t.getMessage() != null
          && t.getMessage().contains(CONSTRAINT_VIOLATION)) {
        return true; // a wrapper (Neo4j-OGM's CypherException) that names the code
      }
    }
    return false;
  }

  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof RetryableException
          || t instanceof TransientException
          || t instanceof ServiceUnavailableException
          || t instanceof SessionExpiredException) {
        return true;
      }
      if (t instanceof Neo4jException n
          && n.code() != null
          && (n.code().startsWith("Neo.TransientError.")
              || TERMINATED.contains(n.code())
              || n.code().equals(ENTITY_NOT_FOUND))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a statement failed because a node or relationship it had found was deleted before it
   * could use it ({@code Neo.ClientError.Statement.EntityNotFound}, "Unable to load NODE ..."):
   * another transaction deleted it while this one waited for its lock.
   */
  static boolean isEntityGone(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof Neo4jException n && ENTITY_NOT_FOUND.equals(n.code())) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().startsWith("Unable to load ")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    Throwable c = t.getCause();
    return c == t ? null : c;
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof Neo4jException n) {
        return n.getMessage()
            + (n.code() == null || n.code().isEmpty() ? "" : " [" + n.code() + "]");
      }
    }
    return String.valueOf(e.getMessage());
  }
}

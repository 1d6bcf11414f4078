package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.LiaisonException;
import io.liaison.Retryable;
import io.liaison.StoreException;
import io.liaison.TransientStoreException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

class Neo4jErrorsTest {

  @Test
  void aViolatedConstraintIsAConflict() {
    ClientException e =
        new ClientException(Neo4jErrors.CONSTRAINT_VIOLATION, "Node(1) already exists");

    LiaisonException mapped = Neo4jErrors.translate("insert Book", e);

    assertThat(mapped)
        .isExactlyInstanceOf(ConflictException.class)
        .hasCause(e)
        .hasMessageStartingWith("insert Book failed: ")
        .hasMessageContaining("already exists")
        .hasMessageContaining(Neo4jErrors.CONSTRAINT_VIOLATION);
  }

  @Test
  void transientFailuresAreRetryable() {
    for (RuntimeException e :
        new RuntimeException[] {
          new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"),
          new ClientException(Neo4jErrors.ENTITY_NOT_FOUND, "Unable to load NODE 4:abc:206."),
          new ServiceUnavailableException("no server"),
          new SessionExpiredException("leader switched")
        }) {
      LiaisonException mapped = Neo4jErrors.translate("link Book.articles", e);
      assertThat(mapped)
          .as(e.getClass().getSimpleName())
          .isExactlyInstanceOf(TransientStoreException.class)
          .isInstanceOf(Retryable.class)
          .hasCause(e)
          .hasMessageStartingWith("link Book.articles failed: ");
    }
  }

  /**
   * The fault policy (architecture.md, "Faults"): a killed transaction is transient on every store.
   */
  @Test
  void aTransactionTerminatedFromOutsideIsRetryable() {
    for (String code :
        new String[] {
          "Neo.ClientError.Transaction.Terminated",
          "Neo.ClientError.Transaction.LockClientStopped",
          "Neo.TransientError.Transaction.Terminated"
        }) {
      ClientException e = new ClientException(code, "The transaction has been terminated.");
      assertThat(Neo4jErrors.translate("set Book.articles", e))
          .as(code)
          .isExactlyInstanceOf(TransientStoreException.class)
          .hasCause(e);
    }
  }

  @Test
  void aTimedOutTransactionIsNotRetried() {
    ClientException e =
        new ClientException("Neo.ClientError.Transaction.TransactionTimedOut", "timed out");

    assertThat(Neo4jErrors.translate("set Book.articles", e))
        .isExactlyInstanceOf(StoreException.class);
  }

  @Test
  void anythingElseIsAStoreException() {
    ClientException syntax =
        new ClientException("Neo.ClientError.Statement.SyntaxError", "Invalid input");
    DatabaseException broken =
        new DatabaseException("Neo.DatabaseError.General.UnknownError", "boom");
    IllegalStateException other = new IllegalStateException("closed");

    assertThat(Neo4jErrors.translate("find Book", syntax))
        .isExactlyInstanceOf(StoreException.class)
        .hasCause(syntax);
    assertThat(Neo4jErrors.translate("find Book", broken))
        .isExactlyInstanceOf(StoreException.class)
        .hasCause(broken);
    assertThat(Neo4jErrors.translate("find Book", other))
        .isExactlyInstanceOf(StoreException.class)
        .hasCause(other);
  }

  @Test
  void aWrappedDriverFailureIsFoundThroughItsCauses() {
    RuntimeException wrapped =
        new RuntimeException(
            "Cypher execution failed",
            new ClientException(Neo4jErrors.CONSTRAINT_VIOLATION, "exists"));

    assertThat(Neo4jErrors.translate("insert Tag", wrapped))
        .isExactlyInstanceOf(ConflictException.class)
        .hasCause(wrapped);
  }

  @Test
  void liaisonExceptionsPassThroughUnchanged() {
    InvalidCallException e = new InvalidCallException("bad");

    assertThat(Neo4jErrors.translate("find Book", e)).isSameAs(e);
  }
}

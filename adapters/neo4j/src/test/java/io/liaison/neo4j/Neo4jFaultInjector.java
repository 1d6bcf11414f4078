package io.liaison.neo4j;

import io.liaison.contract.FaultInjector;
import io.liaison.spi.StoreAdapter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * {@link FaultInjector} for the embedded Neo4j: the blocker takes a node's write lock in a
 * transaction of its own ({@code SET n:Label}, a write that changes nothing), which a link, unlink
 * or delete touching that node waits for; the killer finds the transaction {@code SHOW
 * TRANSACTIONS} shows blocked and ends it with {@code TERMINATE TRANSACTIONS}, as an administrator
 * would.
 */
final class Neo4jFaultInjector implements FaultInjector {

  @Override
  public StoreAdapter reopen() {
    return Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()));
  }

  @Override
  public Blocker holdLink(
      String through,
      String sourceColumn,
      Object sourceId,
      String target,
      String targetColumn,
      Object targetId) {
    return holdEntity(target, targetId);
  }

  @Override
  public Blocker holdEntity(String model, Object id) {
    return hold(model, id, "SET n:`" + model + "`");
  }

  @Override
  public Blocker holdDelete(String model, Object id) {
    return hold(model, id, "DETACH DELETE n");
  }

  /** Runs {@code write} on the node of model with this id in a new transaction, left open. */
  private static Blocker hold(String model, Object id, String write) {
    Session session = EmbeddedNeo4j.driver().session();
    try {
      Transaction tx = session.beginTransaction();
      long held =
          tx.run(
                  "MATCH (n:`" + model + "`) WHERE n.id = $id " + write + " RETURN count(*)",
                  Map.of("id", id))
              .single()
              .get(0)
              .asLong();
      if (held != 1) {
        throw new IllegalStateException("no " + model + " " + id + " to hold");
      }
      return new GraphBlocker(session, tx);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** The blocker's session and transaction; kills come from a session of their own. */
  private static final class GraphBlocker implements Blocker {
    private final Session session;
    private final Transaction tx;
    private final Set<String> killed = new HashSet<>();

    GraphBlocker(Session session, Transaction tx) {
      this.session = session;
      this.tx = tx;
    }

    @Override
    public boolean killWaiter(Duration within) {
      return findWaiter(within, true);
    }

    @Override
    public boolean awaitWaiter(Duration within) {
      return findWaiter(within, false);
    }

    /** Polls for a blocked transaction not seen before, and terminates it if asked. */
    private boolean findWaiter(Duration within, boolean kill) {
      long deadline = System.nanoTime() + within.toNanos();
      try (Session killer = EmbeddedNeo4j.driver().session()) {
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
          List<String> blocked =
              killer
                  .run(
                      "SHOW TRANSACTIONS YIELD transactionId, status "
                          + "WHERE status STARTS WITH 'Blocked' RETURN transactionId")
                  .list(r -> r.get(0).asString());
          for (String transaction : blocked) {
            if (killed.add(transaction)) {
              if (kill) {
                killer.run("TERMINATE TRANSACTIONS $id", Map.of("id", transaction)).consume();
              }
              return true;
            }
          }
        }
        return false;
      }
    }

    @Override
    public synchronized void commit() {
      tx.commit();
      session.close();
    }

    @Override
    public synchronized void close() {
      if (tx.isOpen()) {
        tx.rollback();
      }
      session.close();
    }
  }
}

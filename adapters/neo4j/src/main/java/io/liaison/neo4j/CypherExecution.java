package io.liaison.neo4j;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The transaction of one {@link CypherSession}: runs its statements through the store's {@link
 * CypherRunner}, each reported once to the statement listener and each failure translated by the
 * store's {@link CypherErrors}, and ends it (commit, rollback, close). A statement after the end is
 * refused before it reaches the store.
 */
final class CypherExecution {
  private final CypherRunner runner;
  private final CypherSession.Transaction tx;
  private final CypherErrors errors;
  private final Consumer<String> listener;
  private boolean ended;
  private boolean closed;

  /**
   * Runs a statement outside this transaction, on what is committed; null where there is no such
   * way.
   */
  private CypherRunner committed;

  CypherExecution(
      CypherRunner runner,
      CypherSession.Transaction tx,
      CypherErrors errors,
      Consumer<String> listener) {
    this.runner = runner;
    this.tx = tx;
    this.errors = errors;
    this.listener = listener;
  }

  /** Runs one statement of {@code operation} (named in a failure's message); returns its rows. */
  List<Map<String, Object>> run(String operation, String cypher, Cypher.Params params) {
    ensureActive();
    listener.accept(cypher);
    try {
      return runner.run(cypher, params.values());
    } catch (RuntimeException e) {
      throw errors.translate(operation, e);
    }
  }

  /** The {@code c} column of a statement's one row, as an int. */
  static int count(List<Map<String, Object>> result) {
    return ((Number) result.get(0).get("c")).intValue();
  }

  CypherErrors errors() {
    return errors;
  }

  void readCommittedWith(CypherRunner reader) {
    this.committed = reader;
  }

  /**
   * Runs a statement outside this transaction, on what is committed (neither reported nor
   * translated: used to name what went wrong after a failure); null where there is no such way.
   */
  CypherRunner committed() {
    return committed;
  }

  void commit() {
    ensureActive();
    try {
      tx.commit();
      ended = true;
    } catch (RuntimeException e) {
      ended = true;
      throw errors.translate("commit", e);
    }
  }

  void rollback() {
    ensureActive();
    try {
      tx.rollback();
      ended = true;
    } catch (RuntimeException e) {
      ended = true;
      throw errors.translate("rollback", e);
    }
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    tx.close();
  }

  /** ", closed", ", ended" or nothing, for the session's toString. */
  String state() {
    return closed ? ", closed" : ended ? ", ended" : "";
  }

  private void ensureActive() {
    if (closed) {
      throw new IllegalStateException("The session is closed");
    }
    if (ended) {
      throw new IllegalStateException("The transaction has already ended");
    }
  }
}

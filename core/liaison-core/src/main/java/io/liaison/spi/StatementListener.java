package io.liaison.spi;

/**
 * Told of every round trip an adapter makes to the store (one statement, query or batch). The
 * contract suite counts them to prove that batches cost a constant number of round trips.
 */
@FunctionalInterface
public interface StatementListener {
  /**
   * @param statement the statement text (never with values inlined)
   */
  void onStatement(String statement);
}

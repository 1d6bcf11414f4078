package io.liaison.neo4j;

import java.util.List;
import java.util.Map;

/**
 * Runs one Cypher statement in the current transaction and returns its records as maps of plain
 * Java values. The one thing a store session needs from a connection: the Java Driver's transaction
 * ({@link Neo4jAdapter}) and a Neo4j-OGM transaction ({@link OgmBridge}) both provide it, so both
 * run the same generated Cypher, and so can any other Cypher store ({@link CypherSession}, with the
 * store's {@link CypherErrors}). A failure is thrown as the client throws it: the session
 * translates it.
 */
@FunctionalInterface
public interface CypherRunner {

  /**
   * @param cypher the statement (never with values inlined)
   * @param parameters its parameters
   * @return one map per record, keyed by the returned column names
   */
  List<Map<String, Object>> run(String cypher, Map<String, Object> parameters);
}

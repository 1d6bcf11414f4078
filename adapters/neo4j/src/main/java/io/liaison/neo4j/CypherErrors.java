package io.liaison.neo4j;

import io.liaison.LiaisonException;

/**
 * How a Cypher store's failures become Liaison's exceptions. With its {@link CypherRunner}, the one
 * thing a {@link CypherSession} needs that depends on the store's client: the session builds and
 * runs the same Cypher on every store, and leaves the client's exception types to this mapping
 * ({@link Neo4jErrors#MAPPING} for the Neo4j Java Driver, also when Neo4j-OGM wraps it).
 */
public interface CypherErrors {

  /**
   * The Liaison exception for a failure of {@code operation} (e.g. "link Book.articles"): a
   * violated constraint is a {@link io.liaison.ConflictException}, a failure worth a new attempt a
   * {@link io.liaison.TransientStoreException}, anything else a {@link io.liaison.StoreException};
   * a {@link LiaisonException} is returned as it is.
   */
  LiaisonException translate(String operation, Throwable e);

  /**
   * Whether a statement failed because a node or relationship it had found was deleted by another
   * transaction before it could use it (the statement waited for that transaction's lock).
   */
  boolean isEntityGone(Throwable e);
}

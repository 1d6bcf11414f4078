/**
 * The Neo4j store adapter (tier: adapter). Models are labels, attributes properties, every
 * association a relationship from the principal to the dependent node, through attributes
 * relationship properties. {@link io.liaison.neo4j.Neo4jAdapter} runs Liaison's Cypher through the
 * Neo4j Java Driver; {@link io.liaison.neo4j.OgmBridge} runs the same Cypher inside a Neo4j-OGM
 * transaction.
 */
package io.liaison.neo4j;

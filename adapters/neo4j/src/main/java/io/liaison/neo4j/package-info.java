/**
 * The Neo4j store adapter (tier: adapter). Models are labels, attributes properties, every association a
 * relationship from the principal to the dependent node, through attributes relationship properties.
 * {@link io.liaison.neo4j.Neo4jAdapter} runs Liaison's Cypher through the Neo4j Java Driver;
 * The same Cypher can run inside a Neo4j-OGM transaction (see the module README).
 */
package io.liaison.neo4j;

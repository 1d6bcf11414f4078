/**
 * The Neo4j store adapter (tier: adapter). Models are labels, attributes properties, every
 * association a relationship from the principal to the dependent node, through attributes
 * relationship properties. {@link io.liaison.neo4j.Neo4jAdapter} runs Liaison's Cypher through the
 * Neo4j Java Driver; {@link io.liaison.neo4j.OgmBridge} runs the same Cypher inside a Neo4j-OGM
 * transaction.
 *
 * <p>Two layers. The Cypher layer is store-neutral: {@link io.liaison.neo4j.CypherSession} (the
 * {@code StoreSession}, a facade) hands each call to one class per concern: node writes and reads,
 * deletes with the referential actions of {@link io.liaison.neo4j.GraphRules}, link reads, the
 * links of each kind, the statement text they share ({@code Cypher}, {@code CypherWhere}, {@code
 * LinkPath}), values ({@code GraphValues}), and running statements ({@code CypherExecution}). Only
 * the edge knows the Neo4j client: the runners built in {@code Neo4jAdapter}, {@code OgmBridge} and
 * {@code Records}, the error mapping {@link io.liaison.neo4j.Neo4jErrors}, the configuration and
 * the Guice module; the schema statements ({@code SchemaSync}) are Neo4j 5's dialect.
 *
 * <p>A second Cypher store (Memgraph, or Neo4j over another transport) plugs in at that edge: it
 * constructs {@code CypherSession} with its own {@link io.liaison.neo4j.CypherRunner}, a {@code
 * CypherSession.Transaction} ending its transaction, its {@link io.liaison.neo4j.CypherErrors}, and
 * the {@code GraphRules} of the schemas registered with it, and reuses everything else unchanged.
 */
package io.liaison.neo4j;

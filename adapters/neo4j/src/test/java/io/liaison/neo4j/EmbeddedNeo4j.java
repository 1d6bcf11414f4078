package io.liaison.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One embedded Neo4j per test JVM (Neo4j Harness, test scope only: GPL), started on first use with a
 * small page cache and no HTTP server, and one driver to it; both closed when the JVM exits.
 */
final class EmbeddedNeo4j {
  private static Neo4j server;
  private static Driver driver;

  private EmbeddedNeo4j() {
  }

  static synchronized Neo4j server() {
    if (server == null) {
      server = Neo4jBuilders.newInProcessBuilder()
          .withDisabledServer()
          .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
          .withConfig(GraphDatabaseSettings.lock_acquisition_timeout, Duration.ofSeconds(30))
          .withConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
          .build();
      driver = GraphDatabase.driver(server.boltURI(), AuthTokens.none());
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4j::stop, "embedded-neo4j-stop"));
    }
    return server;
  }

  /** A driver to the embedded server (shared; never close it). */
  static synchronized Driver driver() {
    server();
    return driver;
  }

  private static synchronized void stop() {
    if (driver != null) {
      driver.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * Empties the database: every node and relationship, every constraint and index (but the token
   * lookup indexes Neo4j keeps for labels and types).
   */
  static void clean() {
    GraphDatabaseService db = server().defaultDatabaseService();
    db.executeTransactionally("MATCH (n) DETACH DELETE n");
    List<String> constraints = db.executeTransactionally("SHOW CONSTRAINTS YIELD name RETURN name", Map.of(),
        r -> r.stream().map(m -> (String) m.get("name")).toList());
    for (String name : constraints) {
      db.executeTransactionally("DROP CONSTRAINT `" + name.replace("`", "``") + "`");
    }
    List<String> indexes = db.executeTransactionally(
        "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL "
            + "RETURN name", Map.of(), r -> r.stream().map(m -> (String) m.get("name")).toList());
    for (String name : indexes) {
      db.executeTransactionally("DROP INDEX `" + name.replace("`", "``") + "`");
    }
  }
}

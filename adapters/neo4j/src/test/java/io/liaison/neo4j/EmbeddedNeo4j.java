package io.liaison.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One embedded Neo4j per test JVM (Neo4j Harness, test scope only: GPL), started on first use with
 * a small page cache and no HTTP server, and one driver to it; both closed when the JVM exits.
 */
public final class EmbeddedNeo4j {
  private static Neo4j server;
  private static Driver driver;
  private static Path workingDir;

  private EmbeddedNeo4j() {}

  static synchronized Neo4j server() {
    if (server == null) {
      workingDir = workingDir();
      server =
          Neo4jBuilders.newInProcessBuilder(workingDir)
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

  /**
   * Where the store files go: a fresh folder in memory (/dev/shm) when there is one, so commits
   * cost no disk flush; else the system temporary folder.
   */
  private static Path workingDir() {
    Path shm = Path.of("/dev/shm");
    try {
      Path base =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? shm
              : Path.of(System.getProperty("java.io.tmpdir"));
      return Files.createTempDirectory(base, "liaison-neo4j-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A driver to the embedded server (shared; never close it). */
  public static synchronized Driver driver() {
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
    if (workingDir != null) {
      try (var files = Files.walk(workingDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a temporary folder; the system cleans it eventually
      }
    }
  }

  /**
   * Empties the database through the embedded API (no Cypher to plan): every node and relationship,
   * then every constraint and index but the token lookup indexes Neo4j keeps for labels and types.
   */
  public static void clean() {
    GraphDatabaseService db = server().defaultDatabaseService();
    try (Transaction tx = db.beginTx()) {
      List<Relationship> relationships;
      try (ResourceIterable<Relationship> all = tx.getAllRelationships()) {
        relationships = all.stream().toList();
      }
      relationships.forEach(Relationship::delete);
      List<Node> nodes;
      try (ResourceIterable<Node> all = tx.getAllNodes()) {
        nodes = all.stream().toList();
      }
      nodes.forEach(Node::delete);
      tx.commit();
    }
    try (Transaction tx = db.beginTx()) {
      boolean changed = false;
      for (ConstraintDefinition c : tx.schema().getConstraints()) {
        c.drop();
        changed = true;
      }
      for (IndexDefinition i : tx.schema().getIndexes()) {
        if (!i.isConstraintIndex() && i.getIndexType() != IndexType.LOOKUP) {
          i.drop();
          changed = true;
        }
      }
      if (changed) {
        tx.commit();
      }
    }
  }
}

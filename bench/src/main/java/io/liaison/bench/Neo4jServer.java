package io.liaison.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The Neo4j server: the one whose Bolt URI {@value #URI_PROPERTY} names, else one embedded Neo4j
 * per JVM (Neo4j Harness, Bolt only, no HTTP server), its store in memory ({@code /dev/shm}) when
 * there is one. {@link BenchMain} starts the embedded server once and hands its URI to the forked
 * benchmark JVMs through that property, as it does for PostgreSQL, so the server runs in a process
 * of its own as seen from the measured JVM, and no fork pays its start-up.
 *
 * <p>Neo4j Community has one user database, so the contenders take turns on it: {@link #open}
 * empties it (nodes, relationships, constraints, indexes) for the next contender, and refuses a
 * second contender while one is open in this JVM.
 */
final class Neo4jServer {
  /**
   * Where the forked JVMs find the runner's embedded server. Every trial empties its default
   * database.
   */
  static final String URI_PROPERTY = "liaison.bench.neo4j.uri";

  /** The database every contender uses (Neo4j Community's only user database). */
  static final String DATABASE = "neo4j";

  /** Page cache of the embedded server: the largest graph of the full mode fits many times over. */
  static final long PAGE_CACHE = 512L * 1024 * 1024;

  private static Neo4j embedded;
  private static Path directory;
  private static String uri;
  private static Driver driver;
  private static String description;
  private static final AtomicBoolean IN_USE = new AtomicBoolean();

  private Neo4jServer() {}

  private static synchronized void start() {
    if (uri != null) {
      return;
    }
    String given = Store.PgServer.setting(URI_PROPERTY, "LIAISON_BENCH_NEO4J_URI");
    if (given != null) {
      uri = given;
      description = "server at " + given;
    } else {
      directory = directory();
      embedded =
          Neo4jBuilders.newInProcessBuilder(directory)
              .withDisabledServer()
              .withConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE)
              .withConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
              .build();
      uri = embedded.boltURI().toString();
      Runtime.getRuntime().addShutdownHook(new Thread(Neo4jServer::stop, "embedded-neo4j-stop"));
      description =
          "embedded Neo4j (Neo4j Harness, Bolt only) at "
              + uri
              + ", store in "
              + directory
              + ", page cache "
              + PAGE_CACHE / (1 << 20)
              + " MiB";
    }
    driver = GraphDatabase.driver(uri, AuthTokens.none());
  }

  /**
   * A fresh folder in memory (/dev/shm) when there is one, so commits cost no disk flush; else the
   * temporary folder.
   */
  private static Path directory() {
    Path shm = Path.of("/dev/shm");
    try {
      Path base =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? shm
              : Path.of(System.getProperty("java.io.tmpdir"));
      return Files.createTempDirectory(base, "liaison-bench-neo4j-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stop() {
    if (driver != null) {
      driver.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a temporary folder; the system cleans it eventually
      }
    }
  }

  static String uri() {
    start();
    return uri;
  }

  /** True if this JVM started the server (so forked JVMs must be told its URI). */
  static boolean isEmbedded() {
    start();
    return embedded != null;
  }

  /**
   * Where the server is, its version and edition, for the report. The version of the embedded
   * server is the harness's Maven version: the shaded jar keeps no per-jar manifest, so Neo4j calls
   * itself "dev".
   */
  static String describe() {
    start();
    String version = embedded != null ? " " + harnessVersion() : "";
    try (Session s = session()) {
      Record r =
          s.run(
                  "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition")
              .single();
      return description
          + ", Neo4j "
          + (version.isEmpty() ? r.get("version").asString() : version.trim())
          + " "
          + r.get("edition").asString();
    } catch (RuntimeException e) {
      return description + " (" + e.getMessage() + ")";
    }
  }

  private static String harnessVersion() {
    try (InputStream in =
        Neo4jServer.class.getResourceAsStream(
            "/META-INF/maven/org.neo4j.test/neo4j-harness/pom.properties")) {
      if (in == null) {
        return "(version unknown)";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "(version unknown)");
    } catch (IOException e) {
      return "(version unknown)";
    }
  }

  /**
   * An empty database for one contender: every node and relationship deleted, every constraint and
   * index dropped but Neo4j's own token lookup indexes. {@link Store.Db#close()} gives it back.
   */
  static Store.Db open() {
    start();
    if (!IN_USE.compareAndSet(false, true)) {
      throw new IllegalStateException("Neo4j has one database: one contender at a time");
    }
    try {
      empty();
    } catch (RuntimeException e) {
      IN_USE.set(false);
      throw e;
    }
    return new Store.Db(Store.NEO4J, uri, null, null, () -> IN_USE.set(false));
  }

  private static void empty() {
    try (Session s = session()) {
      s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
      for (String name : s.run("SHOW CONSTRAINTS YIELD name").list(r -> r.get("name").asString())) {
        s.run("DROP CONSTRAINT `" + name + "` IF EXISTS").consume();
      }
      for (String name :
          s.run(
                  "SHOW INDEXES YIELD name, type, owningConstraint"
                      + " WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name")
              .list(r -> r.get("name").asString())) {
        s.run("DROP INDEX `" + name + "` IF EXISTS").consume();
      }
    }
  }

  /** The names of the database's constraints. */
  static List<String> constraints() {
    try (Session s = session()) {
      return s.run("SHOW CONSTRAINTS YIELD name").list(r -> r.get("name").asString());
    }
  }

  /**
   * Removes every link (the graph's TRUNCATE of the junction): relationships of the through type.
   */
  static void clearLinks(String type) {
    try (Session s = session()) {
      s.executeWriteWithoutResult(
          tx -> tx.run("MATCH ()-[r:`" + type + "`]->() DELETE r").consume());
    }
  }

  /**
   * Every link from a {@code Book} to an {@code Article} over relationships of the type, as {@code
   * bookTitle|articleTitle|role|position}, sorted: the same strings as the SQL stores' dumps.
   */
  static List<String> dumpLinks(String type) {
    try (Session s = session()) {
      List<String> out =
          new ArrayList<>(
              s.executeRead(
                  tx ->
                      tx.run(
                              "MATCH (b:Book)-[r:`"
                                  + type
                                  + "`]->(a:Article) RETURN b.title AS b, a.title AS a, r.role AS role, r.position AS position")
                          .list(
                              r -> {
                                Map<String, Object> m = r.asMap();
                                return m.get("b")
                                    + "|"
                                    + m.get("a")
                                    + "|"
                                    + m.get("role")
                                    + "|"
                                    + m.get("position");
                              })));
      Collections.sort(out);
      return out;
    }
  }

  private static Session session() {
    start();
    return driver.session(SessionConfig.forDatabase(DATABASE));
  }
}

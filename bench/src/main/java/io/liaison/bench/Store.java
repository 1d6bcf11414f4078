package io.liaison.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three databases every workload runs on. Each contender gets a database of its own (H2: an
 * in-memory database; PostgreSQL: a schema; Neo4j: the server's one database, emptied for it), so
 * one contender's rows and dead tuples never weigh on another's.
 */
public enum Store {
  H2("raw JDBC", "Hibernate"),
  POSTGRES("raw JDBC", "Hibernate"),
  NEO4J("raw driver", "Neo4j-OGM");

  private static final AtomicInteger H2_DATABASES = new AtomicInteger();

  private final String raw;
  private final String peer;

  Store(String raw, String peer) {
    this.raw = raw;
    this.peer = peer;
  }

  /**
   * What the {@code raw} contender is on this store: hand-written JDBC, or the Neo4j Java Driver.
   */
  public String raw() {
    return raw;
  }

  /** What the {@code peer} contender is on this store: Hibernate ORM, or Neo4j-OGM. */
  public String peer() {
    return peer;
  }

  /** The JMH parameter value ({@code h2}, {@code postgres}, {@code neo4j}). */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Store of(String param) {
    return valueOf(param.toUpperCase(Locale.ROOT));
  }

  /** An empty database for one contender; {@link Db#close()} drops it. */
  public Db open(String contender) {
    String name = "bench_" + contender;
    if (this == NEO4J) {
      return Neo4jServer.open();
    }
    if (this == H2) {
      String url =
          "jdbc:h2:mem:" + name + "_" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
      return new Db(this, url, "sa", "", () -> execute(url, "sa", "", "SHUTDOWN"));
    }
    PgServer.resetSchema(name);
    String url =
        PgServer.url() + (PgServer.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
    return new Db(this, url, PgServer.user(), PgServer.password(), () -> PgServer.dropSchema(name));
  }

  /**
   * One contender's database: where to connect (a JDBC URL, or a Bolt URI), and how to get rid of
   * it.
   */
  public record Db(Store store, String url, String user, String password, Runnable dispose)
      implements AutoCloseable {
    public Connection connect() throws SQLException {
      Properties p = new Properties();
      if (user != null) {
        p.setProperty("user", user);
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      return DriverManager.getConnection(url, p);
    }

    @Override
    public void close() {
      dispose.run();
    }
  }

  static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      // SHUTDOWN of a database that is already gone
    }
  }

  /**
   * The PostgreSQL server: the one named by {@code liaison.postgres.url} (or {@code
   * LIAISON_POSTGRES_URL}), as in the adapter's tests, else one embedded server per JVM from the
   * Maven-delivered binaries. {@link BenchMain} starts the embedded server once and hands its URL
   * to the forked benchmark JVMs through that property.
   */
  public static final class PgServer {
    private static EmbeddedPostgres embedded;
    private static String url;
    private static String user;
    private static String password;
    private static String description;

    private PgServer() {}

    private static synchronized void start() {
      if (url != null) {
        return;
      }
      String given = setting("liaison.postgres.url", "LIAISON_POSTGRES_URL");
      if (given != null) {
        url = given;
        user = setting("liaison.postgres.user", "LIAISON_POSTGRES_USER");
        password = setting("liaison.postgres.password", "LIAISON_POSTGRES_PASSWORD");
        description = "given server " + given.replaceAll("(?i)(password=)[^&]*", "$1***");
        return;
      }
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("starting embedded PostgreSQL failed", e);
      }
      EmbeddedPostgres server = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException e) {
                      // the JVM is going away anyway
                    }
                  }));
      url = embedded.getJdbcUrl("postgres", "postgres");
      description = "embedded PostgreSQL (io.zonky.test) on port " + embedded.getPort();
    }

    public static String url() {
      start();
      return url;
    }

    static String user() {
      start();
      return user;
    }

    static String password() {
      start();
      return password;
    }

    /** Where the server is, and its version and commit durability, for the report. */
    public static String describe() {
      start();
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        return description
            + ", "
            + show(s, "server_version")
            + ", synchronous_commit="
            + show(s, "synchronous_commit")
            + ", fsync="
            + show(s, "fsync");
      } catch (SQLException e) {
        return description + " (" + e.getMessage() + ")";
      }
    }

    private static String show(Statement s, String setting) throws SQLException {
      try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
        rs.next();
        return rs.getString(1);
      }
    }

    /** True if this JVM started the server (so forked JVMs must be told its URL). */
    public static boolean isEmbedded() {
      start();
      return embedded != null;
    }

    static Connection connect() throws SQLException {
      Properties p = new Properties();
      if (user != null) {
        p.setProperty("user", user);
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      return DriverManager.getConnection(url, p);
    }

    static void resetSchema(String schema) {
      start();
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        s.execute("CREATE SCHEMA \"" + schema + "\"");
      } catch (SQLException e) {
        throw new IllegalStateException(
            "resetting schema " + schema + " on " + description + " failed", e);
      }
    }

    static void dropSchema(String schema) {
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
      } catch (SQLException e) {
        // left for the next reset
      }
    }

    /**
     * A system property or environment variable; unset, empty or an unresolved {@code ${...}} is
     * null.
     */
    static String setting(String property, String env) {
      String v = System.getProperty(property);
      if (v == null || v.isBlank() || v.startsWith("${")) {
        v = System.getenv(env);
      }
      return v == null || v.isBlank() || v.startsWith("${") ? null : v;
    }
  }
}

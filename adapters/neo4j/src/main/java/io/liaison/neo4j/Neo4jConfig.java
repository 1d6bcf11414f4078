package io.liaison.neo4j;

import java.net.URI;
import java.util.Objects;
import org.neo4j.driver.Driver;

/**
 * Where the Neo4j adapter connects: a Bolt URI ({@code bolt://host:7687}, or {@code
 * neo4j://host:7687} for a routing cluster) with basic authentication or none, or an existing
 * {@link Driver} the adapter borrows (and never closes). The database name is always set on
 * sessions (default {@code "neo4j"}). Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * Neo4jAdapter store = Neo4jAdapter.create(Neo4jConfig.uri("neo4j://db.example:7687", "neo4j", secret)
 *     .withDatabase("library"));
 * }</pre>
 */
public final class Neo4jConfig {
  /** The database a session uses unless another is named. */
  public static final String DEFAULT_DATABASE = "neo4j";

  /** Connections the adapter's own driver pools at most, unless set. */
  public static final int DEFAULT_POOL_SIZE = 50;

  private final URI uri;
  private final String user;
  private final String password;
  private final Driver driver;
  private final String database;
  private final int poolSize;

  private Neo4jConfig(
      URI uri, String user, String password, Driver driver, String database, int poolSize) {
    this.uri = uri;
    this.user = user;
    this.password = password;
    this.driver = driver;
    this.database = database;
    this.poolSize = poolSize;
  }

  /** A server without authentication. */
  public static Neo4jConfig uri(String uri) {
    return new Neo4jConfig(parse(uri), null, null, null, DEFAULT_DATABASE, DEFAULT_POOL_SIZE);
  }

  /** A server with basic authentication. */
  public static Neo4jConfig uri(String uri, String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    return new Neo4jConfig(parse(uri), user, password, null, DEFAULT_DATABASE, DEFAULT_POOL_SIZE);
  }

  /** An existing driver, borrowed: {@link Neo4jAdapter#close()} leaves it open. */
  public static Neo4jConfig driver(Driver driver) {
    return new Neo4jConfig(
        null,
        null,
        null,
        Objects.requireNonNull(driver, "driver"),
        DEFAULT_DATABASE,
        DEFAULT_POOL_SIZE);
  }

  private static URI parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a URI: " + uri, e);
    }
    String scheme = parsed.getScheme();
    if (scheme == null || !scheme.matches("(bolt|neo4j)(\\+s|\\+ssc)?")) {
      throw new IllegalArgumentException(
          "A Neo4j URI starts with bolt://, neo4j:// (or +s / +ssc), got: " + uri);
    }
    return parsed;
  }

  /** The same configuration on another database. */
  public Neo4jConfig withDatabase(String database) {
    Objects.requireNonNull(database, "database");
    if (database.isBlank()) {
      throw new IllegalArgumentException("The database name is blank");
    }
    return new Neo4jConfig(uri, user, password, driver, database, poolSize);
  }

  /**
   * The same configuration with another connection pool size (for a driver the adapter creates).
   */
  public Neo4jConfig withPoolSize(int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("The pool size must be at least 1, was " + poolSize);
    }
    return new Neo4jConfig(uri, user, password, driver, database, poolSize);
  }

  /** The URI, or null when a driver is given. */
  public URI uri() {
    return uri;
  }

  /** The user, or null without authentication (or with a given driver). */
  public String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** The given driver, or null when the adapter creates its own. */
  public Driver givenDriver() {
    return driver;
  }

  public String database() {
    return database;
  }

  public int poolSize() {
    return poolSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Neo4jConfig c
        && Objects.equals(uri, c.uri)
        && Objects.equals(user, c.user)
        && Objects.equals(password, c.password)
        && driver == c.driver
        && database.equals(c.database)
        && poolSize == c.poolSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, user, database, poolSize);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    String target =
        driver != null ? "given driver" : uri + (user != null ? " as " + user : " without auth");
    return "Neo4jConfig[" + target + ", database " + database + "]";
  }
}

package io.liaison.jdbc;

import io.liaison.InvalidCallException;
import java.sql.Connection;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * How {@link JdbcAdapter} reaches its database. Immutable; start from a static factory and adjust
 * with the {@code with...} methods:
 *
 * <pre>{@code
 * JdbcConfig.url("jdbc:postgresql://db:5432/app", "app", secret).withPoolSize(8)
 * JdbcConfig.h2InMemory("test")
 * JdbcConfig.dataSource(existingPool)      // the adapter never closes a DataSource it was given
 * }</pre>
 */
public final class JdbcConfig {
  /** Pool size when none is given: small, as an embedded library's pool should be. */
  public static final int DEFAULT_POOL_SIZE = 4;

  private final String url;
  private final String user;
  private final String password;
  private final DataSource dataSource;
  private final int poolSize;
  private final boolean savepoints;
  private final UnaryOperator<Connection> connectionWrapper;

  private JdbcConfig(
      String url,
      String user,
      String password,
      DataSource dataSource,
      int poolSize,
      boolean savepoints,
      UnaryOperator<Connection> connectionWrapper) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.dataSource = dataSource;
    this.poolSize = poolSize;
    this.savepoints = savepoints;
    this.connectionWrapper = connectionWrapper;
  }

  /**
   * A database by JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql:...} or {@code
   * jdbc:mariadb:...}); the adapter pools it. A URL of any other database is refused here, before
   * any connection, naming the ones supported; a driver that wraps one of them under a URL of its
   * own goes through {@link #dataSource(DataSource)}.
   *
   * @throws InvalidCallException if the URL names no supported database
   */
  public static JdbcConfig url(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    if (Dialect.fromUrl(url) == null) {
      throw new InvalidCallException(
          "JdbcConfig.url: the url names "
              + scheme(url)
              + ", which liaison-jdbc does not speak; it speaks H2 (jdbc:h2:), PostgreSQL"
              + " (jdbc:postgresql:) and MariaDB (jdbc:mariadb:), or any of them given as a"
              + " DataSource (JdbcConfig.dataSource)");
    }
    return new JdbcConfig(url, user, password, null, DEFAULT_POOL_SIZE, true, null);
  }

  /** The URL's scheme ({@code jdbc:sqlserver:}) only: the rest may hold a password. */
  private static String scheme(String url) {
    int first = url.indexOf(':');
    int second = first < 0 ? -1 : url.indexOf(':', first + 1);
    String scheme = second < 0 ? url : url.substring(0, second + 1);
    return scheme.length() > 40 || !scheme.startsWith("jdbc:")
        ? "no JDBC database (it does not start jdbc:<database>:)"
        : "'" + scheme + "'";
  }

  /** A database by JDBC URL without credentials (or with them in the URL). */
  public static JdbcConfig url(String url) {
    return url(url, null, null);
  }

  /**
   * A named in-memory H2 database that lives as long as the JVM: {@code
   * jdbc:h2:mem:NAME;DB_CLOSE_DELAY=-1}.
   */
  public static JdbcConfig h2InMemory(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "H2 database name must be letters, digits and underscores: " + name);
    }
    return url("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** An existing DataSource (a pool the application owns); the adapter does not close it. */
  public static JdbcConfig dataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new JdbcConfig(null, null, null, dataSource, DEFAULT_POOL_SIZE, true, null);
  }

  /** The maximum number of pooled connections (ignored with a given DataSource). */
  public JdbcConfig withPoolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be >= 1, was " + size);
    }
    return new JdbcConfig(url, user, password, dataSource, size, savepoints, connectionWrapper);
  }

  /**
   * Whether each write operation runs under a savepoint (default true), so that a failed operation
   * (a {@link io.liaison.ConflictException}) leaves nothing of itself written and leaves the
   * transaction usable, as the SPI promises. PostgreSQL otherwise aborts the whole transaction on
   * any error. Turning it off saves two statements per write on PostgreSQL; the transaction must
   * then be rolled back after a failure.
   */
  public JdbcConfig withSavepoints(boolean savepoints) {
    return new JdbcConfig(url, user, password, dataSource, poolSize, savepoints, connectionWrapper);
  }

  /**
   * Wraps each connection the adapter's own pool opens to the database, once, as the pool opens it
   * (e.g. a {@link java.lang.reflect.Proxy} that counts or traces the statements the adapter
   * sends); the pool and the adapter otherwise work as without it. Ignored with a given DataSource,
   * which the application can wrap itself. Default: none.
   */
  public JdbcConfig withConnectionWrapper(UnaryOperator<Connection> wrapper) {
    Objects.requireNonNull(wrapper, "wrapper");
    return new JdbcConfig(url, user, password, dataSource, poolSize, savepoints, wrapper);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** The DataSource given with {@link #dataSource(DataSource)}, else null. */
  public DataSource givenDataSource() {
    return dataSource;
  }

  public int poolSize() {
    return poolSize;
  }

  public boolean savepoints() {
    return savepoints;
  }

  /** The wrapper given with {@link #withConnectionWrapper}, else null. */
  public UnaryOperator<Connection> connectionWrapper() {
    return connectionWrapper;
  }

  String password() {
    return password;
  }

  @Override
  public String toString() {
    return dataSource != null
        ? "JdbcConfig[dataSource=" + dataSource.getClass().getName() + "]"
        : "JdbcConfig[url="
            + url.replaceAll("(?i)(password=)[^&;]*", "$1***")
            + ", user="
            + user
            + ", poolSize="
            + poolSize
            + "]";
  }
}

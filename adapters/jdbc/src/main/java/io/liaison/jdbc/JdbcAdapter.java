package io.liaison.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import io.liaison.InvalidCallException;
import io.liaison.StoreException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StatementListeners;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store adapter: H2 2.x, PostgreSQL and MariaDB over JDBC, with a HikariCP pool when
 * given a URL. Models are tables, hasOne/hasMany/belongsTo are foreign-key columns, belongsToMany
 * is a junction table; referential actions are the database's own. Thread-safe.
 *
 * <pre>{@code
 * JdbcAdapter store = JdbcAdapter.create(JdbcConfig.h2InMemory("app"));
 * Liaison db = Liaison.builder().schema(schema).store(store).build();
 * }</pre>
 */
public final class JdbcAdapter implements StoreAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcAdapter.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final Dialect dialect;
  private final boolean savepoints;
  private final StatementListeners listeners = new StatementListeners();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Whether the owned pool's connections read committed or weaker ({@link #beginReadOperation}),
   * once known; null until the first read asks, and never kept for a borrowed DataSource.
   */
  private volatile Boolean pooledReadCommitted;

  /**
   * {@link #junctionGuardsEnds}'s answers, by junction table, key columns and the ends they name
   * (two schemas on one adapter may give one association name different tables); emptied by {@link
   * #sync}.
   */
  private final Map<String, Boolean> guardedJunctions = new ConcurrentHashMap<>();

  private JdbcAdapter(
      DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, boolean savepoints) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.dialect = dialect;
    this.savepoints = savepoints;
  }

  /**
   * An adapter for the configured database. With a URL it opens a pool (closed by {@link
   * #close()}); with a DataSource it borrows it. The dialect comes from the URL, else from the
   * database's product name. Connections opened from a URL get the dialect's session settings
   * ({@link Dialect#connectionProperties}); a borrowed DataSource's must have them already.
   */
  public static JdbcAdapter create(JdbcConfig config) {
    Objects.requireNonNull(config, "config");
    if (config.givenDataSource() != null) {
      DataSource ds = config.givenDataSource();
      return new JdbcAdapter(ds, null, detect(ds), config.savepoints());
    }
    Dialect dialect = Dialect.fromUrl(config.url());
    HikariConfig hc = new HikariConfig();
    Properties properties = new Properties();
    if (dialect != null) {
      properties.putAll(dialect.connectionProperties());
    }
    if (config.connectionWrapper() != null) {
      hc.setDataSource(wrapping(config, properties));
    } else {
      hc.setJdbcUrl(config.url());
      hc.setDataSourceProperties(properties);
      if (config.user() != null) {
        hc.setUsername(config.user());
      }
      if (config.password() != null) {
        hc.setPassword(config.password());
      }
    }
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(1);
    hc.setAutoCommit(false);
    hc.setPoolName("liaison-jdbc-" + POOLS.incrementAndGet());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      // not a TransientStoreException: nothing retries the start, and a refused start is most often
      // the
      // URL (the same type as the Neo4j adapter's; architecture.md, "Faults")
      throw new StoreException(
          "connect to "
              + config
              + " failed: "
              + e.getMessage()
              + ". Check that the "
              + "database server is running and accepts connections at the URL's host and port, and the user "
              + "and password",
          e);
    }
    try {
      return new JdbcAdapter(
          pool, pool, dialect != null ? dialect : detect(pool), config.savepoints());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The database as the pool sees it with {@link JdbcConfig#withConnectionWrapper}: the driver's
   * connections (as HikariCP opens them from a URL), each handed to the wrapper as it is opened.
   */
  private static DataSource wrapping(JdbcConfig config, Properties properties) {
    DataSource driver =
        new DriverDataSource(config.url(), null, properties, config.user(), config.password());
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcAdapter.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(driver, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              return method.getName().equals("getConnection")
                  ? config.connectionWrapper().apply((Connection) result)
                  : result;
            });
  }

  private static Dialect detect(DataSource ds) {
    String product;
    try (Connection c = ds.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw SqlErrors.translate("connect", e);
    }
    Dialect d = Dialect.fromProductName(product);
    if (d == null) {
      throw new InvalidCallException(
          "Unsupported database '" + product + "': liaison-jdbc speaks H2, PostgreSQL and MariaDB");
    }
    return d;
  }

  /** The SQL dialect in use. */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public String name() {
    return dialect.name();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public void sync(SchemaInfo schema) {
    Objects.requireNonNull(schema, "schema");
    ensureOpen();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        new SchemaSync(c, dialect, this::fire).run(schema);
      } finally {
        guardedJunctions.clear();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("sync", e);
    }
  }

  @Override
  public StoreSession begin() {
    return open(savepoints);
  }

  /**
   * One engine operation, rolled back by the engine on failure: savepoints would protect nothing.
   */
  @Override
  public StoreSession beginOperation() {
    return open(false);
  }

  /**
   * A read outside a transaction, in auto-commit mode, when the connection's isolation is read
   * committed or weaker: there each statement reads its own snapshot whether or not a transaction
   * surrounds it, so the transaction would only add a round trip (its commit) to every read. Under
   * a stronger isolation a read is one transaction, as any operation.
   */
  @Override
  public StoreSession beginReadOperation() {
    return open(false, true);
  }

  private StoreSession open(boolean savepoints) {
    return open(savepoints, false);
  }

  private StoreSession open(boolean savepoints, boolean read) {
    ensureOpen();
    Connection c = null;
    try {
      c = dataSource.getConnection();
      boolean autoCommit = read && readCommitted(c);
      if (c.getAutoCommit() != autoCommit) {
        c.setAutoCommit(autoCommit);
      }
      return new JdbcSession(this, c, dialect, savepoints, autoCommit);
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw SqlErrors.translate("begin", e);
    }
  }

  /**
   * Whether the connection's isolation is read committed or weaker. PostgreSQL's driver asks the
   * server each time ({@code SHOW TRANSACTION ISOLATION LEVEL}: a round trip, as long as a read of
   * one row), so for the pool this adapter owns the answer is kept: nothing else borrows its
   * connections, Liaison never changes their isolation, and HikariCP resets any change to the first
   * connection's level. A borrowed DataSource's connections are asked every time.
   */
  private boolean readCommitted(Connection c) throws SQLException {
    Boolean known = ownedPool != null ? pooledReadCommitted : null;
    if (known == null) {
      known = c.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED;
      if (ownedPool != null) {
        pooledReadCommitted = known;
      }
    }
    return known;
  }

  /**
   * Throws away a connection that turned out dead: a pool it came from must not hand it out again
   * (a pool checks a connection returned moments ago only by its own proxy's state).
   */
  void discard(Connection c) {
    try {
      if (ownedPool != null) {
        ownedPool.evictConnection(c);
      } else {
        c.close();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("discarding a lost connection failed", e);
    }
  }

  @Override
  public void addStatementListener(StatementListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeStatementListener(StatementListener listener) {
    listeners.remove(listener);
  }

  /**
   * Whether the database itself refuses a link of belongsToMany {@code a} to a source or target
   * that does not exist: the junction table has a single-column foreign key, checked at once (not
   * deferred), from each of its two key columns to the matching column of that end's table, as
   * {@link #sync} creates them. Read from the database's metadata the first time an association
   * asks, then kept (until the next {@code sync}): a foreign key an administrator drops afterwards
   * goes unnoticed, and the adapter would then write links to missing ends on the path that relies
   * on it ({@link Dialect#writesFirst}).
   */
  boolean junctionGuardsEnds(Connection conn, AssociationInfo a) throws SQLException {
    String table = a.through().table();
    String sourceKey = a.through().requireAttribute(a.foreignKey()).column();
    String targetKey = a.through().requireAttribute(a.otherKey()).column();
    String source =
        a.source().table() + "." + a.source().requireAttribute(a.sourceMatch()).column();
    String target =
        a.target().table() + "." + a.target().requireAttribute(a.targetMatch()).column();
    String question =
        table + "(" + sourceKey + " -> " + source + ", " + targetKey + " -> " + target + ")";
    Boolean known = guardedJunctions.get(question);
    if (known != null) {
      return known;
    }
    String schema = conn.getSchema();
    // each foreign key of the junction: its columns, and what the single-column ones reference
    Map<String, Integer> columnsPerKey = new HashMap<>();
    Map<String, String> referenced = new HashMap<>();
    Map<String, String> column = new HashMap<>();
    try (ResultSet rs = conn.getMetaData().getImportedKeys(conn.getCatalog(), schema, table)) {
      while (rs.next()) {
        String key = rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
        columnsPerKey.merge(key, 1, Integer::sum);
        boolean immediate =
            rs.getShort("DEFERRABILITY") == DatabaseMetaData.importedKeyNotDeferrable;
        boolean sameSchema =
            schema == null
                || rs.getString("PKTABLE_SCHEM") == null
                || schema.equals(rs.getString("PKTABLE_SCHEM"));
        if (immediate && sameSchema) {
          referenced.put(key, rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
          column.put(key, rs.getString("FKCOLUMN_NAME"));
        }
      }
    }
    boolean sourceGuarded = false;
    boolean targetGuarded = false;
    for (Map.Entry<String, String> e : referenced.entrySet()) {
      if (columnsPerKey.get(e.getKey()) == 1) {
        sourceGuarded |= column.get(e.getKey()).equals(sourceKey) && e.getValue().equals(source);
        targetGuarded |= column.get(e.getKey()).equals(targetKey) && e.getValue().equals(target);
      }
    }
    boolean guarded = sourceGuarded && targetGuarded;
    guardedJunctions.put(question, guarded);
    return guarded;
  }

  /** Tells every listener of one round trip. */
  void fire(String statement) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("{}", statement);
    }
    listeners.fire(statement);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("The JDBC adapter is closed");
    }
  }

  /** Closes the pool this adapter opened (not a DataSource it was given). Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcAdapter[" + dialect.name() + (closed.get() ? ", closed" : "") + "]";
  }
}

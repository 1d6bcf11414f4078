package io.liaison.neo4j;

import io.liaison.LiaisonException;
import io.liaison.StoreException;
import io.liaison.spi.Capability;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StatementListeners;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph store adapter: Neo4j 5 through the Neo4j Java Driver. Models are labels, attributes
 * properties; every association is a relationship of type {@code AssociationInfo.linkName()} from
 * the principal node to the dependent node, belongsToMany through attributes are relationship
 * properties, and a foreign key the dependent model holds is also kept as a property in step with
 * the relationship. Referential actions are emulated in the transaction of the call. Thread-safe.
 *
 * <pre>{@code
 * Neo4jAdapter store = Neo4jAdapter.create(Neo4jConfig.uri("neo4j://localhost:7687", "neo4j", secret));
 * Liaison db = Liaison.builder().schema(schema).store(store).build();
 * }</pre>
 *
 * <p>Each {@link #begin()} opens a driver session on the configured database and an explicit
 * transaction in it. All sessions share one {@link BookmarkManager}, so a read sees the writes this
 * adapter committed before it, also on a cluster ({@code neo4j://} routing).
 */
public final class Neo4jAdapter implements StoreAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(Neo4jAdapter.class);

  private final Driver driver;
  private final boolean ownsDriver;
  private final String database;
  private final BookmarkManager bookmarks =
      BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());
  private final StatementListeners listeners = new StatementListeners();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile GraphRules rules = GraphRules.EMPTY;

  private Neo4jAdapter(Driver driver, boolean ownsDriver, String database) {
    this.driver = driver;
    this.ownsDriver = ownsDriver;
    this.database = database;
  }

  /**
   * An adapter for the configured server. With a URI it creates a driver (closed by {@link
   * #close()}) and checks that the server answers; with a driver it borrows it.
   */
  public static Neo4jAdapter create(Neo4jConfig config) {
    Objects.requireNonNull(config, "config");
    if (config.givenDriver() != null) {
      return new Neo4jAdapter(config.givenDriver(), false, config.database());
    }
    Driver driver;
    try {
      driver =
          GraphDatabase.driver(
              config.uri(),
              config.user() == null
                  ? AuthTokens.none()
                  : AuthTokens.basic(config.user(), config.password()),
              Config.builder().withMaxConnectionPoolSize(config.poolSize()).build());
    } catch (RuntimeException e) {
      throw new StoreException("connect to " + config + " failed: " + e.getMessage(), e);
    }
    try {
      driver.verifyConnectivity();
    } catch (RuntimeException e) {
      driver.close();
      // a StoreException, as the JDBC adapter's, not the driver's retryable
      // ServiceUnavailableException:
      // nothing retries the start, and a refused start is most often the URI (architecture.md,
      // "Faults")
      LiaisonException cause = Neo4jErrors.translate("connect to " + config, e);
      throw new StoreException(
          cause.getMessage()
              + ". Check that the Neo4j server is running and accepts "
              + "Bolt connections at "
              + config.uri().getHost()
              + ":"
              + (config.uri().getPort() < 0 ? 7687 : config.uri().getPort())
              + ", and the user and password",
          e);
    }
    return new Neo4jAdapter(driver, true, config.database());
  }

  /** The driver in use (the given one, or the adapter's own). */
  public Driver driver() {
    return driver;
  }

  /** The database every session uses. */
  public String database() {
    return database;
  }

  @Override
  public String name() {
    return "neo4j";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /**
   * Creates the uniqueness constraints and indexes the schema needs (each {@code IF NOT EXISTS},
   * all in one transaction), waits for them to be online, and learns the schema's relationship
   * types for the referential actions. Idempotent.
   */
  @Override
  public void sync(SchemaInfo schema) {
    Objects.requireNonNull(schema, "schema");
    ensureOpen();
    List<String> statements = SchemaSync.statements(schema);
    try (Session session = session()) {
      // Schema commands may share a transaction (not with data writes): one commit for all of them.
      session.executeWriteWithoutResult(
          tx -> {
            for (String statement : statements) {
              fire(statement);
              tx.run(statement).consume();
            }
          });
      String await = SchemaSync.awaitIndexes();
      fire(await);
      session.run(await).consume();
    } catch (RuntimeException e) {
      throw Neo4jErrors.translate("sync", e);
    }
    register(schema);
  }

  /**
   * Learns a schema's relationship types and referential actions without touching the database
   * (what {@link #sync} does besides creating constraints), for a Liaison built with {@code
   * sync(false)}.
   */
  @Override
  public synchronized void register(SchemaInfo schema) {
    rules = rules.plus(Objects.requireNonNull(schema, "schema"));
  }

  /** What the synced schemas say about relationship types (for sessions outside this adapter). */
  GraphRules rules() {
    return rules;
  }

  @Override
  public StoreSession begin() {
    return open(true, AccessMode.WRITE);
  }

  /**
   * One engine operation, rolled back by the engine on any failure: no checks needed to keep it
   * usable.
   */
  @Override
  public StoreSession beginOperation() {
    return open(false, AccessMode.WRITE);
  }

  /**
   * A READ access-mode transaction: the server runs it read-only (a cluster may route it to a
   * follower), and the session's bookmarks keep it after this adapter's committed writes.
   */
  @Override
  public StoreSession beginReadOperation() {
    return open(false, AccessMode.READ);
  }

  private StoreSession open(boolean protect, AccessMode mode) {
    ensureOpen();
    Session session = null;
    try {
      session = session(mode);
      Transaction tx = session.beginTransaction();
      Session s = session;
      CypherRunner runner = (cypher, parameters) -> Records.rows(tx.run(cypher, parameters));
      CypherSession.Transaction control =
          new CypherSession.Transaction() {
            @Override
            public void commit() {
              tx.commit();
            }

            @Override
            public void rollback() {
              tx.rollback();
            }

            @Override
            public void close() {
              try {
                tx.close();
              } catch (RuntimeException e) {
                LOG.warn("closing a Neo4j transaction failed", e);
              } finally {
                s.close();
              }
            }
          };
      CypherRunner committed =
          (cypher, parameters) -> {
            try (Session reader = session(AccessMode.READ)) {
              return reader.executeRead(t -> Records.rows(t.run(cypher, parameters)));
            }
          };
      return new CypherSession(
              runner, control, Neo4jErrors.MAPPING, rules, this::fire, protect, "neo4j " + database)
          .readingCommittedWith(committed);
    } catch (RuntimeException e) {
      if (session != null) {
        try {
          session.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw Neo4jErrors.translate("begin", e);
    }
  }

  private Session session() {
    return session(AccessMode.WRITE);
  }

  private Session session(AccessMode mode) {
    return driver.session(
        SessionConfig.builder()
            .withDatabase(database)
            .withBookmarkManager(bookmarks)
            .withDefaultAccessMode(mode)
            .build());
  }

  /** Runs one statement in a transaction of its own (for tests and tools); returns its records. */
  List<Map<String, Object>> runAlone(String cypher, Map<String, Object> parameters) {
    ensureOpen();
    fire(cypher);
    try (Session session = session()) {
      return session.executeWrite(tx -> Records.rows(tx.run(cypher, parameters)));
    } catch (RuntimeException e) {
      throw Neo4jErrors.translate("run", e);
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

  /** Tells every listener of one statement. */
  void fire(String statement) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("{}", statement);
    }
    listeners.fire(statement);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("The Neo4j adapter is closed");
    }
  }

  /** Closes the driver this adapter created (not a driver it was given). Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsDriver) {
      driver.close();
    }
  }

  @Override
  public String toString() {
    return "Neo4jAdapter[" + database + (closed.get() ? ", closed" : "") + "]";
  }
}

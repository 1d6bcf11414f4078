package io.liaison.neo4j.elsewhere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.HasMany;
import io.liaison.Liaison;
import io.liaison.LiaisonException;
import io.liaison.Schema;
import io.liaison.StoreException;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.neo4j.CypherErrors;
import io.liaison.neo4j.CypherRunner;
import io.liaison.neo4j.CypherSession;
import io.liaison.neo4j.EmbeddedNeo4j;
import io.liaison.neo4j.GraphRules;
import io.liaison.neo4j.Neo4jErrors;
import io.liaison.spi.Capability;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StatementListeners;
import io.liaison.spi.StoreAdapter;
import io.liaison.spi.StoreSession;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * A second Cypher store written outside the adapter's package from its public seam alone: its own
 * runner (records read with {@code Record.asMap}, not the adapter's reader), its own end of the
 * transaction and error mapping, the {@link GraphRules} of the schemas registered with it. Links,
 * reads and an emulated cascade work through it as through {@code Neo4jAdapter}, and a failure of
 * its transport reaches the caller as its own mapping names it.
 */
class SecondCypherStoreTest {
  static final HasMany<Book, Chapter> CHAPTERS =
      Association.hasMany(Book.class, Chapter.class).foreignKeyAllowNull(false);
  static final Schema SCHEMA =
      Schema.builder().models(Book.class, Chapter.class).association(CHAPTERS).build();

  /** The store: the shared Cypher session over a driver session of its own per transaction. */
  static final class SecondStore implements StoreAdapter {
    final Driver driver;
    final StatementListeners listeners = new StatementListeners();
    final AtomicBoolean failNext = new AtomicBoolean();
    volatile GraphRules rules = GraphRules.EMPTY;

    SecondStore(Driver driver) {
      this.driver = driver;
    }

    final CypherErrors errors =
        new CypherErrors() {
          @Override
          public LiaisonException translate(String operation, Throwable e) {
            return e instanceof LiaisonException le
                ? le
                : new StoreException(operation + " failed on the second store: " + e, e);
          }

          @Override
          public boolean isEntityGone(Throwable e) {
            return Neo4jErrors.MAPPING.isEntityGone(e);
          }
        };

    @Override
    public String name() {
      return "second-cypher";
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.allOf(Capability.class);
    }

    @Override
    public synchronized void register(SchemaInfo schema) {
      rules = rules.plus(schema);
    }

    /** No schema statements of its own: a store with a dialect would run them here. */
    @Override
    public void sync(SchemaInfo schema) {
      register(schema);
    }

    @Override
    public StoreSession begin() {
      Session session = driver.session();
      Transaction tx = session.beginTransaction();
      CypherRunner runner =
          (cypher, parameters) -> {
            if (failNext.getAndSet(false)) {
              throw new IllegalStateException("transport lost");
            }
            return tx.run(cypher, parameters).list(Record::asMap);
          };
      CypherSession.Transaction end =
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
              } finally {
                session.close();
              }
            }
          };
      return new CypherSession(runner, end, errors, rules, listeners::fire, true, "second");
    }

    @Override
    public void addStatementListener(StatementListener listener) {
      listeners.add(listener);
    }

    @Override
    public void removeStatementListener(StatementListener listener) {
      listeners.remove(listener);
    }

    @Override
    public void close() {}
  }

  @Test
  void aStoreOutsideThePackageLinksReadsAndCascadesThroughItsOwnRunner() {
    EmbeddedNeo4j.clean();
    SecondStore store = new SecondStore(EmbeddedNeo4j.driver());
    List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.addStatementListener(statements::add);
    Liaison db = Liaison.builder().schema(SCHEMA).store(store).build();
    Book book = new Book();
    book.title = "Graphs";
    db.insert(book);
    Chapter one = new Chapter();
    one.title = "One";
    db.on(book, CHAPTERS).create(one);

    assertThat(db.on(book, CHAPTERS).get()).extracting(c -> c.title).containsExactly("One");
    assertThat(statements).as("every statement reported to the store's listeners").isNotEmpty();
    try (Session plain = EmbeddedNeo4j.driver().session()) {
      assertThat(plain.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong())
          .as("the link stored as one relationship")
          .isEqualTo(1L);
    }

    db.delete(book);
    assertThat(db.findAll(Chapter.class))
        .as("onDelete CASCADE emulated from the store's GraphRules")
        .isEmpty();
  }

  @Test
  void aFailureOfItsTransportIsNamedByItsOwnMapping() {
    EmbeddedNeo4j.clean();
    SecondStore store = new SecondStore(EmbeddedNeo4j.driver());
    Liaison db = Liaison.builder().schema(SCHEMA).store(store).build();
    store.failNext.set(true);

    assertThatThrownBy(() -> db.findAll(Book.class))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("failed on the second store")
        .hasRootCauseMessage("transport lost");
  }
}

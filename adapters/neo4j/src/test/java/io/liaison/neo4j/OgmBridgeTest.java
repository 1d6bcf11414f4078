package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Liaison;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Specimen;
import io.liaison.neo4j.ogm.Shelf;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StoreSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.ogm.config.Configuration;
import org.neo4j.ogm.session.Session;
import org.neo4j.ogm.session.SessionFactory;
import org.neo4j.ogm.transaction.Transaction;

/**
 * An application that maps {@link Shelf} with Neo4j-OGM runs Liaison's operations inside its OGM
 * transaction: they commit and roll back together. OGM owns the driver here (its default types, not
 * native ones); the adapter borrows it.
 */
class OgmBridgeTest {
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final Schema SCHEMA =
      Schema.builder()
          .models(Book.class, Article.class, Specimen.class)
          .association(ARTICLES)
          .build();

  private SessionFactory factory;
  private Neo4jAdapter adapter;
  private Liaison db;
  private SchemaInfo info;

  @BeforeEach
  void open() {
    EmbeddedNeo4j.clean();
    factory =
        new SessionFactory(
            new Configuration.Builder()
                .uri(EmbeddedNeo4j.server().boltURI().toString())
                .verifyConnection(true)
                .build(),
            Shelf.class.getPackageName());
    adapter = Neo4jAdapter.create(Neo4jConfig.driver(factory.unwrap(Driver.class)));
    db = Liaison.builder().schema(SCHEMA).store(adapter).build();
    info = SCHEMA.info();
  }

  @AfterEach
  void close() {
    adapter.close();
    factory.close(); // closes the driver OGM created, which the adapter only borrowed
  }

  @Test
  void liaisonWritesInsideAnOgmTransactionRollBackWithIt() {
    Session ogm = factory.openSession();
    try (Transaction tx = ogm.beginTransaction()) {
      ogm.save(new Shelf("Fiction"));
      StoreSession joined = OgmBridge.join(ogm, adapter);
      writeBookWithArticle(joined);
      assertThat(joined.count(model("Book"), null))
          .as("visible inside the transaction")
          .isEqualTo(1);
      tx.rollback();
    }

    assertThat(db.findAll(Book.class)).isEmpty();
    assertThat(db.findAll(Article.class)).isEmpty();
    assertThat(factory.openSession().loadAll(Shelf.class)).isEmpty();
  }

  @Test
  void liaisonWritesInsideAnOgmTransactionCommitWithIt() {
    Session ogm = factory.openSession();
    try (Transaction tx = ogm.beginTransaction()) {
      ogm.save(new Shelf("Fiction"));
      writeBookWithArticle(OgmBridge.join(ogm, adapter));
      tx.commit();
    }

    Book book = db.findAll(Book.class).get(0);
    assertThat(book.title).isEqualTo("Inside OGM");
    assertThat(db.on(book, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.target().title).isEqualTo("Nodes");
              assertThat(link.through("role")).isEqualTo("editor");
            });
    assertThat(factory.openSession().loadAll(Shelf.class))
        .extracting(s -> s.name)
        .containsExactly("Fiction");
  }

  @Test
  void valuesKeepTheirNeo4jTypesWhateverOgmsTypeConfiguration() {
    Session ogm = factory.openSession();
    Map<String, Object> row = new HashMap<>();
    row.put("day", LocalDate.of(2024, 2, 29));
    row.put("at", Instant.parse("2024-02-29T13:45:30.123456Z"));
    row.put("big", 9_007_199_254_740_993L);
    try (Transaction tx = ogm.beginTransaction()) {
      OgmBridge.join(ogm, adapter).insert(model("Specimen"), List.of(row));
      tx.commit();
    }

    Specimen found = db.findAll(Specimen.class).get(0);
    assertThat(found.day).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(found.at).isEqualTo(Instant.parse("2024-02-29T13:45:30.123456Z"));
    assertThat(found.big).isEqualTo(9_007_199_254_740_993L);
    assertThat(
            db.findAll(
                Specimen.class,
                Query.matching(io.liaison.Where.eq("day", LocalDate.of(2024, 2, 29)))))
        .hasSize(1);
  }

  @Test
  void theJoinedSessionReportsItsStatementsToTheAdaptersListeners() {
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    Session ogm = factory.openSession();
    try (Transaction tx = ogm.beginTransaction()) {
      writeBookWithArticle(OgmBridge.join(ogm, adapter));
      tx.rollback();
    }

    assertThat(statements)
        .as("two inserts, the add (one statement proving both ends exist as it links), the read")
        .hasSize(4)
        .allSatisfy(s -> assertThat(s).doesNotContain("Inside OGM"));
  }

  @Test
  void joiningNeedsAnOpenOgmTransaction() {
    assertThatThrownBy(() -> OgmBridge.join(factory.openSession(), adapter))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("beginTransaction");
  }

  /**
   * Through the user API joined to OGM's transaction: a Book, an Article and their link with a
   * through attribute.
   */
  private void writeBookWithArticle(StoreSession s) {
    io.liaison.Session tx = db.join(s);
    Book book = new Book();
    book.title = "Inside OGM";
    Article article = new Article();
    article.title = "Nodes";
    tx.insertAll(List.of(book));
    tx.insert(article);
    tx.on(book, ARTICLES).add(article, Map.of("role", "editor"));
    assertThat(tx.on(book, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through()).containsEntry("role", "editor"));
  }

  private ModelInfo model(String name) {
    return info.model(name);
  }
}

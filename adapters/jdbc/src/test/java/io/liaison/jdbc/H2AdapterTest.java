package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The adapter's own checks on H2. */
class H2AdapterTest extends AbstractJdbcAdapterTest {
  private static final AtomicInteger N = new AtomicInteger();
  private String url;

  @Override
  JdbcAdapter openEmpty() {
    url = "jdbc:h2:mem:adapter_" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return JdbcAdapter.create(JdbcConfig.url(url, "sa", ""));
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  @Override
  String schemaName() {
    return "PUBLIC";
  }

  /** H2 holds at most 65,536 elements in an array: longer key lists are read slice by slice. */
  @Test
  void keyListsBeyondH2ArrayLimitAreReadSliceBySlice() {
    ModelInfo book = SCHEMA.info().model("Book");
    Book kept = db.insert(book("Kept"));
    List<Long> ids = new ArrayList<>();
    for (long i = 1; i <= 100_000; i++) {
      ids.add(kept.id + i);
    }
    ids.add(kept.id);
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    try (StoreSession s = adapter.beginOperation()) {
      assertThat(s.findBy(book, "id", ids)).extracting(r -> r.get("id")).containsExactly(kept.id);
    }
    assertThat(statements).hasSize(2);
  }

  @Test
  void addingMoreTargetsThanH2ArrayLimitLinksThemAll() {
    Book book = db.insert(book("Big"));
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      articles.add(article("a" + i));
    }
    db.insertAll(articles);
    Article missing = article("never stored");
    missing.id = articles.get(articles.size() - 1).id + 1;
    List<Article> withMissing = new ArrayList<>(articles);
    withMissing.add(missing);

    // the ids beyond the first 65,536 are counted by a query of their own: one missing there is
    // found too
    assertThatThrownBy(() -> db.on(book, ARTICLES).addAll(withMissing))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining(String.valueOf(missing.id));
    assertThat(db.on(book, ARTICLES).count()).isZero();
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    db.on(book, ARTICLES).addAll(articles, Map.of("role", "r", "position", 1));

    // every through attribute given: one MERGE statement, its two slices of rows one JDBC batch
    assertThat(statements).filteredOn(sql -> sql.startsWith("MERGE")).hasSize(1);
    assertThat(statements).noneMatch(sql -> sql.startsWith("INSERT") || sql.contains("COUNT(*)"));
    assertThat(db.on(book, ARTICLES).count()).isEqualTo(70_000);
    assertThat(db.on(book, ARTICLES).count(Query.all().through(Where.eq("role", "r"))))
        .isEqualTo(70_000);
  }

  /**
   * Links that give only some through attributes go in as plain inserts, with no count of their
   * ends; a batch of them holding a link that exists is rolled back to its savepoint and takes the
   * verified path (the ends counted, then upserted), so the existing links keep the attributes not
   * given.
   */
  @Test
  void newLinksAreInsertedAndABatchWithAnExistingLinkIsUpserted() {
    Book b = db.insert(book("B"));
    List<Article> as = db.insertAll(List.of(article("1"), article("2"), article("3")));
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    db.on(b, ARTICLES).addAll(as.subList(0, 2), Map.of("role", "editor", "position", 1));
    statements.clear();

    db.on(b, ARTICLES).addAll(as.subList(0, 2), Map.of("role", "new"));
    assertThat(statements)
        .anyMatch(sql -> sql.startsWith("INSERT INTO \"BookArticles\""))
        .contains("ROLLBACK TO SAVEPOINT")
        .anyMatch(sql -> sql.startsWith("MERGE"));
    statements.clear();

    db.on(b, ARTICLES).add(as.get(2), Map.of("role", "reviewer"));

    assertThat(statements)
        .noneMatch(sql -> sql.startsWith("MERGE") || sql.contains("COUNT(*)"))
        .anyMatch(sql -> sql.startsWith("INSERT INTO \"BookArticles\""));
    Map<Long, Map<String, Object>> through = new HashMap<>();
    db.on(b, ARTICLES).linkedTargets().forEach(l -> through.put(l.target().id, l.through()));
    assertThat(through.get(as.get(0).id)).containsEntry("role", "new").containsEntry("position", 1);
    assertThat(through.get(as.get(1).id)).containsEntry("role", "new").containsEntry("position", 1);
    assertThat(through.get(as.get(2).id))
        .containsEntry("role", "reviewer")
        .containsEntry("position", null);
  }

  /**
   * Links that give every through attribute go in with one set-based MERGE (Dialect.overwriteAll),
   * run first with no count of the ends: new and existing links alike, no second try. A missing end
   * makes the foreign key refuse it: rolled back to its savepoint, the ends are counted, the
   * missing id is named and nothing is written.
   */
  @Test
  void linksGivingEveryAttributeAreOneMergeAndAMissingEndIsRolledBack() {
    Book b = db.insert(book("B"));
    List<Article> as = db.insertAll(List.of(article("1"), article("2"), article("3")));
    db.on(b, ARTICLES).add(as.get(0), Map.of("role", "editor", "position", 1));
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    db.on(b, ARTICLES).addAll(as.subList(0, 2), Map.of("role", "reviewer", "position", 2));

    assertThat(statements)
        .filteredOn(
            sql -> sql.startsWith("MERGE INTO \"BookArticles\" AS j USING (SELECT * FROM UNNEST("))
        .hasSize(1);
    assertThat(statements)
        .noneMatch(
            sql ->
                sql.startsWith("INSERT") || sql.contains("COUNT(*)") || sql.startsWith("ROLLBACK"));
    assertThat(db.on(b, ARTICLES).linkedTargets())
        .hasSize(2)
        .allSatisfy(
            l -> {
              assertThat(l.through("role")).isEqualTo("reviewer");
              assertThat(l.through("position")).isEqualTo(2);
            });
    statements.clear();

    Article missing = article("never stored");
    missing.id = as.get(2).id + 1_000;
    assertThatThrownBy(
            () ->
                db.on(b, ARTICLES)
                    .addAll(List.of(as.get(2), missing), Map.of("role", "x", "position", 3)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining(String.valueOf(missing.id));
    assertThat(statements)
        .contains("ROLLBACK TO SAVEPOINT")
        .anyMatch(sql -> sql.contains("COUNT(*)"));
    assertThat(db.on(b, ARTICLES).linkedTargets())
        .extracting(l -> l.target().id)
        .containsExactly(as.get(0).id, as.get(1).id);
  }

  /**
   * A junction created by hand without foreign keys cannot refuse a missing end itself: the adapter
   * sees that in the database's metadata and counts the ends before writing, so the link to a
   * missing article is refused and nothing is written.
   */
  @Test
  void aJunctionWithoutForeignKeysHasItsEndsCountedBeforeTheWrite() throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE \"LooseLinks\" (\"bookId\" BIGINT NOT NULL, \"articleId\" BIGINT NOT NULL,"
              + " PRIMARY KEY (\"bookId\", \"articleId\"))");
    }
    BelongsToMany<Book, Article> loose =
        Association.belongsToMany(Book.class, Article.class)
            .through("LooseLinks")
            .as("looseArticles");
    Liaison unsynced =
        Liaison.builder()
            .schema(Schema.builder().models(Book.class, Article.class).association(loose).build())
            .store(adapter)
            .sync(false)
            .build();
    Book b = db.insert(book("B"));
    Article a = db.insert(article("stored"));
    Article missing = article("never stored");
    missing.id = a.id + 1_000;
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    assertThatThrownBy(() -> unsynced.on(b, loose).addAll(List.of(a, missing)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining(String.valueOf(missing.id));

    assertThat(statements)
        .anyMatch(sql -> sql.contains("COUNT(*)"))
        .noneMatch(sql -> sql.startsWith("INSERT"));
    assertThat(unsynced.on(b, loose).linkedTargets()).isEmpty();
    unsynced.on(b, loose).add(a);
    assertThat(unsynced.on(b, loose).linkedTargets())
        .extracting(l -> l.target().id)
        .containsExactly(a.id);
  }
}

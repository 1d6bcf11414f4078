package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.Query;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.contract.fixtures.Tag;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StoreSession;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contract cannot see: the DDL the adapter creates (keys, constraints and their actions,
 * indexes), that sync is idempotent, that values never become SQL, that bad identifiers are
 * refused, and how SQL failures are mapped. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class AbstractJdbcAdapterTest {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final HasOne<Person, Profile> PROFILE =
      Association.hasOne(Person.class, Profile.class).onDelete(ReferentialAction.RESTRICT);
  static final BelongsToMany<Comment, Tag> TAGS =
      Association.belongsToMany(Comment.class, Tag.class).through("CommentTags").unique(false);

  static final Schema SCHEMA =
      Schema.builder()
          .models(
              Author.class,
              Book.class,
              Article.class,
              Person.class,
              Profile.class,
              Comment.class,
              Tag.class)
          .associations(BOOKS, ARTICLES, PROFILE, TAGS)
          .build();

  protected JdbcAdapter adapter;
  protected Liaison db;

  /** An adapter over an empty database. */
  abstract JdbcAdapter openEmpty();

  /** A plain connection to the same database, outside the adapter. */
  abstract Connection connect() throws SQLException;

  @BeforeEach
  void open() {
    adapter = openEmpty();
    db = Liaison.builder().schema(SCHEMA).store(adapter).build();
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  // ---- DDL

  @Test
  void uniqueJunctionHasACompositePrimaryKeyOnBothKeys() throws SQLException {
    assertThat(primaryKey("BookArticles")).containsExactlyInAnyOrder("bookId", "articleId");
    assertThat(columns("BookArticles"))
        .containsExactlyInAnyOrder("bookId", "articleId", "role", "position");
  }

  @Test
  void parallelJunctionHasItsOwnGeneratedIdAndAnIndexOnThePair() throws SQLException {
    Set<String> cols = columns("CommentTags");
    assertThat(cols).contains("commentId", "tagId");
    assertThat(primaryKey("CommentTags")).hasSize(1).doesNotContain("commentId", "tagId");
    assertThat(indexedColumnLists("CommentTags")).contains(List.of("commentId", "tagId"));
  }

  @Test
  void foreignKeysCarryTheDeclaredActions() throws SQLException {
    Map<String, String> rules = deleteAndUpdateRules();
    assertThat(rules)
        .containsEntry("Book.authorId", "SET NULL/CASCADE")
        .containsEntry("BookArticles.bookId", "CASCADE/CASCADE")
        .containsEntry("BookArticles.articleId", "CASCADE/CASCADE")
        .containsEntry("Profile.personId", "RESTRICT/CASCADE")
        .containsEntry("CommentTags.commentId", "CASCADE/CASCADE")
        .containsEntry("CommentTags.tagId", "CASCADE/CASCADE");
  }

  @Test
  void everyForeignKeyColumnIsIndexed() throws SQLException {
    assertThat(indexedColumnLists("Book")).contains(List.of("authorId"));
    assertThat(indexedColumnLists("Profile")).contains(List.of("personId"));
    assertThat(indexedColumnLists("BookArticles")).contains(List.of("articleId"));
  }

  @Test
  void noIndexRepeatsAnotherOrBeginsALongerOne() throws SQLException {
    for (String table : tables()) {
      List<String> key = primaryKeyInOrder(table);
      Map<String, List<String>> indexes = indexes(table);
      // the primary key's own index, then one per other column list: none made twice (H2 makes a
      // foreign
      // key an index of its own when none exists on its column yet)
      assertThat(indexes.values()).as("indexes of %s: %s", table, indexes).doesNotHaveDuplicates();
      // and none of Liaison's for columns the primary key's index or another of its own begins with
      indexes.forEach(
          (name, columns) -> {
            if (name.startsWith("ix_")) {
              assertThat(SchemaSync.leads(key, columns))
                  .as("%s on %s, whose primary key is %s", name, table, key)
                  .isFalse();
              indexes.forEach(
                  (other, longer) -> {
                    if (other.startsWith("ix_") && !other.equals(name)) {
                      assertThat(SchemaSync.leads(longer, columns))
                          .as("%s begins %s on %s", name, other, table)
                          .isFalse();
                    }
                  });
            }
          });
    }
    assertThat(primaryKeyInOrder("BookArticles")).containsExactly("bookId", "articleId");
    assertThat(indexes("BookArticles"))
        .containsEntry("ix_BookArticles_articleId", List.of("articleId"))
        .doesNotContainKey("ix_BookArticles_bookId");
    // a junction with its own id (unique(false)): the key pair's index serves its first key
    assertThat(indexes("CommentTags"))
        .containsEntry("ix_CommentTags_commentId_tagId", List.of("commentId", "tagId"))
        .containsEntry("ix_CommentTags_tagId", List.of("tagId"))
        .doesNotContainKey("ix_CommentTags_commentId");
  }

  @Test
  void deletingARowAppliesTheDatabaseActions() {
    Author ann = db.insert(author("Ann"));
    Book graphs = db.insert(book("Graphs"));
    Article a = db.insert(article("A"));
    db.on(ann, BOOKS).add(graphs);
    db.on(graphs, ARTICLES).add(a, Map.of("role", "editor"));

    db.delete(ann);
    db.delete(a);

    assertThat(db.find(Book.class, graphs.id))
        .get()
        .satisfies(b -> assertThat(db.on(b, BOOKS.inverse()).get()).isEmpty());
    assertThat(db.on(graphs, ARTICLES).count()).isZero();
  }

  @Test
  void syncIsIdempotent() throws SQLException {
    Map<String, String> rules = deleteAndUpdateRules();
    Set<String> indexes = allIndexes();

    adapter.sync(SCHEMA.info());
    adapter.sync(SCHEMA.info());
    Liaison.builder().schema(SCHEMA).store(adapter).build();

    assertThat(deleteAndUpdateRules()).isEqualTo(rules);
    assertThat(allIndexes()).isEqualTo(indexes);
  }

  @Test
  void syncAddsWhatIsMissingToExistingTables() throws SQLException {
    try (Connection c = connect();
        var s = c.createStatement()) {
      s.execute("ALTER TABLE \"BookArticles\" DROP CONSTRAINT \"fk_BookArticles_articleId\"");
      s.execute("ALTER TABLE \"Book\" DROP COLUMN \"year\"");
    }
    assertThat(deleteAndUpdateRules()).doesNotContainKey("BookArticles.articleId");

    adapter.sync(SCHEMA.info());

    assertThat(deleteAndUpdateRules()).containsEntry("BookArticles.articleId", "CASCADE/CASCADE");
    assertThat(columns("Book")).contains("year");
  }

  // ---- values are parameters, identifiers are checked

  @Test
  void sqlInValuesIsStoredVerbatim() {
    String evil = "x'); DROP TABLE \"Book\"; -- \" ' \\ %_";
    Book b = db.insert(book(evil));
    Article a = db.insert(article("Robert'); DROP TABLE \"BookArticles\";--"));
    db.on(b, ARTICLES).add(a, Map.of("role", evil));

    assertThat(db.find(Book.class, b.id)).get().extracting(x -> x.title).isEqualTo(evil);
    assertThat(db.findAll(Book.class, Query.matching(Where.eq("title", evil))))
        .extracting(x -> x.id)
        .containsExactly(b.id);
    assertThat(
            db.findAll(Book.class, Query.matching(Where.in("title", List.of(evil, "' OR '1'='1")))))
        .hasSize(1);
    assertThat(db.findAll(Book.class, Query.matching(Where.eq("title", "' OR '1'='1")))).isEmpty();
    assertThat(db.on(b, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through("role")).isEqualTo(evil));
    assertThat(db.on(b, ARTICLES).get(Query.all().through(Where.eq("role", evil)))).hasSize(1);
    assertThat(db.count(Article.class, null)).isEqualTo(1);
  }

  @Test
  void identifiersBreakingThePatternAreRefusedBeforeAnySql() throws SQLException {
    AttributeInfo id = new AttributeInfo("id", "id", Long.class, false, true, true);
    AttributeInfo evil =
        new AttributeInfo(
            "name", "name\" TEXT); DROP TABLE \"Book\"; --", String.class, true, false, true);
    ModelInfo model = new ModelInfo("Evil", "Evil", id, List.of(id, evil), List.of());
    SchemaInfo schema = new SchemaInfo(List.of(model), List.of(), List.of(), List.of());

    assertThatThrownBy(() -> adapter.sync(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a valid identifier");
    assertThat(tables()).contains("Book").doesNotContain("Evil");

    ModelInfo badTable = new ModelInfo("Bad", "Bad;Table", id, List.of(id), List.of());
    assertThatThrownBy(
            () -> adapter.sync(new SchemaInfo(List.of(badTable), List.of(), List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownAttributesInFiltersAreInvalidCalls() {
    ModelInfo book = SCHEMA.info().model("Book");
    try (StoreSession s = adapter.begin()) {
      assertThatThrownBy(() -> s.find(book, Query.matching(Where.eq("title\" OR 1=1 --", "x"))))
          .isInstanceOf(InvalidCallException.class)
          .hasMessageContaining("title\" OR 1=1 --");
      assertThatThrownBy(() -> s.count(book, Where.gt("nope", 1)))
          .isInstanceOf(InvalidCallException.class)
          .hasMessageContaining("nope");
    }
  }

  // ---- constant statement counts

  @Test
  void idListsBeyondPostgresBindLimitAreOneArrayParameter() {
    ModelInfo book = SCHEMA.info().model("Book");
    Book b = db.insert(book("Kept"));
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i < 40_000; i++) {
      ids.add(b.id + 1 + i);
    }
    ids.add(b.id);
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    try (StoreSession s = adapter.beginOperation()) {
      assertThat(s.findBy(book, "id", ids)).hasSize(1);
      assertThat(s.count(book, Where.in("id", ids))).isEqualTo(1);
      assertThat(s.count(book, Where.notIn("id", ids))).isZero();
      assertThat(s.delete(book, ids)).isEqualTo(1);
    }
    assertThat(statements)
        .hasSize(4)
        .allSatisfy(
            sql ->
                assertThat(sql).containsAnyOf("= ANY(?)", "JOIN UNNEST(?)").doesNotContain("?, ?"));
  }

  @Test
  void linkRowsWithDifferentThroughAttributesAreOneStatement() {
    AssociationInfo articles =
        SCHEMA.info().associations().stream()
            .filter(a -> a.name().equals("Book.articles"))
            .findFirst()
            .orElseThrow();
    Book b = db.insert(book("B"));
    List<Article> as = db.insertAll(List.of(article("1"), article("2"), article("3")));
    db.on(b, ARTICLES).add(as.get(0), Map.of("role", "editor", "position", 1));

    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    try (StoreSession s = adapter.beginOperation()) {
      s.link(
          articles,
          List.of(
              new LinkRow(b.id, as.get(0).id, Map.of("position", 9), null),
              new LinkRow(b.id, as.get(1).id, Map.of("role", "reviewer"), null),
              new LinkRow(b.id, as.get(2).id, Map.of(), null)));
      s.commit();
    }
    // the upsert is one statement; on H2 the source row is locked first
    // (Dialect.upsertNeedsSourceLock), a batch of plain inserts is tried first
    // (Dialect.writesFirst),
    // refused here as one link exists, and the targets' rows are locked last
    // (Dialect.linkLocksTargets)
    Dialect d = adapter.dialect();
    List<String> writes =
        statements.stream()
            .filter(sql -> !sql.endsWith(d.lockRows()) && !sql.contains("SAVEPOINT"))
            .toList();
    assertThat(statements)
        .filteredOn(sql -> sql.endsWith(d.lockRows()))
        .hasSize((d.upsertNeedsSourceLock() ? 1 : 0) + (d.linkLocksTargets() ? 1 : 0));
    if (d.linkLocksTargets()) {
      assertThat(statements.get(statements.size() - 1)).contains("\"Article\"");
    }
    if (d.writesFirst()) {
      assertThat(writes).hasSize(2);
      assertThat(writes.get(0)).startsWith("INSERT INTO");
      assertThat(statements).contains("ROLLBACK TO SAVEPOINT");
    } else {
      assertThat(writes).hasSize(1);
      assertThat(statements).noneMatch(sql -> sql.contains("SAVEPOINT"));
    }

    Map<Long, Map<String, Object>> through = new HashMap<>();
    db.on(b, ARTICLES).linkedTargets().forEach(l -> through.put(l.target().id, l.through()));
    assertThat(through.get(as.get(0).id))
        .containsEntry("role", "editor")
        .containsEntry("position", 9);
    assertThat(through.get(as.get(1).id))
        .containsEntry("role", "reviewer")
        .containsEntry("position", null);
    assertThat(through.get(as.get(2).id))
        .containsEntry("role", null)
        .containsEntry("bookId", b.id)
        .containsEntry("articleId", as.get(2).id);
  }

  /**
   * Where the dialect inserts first, the junction's foreign keys check the ends: a new link costs
   * no count; else one query counts both ends. Either way no end is read, and a missing end is
   * refused.
   */
  @Test
  void anAddChecksBothEndsWithoutReadingThem() {
    Book b = db.insert(book("B"));
    List<Article> as = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      as.add(article("a" + i));
    }
    db.insertAll(as);
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    db.on(b, ARTICLES).addAll(as, Map.of("role", "editor"));

    Dialect d = adapter.dialect();
    assertThat(statements).noneMatch(sql -> sql.contains("\"title\""));
    if (d.writesFirst()) {
      // H2: the source's lock (Dialect.upsertNeedsSourceLock), the inserts under a savepoint, then
      // the targets' lock (Dialect.linkLocksTargets)
      assertThat(statements).hasSize(5).noneMatch(sql -> sql.contains("COUNT(*)"));
      assertThat(statements.get(2)).startsWith("INSERT INTO");
      assertThat(statements.get(4)).contains("\"Article\"").endsWith(d.lockRows());
    } else {
      // PostgreSQL: the count, the upsert batch
      assertThat(statements).hasSize(2).anyMatch(sql -> sql.contains("COUNT(*)"));
    }
    assertThat(db.on(b, ARTICLES).count()).isEqualTo(50);

    Article missing = article("never stored");
    missing.id = as.get(49).id + 1_000;
    List<Article> withMissing = new ArrayList<>(as.subList(0, 10));
    withMissing.add(missing);
    db.transaction(
        tx -> {
          assertThatThrownBy(
                  () -> tx.on(b, ARTICLES).addAll(withMissing, Map.of("role", "reviewer")))
              .isInstanceOf(InvalidCallException.class)
              .hasMessageContaining(String.valueOf(missing.id));
          // nothing of the refused add was written, and the caller's transaction can still write
          tx.on(b, ARTICLES).remove(as.get(49));
          return null;
        });
    assertThat(db.on(b, ARTICLES).count(Query.all().through(Where.eq("role", "editor"))))
        .isEqualTo(49);
    assertThat(db.on(b, ARTICLES).count()).isEqualTo(49);
  }

  @Test
  void aSetCountsTheTargetsInTheQueryThatLocksTheSource() {
    Book b = db.insert(book("B"));
    List<Article> as = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      as.add(article("a" + i));
    }
    db.insertAll(as);
    db.on(b, ARTICLES).addAll(as.subList(0, 10), Map.of("role", "editor"));
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    db.on(b, ARTICLES).set(as.subList(5, 15), Map.of("role", "reviewer"));

    // the source's lock counting the targets, the removal of the others, the upsert; on H2 then
    // the targets' lock (Dialect.linkLocksTargets)
    Dialect d = adapter.dialect();
    assertThat(statements).hasSize(d.linkLocksTargets() ? 4 : 3);
    assertThat(statements.get(0)).contains("COUNT(*)").endsWith(d.lockRows());
    if (d.linkLocksTargets()) {
      assertThat(statements.get(3)).contains("\"Article\"").endsWith(d.lockRows());
    }
    assertThat(db.on(b, ARTICLES).count(Query.all().through(Where.eq("role", "reviewer"))))
        .isEqualTo(10);
    assertThat(db.on(b, ARTICLES).count()).isEqualTo(10);

    Article missing = article("never stored");
    missing.id = as.get(19).id + 1_000;
    List<Article> withMissing = new ArrayList<>(as.subList(0, 3));
    withMissing.add(missing);
    db.transaction(
        tx -> {
          assertThatThrownBy(() -> tx.on(b, ARTICLES).set(withMissing))
              .isInstanceOf(InvalidCallException.class)
              .hasMessageContaining(String.valueOf(missing.id));
          tx.on(b, ARTICLES).remove(as.get(14));
          return null;
        });
    assertThat(db.on(b, ARTICLES).count()).as("the refused set removed nothing").isEqualTo(9);
    assertThat(db.on(b, ARTICLES).has(as.get(5))).isTrue();
  }

  @Test
  void linkRowsWithAnUnknownThroughNameOrAValueOfTheWrongTypeAreRefusedBeforeAnySql() {
    AssociationInfo articles =
        SCHEMA.info().associations().stream()
            .filter(a -> a.name().equals("Book.articles"))
            .findFirst()
            .orElseThrow();
    Book b = db.insert(book("B"));
    List<Article> as = db.insertAll(List.of(article("1"), article("2")));
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    // a value of the wrong type in the first row, an unknown name in the second: the name is
    // refused first
    List<LinkRow> unknown =
        List.of(
            new LinkRow(b.id, as.get(0).id, Map.of("position", "first"), null),
            new LinkRow(b.id, as.get(1).id, Map.of("role", "editor", "rank", 3), null));
    List<LinkRow> wrongType =
        List.of(
            new LinkRow(b.id, as.get(0).id, Map.of("role", "editor", "position", 1), null),
            new LinkRow(b.id, as.get(1).id, Map.of("role", "editor", "position", "second"), null));
    try (StoreSession s = adapter.beginOperation()) {
      assertThatThrownBy(() -> s.link(articles, unknown))
          .isInstanceOf(InvalidCallException.class)
          .hasMessage("Unknown through attribute 'rank' of BookArticles (Book.articles)");
      assertThatThrownBy(() -> s.link(articles, wrongType))
          .isInstanceOf(InvalidCallException.class)
          .hasMessageContainingAll("'second'", "through attribute 'position'", "Integer");
    }
    assertThat(statements).isEmpty();

    // a key's name among the through values is no payload, but no unknown name either: the link is
    // written
    try (StoreSession s = adapter.beginOperation()) {
      s.link(
          articles,
          List.of(new LinkRow(b.id, as.get(0).id, Map.of("bookId", b.id, "role", "editor"), null)));
      s.commit();
    }
    assertThat(db.on(b, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through()).containsEntry("role", "editor"));
  }

  @Test
  void hasOverManySourcesSelectsTheLinkedPairsAlone() {
    List<Book> books = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      books.add(db.insert(book("b" + i)));
      articles.add(db.insert(article("a" + i)));
    }
    db.on(books.get(0), ARTICLES).add(articles.get(0));
    db.on(books.get(2), ARTICLES).addAll(List.of(articles.get(1), articles.get(2)));
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    List<Boolean> answers =
        db.batch(ARTICLES)
            .has(
                List.of(
                    LinkBetween.of(books.get(0), articles.get(0)),
                    LinkBetween.of(books.get(0), articles.get(1)),
                    LinkBetween.of(books.get(2), articles.get(2)),
                    LinkBetween.of(books.get(3), articles.get(0)),
                    LinkBetween.of(books.get(2), articles.get(1))));

    assertThat(answers).containsExactly(true, false, true, false, true);
    assertThat(statements)
        .singleElement()
        .satisfies(sql -> assertThat(sql).doesNotContain("\"title\"", "ORDER BY"));
  }

  @Test
  void writesInAUserTransactionRunUnderSavepointsThatCountAsRoundTrips() {
    ModelInfo book = SCHEMA.info().model("Book");
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    try (StoreSession s = adapter.begin()) {
      s.insert(book, List.of(row("id", 1L, "title", "one")));
      s.commit();
    }
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0)).isEqualTo("SAVEPOINT");
    assertThat(statements.get(1)).startsWith("INSERT");
    assertThat(statements.get(2)).isEqualTo("RELEASE SAVEPOINT");
  }

  // ---- failures

  @Test
  void uniqueViolationIsAConflictKeepingTheSqlException() {
    ModelInfo book = SCHEMA.info().model("Book");
    try (StoreSession s = adapter.begin()) {
      s.insert(book, List.of(row("id", 7L, "title", "first")));
      assertThatThrownBy(() -> s.insert(book, List.of(row("id", 7L, "title", "again"))))
          .isInstanceOf(ConflictException.class)
          .hasMessageStartingWith("insert Book failed")
          .cause()
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
    }
  }

  @Test
  void failedWriteLeavesNothingOfItselfAndTheTransactionUsable() {
    ModelInfo book = SCHEMA.info().model("Book");
    try (StoreSession s = adapter.begin()) {
      s.insert(book, List.of(row("id", 1L, "title", "one")));
      assertThatThrownBy(
              () ->
                  s.insert(
                      book,
                      List.of(
                          row("id", 2L, "title", "two"),
                          row("id", 1L, "title", "dup"),
                          row("id", 3L, "title", "three"))))
          .isInstanceOf(ConflictException.class);

      assertThat(s.count(book, null)).isEqualTo(1);
      s.insert(book, List.of(row("id", 4L, "title", "four")));
      s.commit();
    }
    assertThat(db.findAll(Book.class)).extracting(b -> b.id).containsExactlyInAnyOrder(1L, 4L);
  }

  @Test
  void restrictedDeleteIsAConflict() {
    Person pat = new Person();
    pat.name = "Pat";
    db.insert(pat);
    Profile p = new Profile();
    p.bio = "bio";
    db.on(pat, PROFILE).create(p);

    assertThatThrownBy(() -> db.delete(pat))
        .isInstanceOf(ConflictException.class)
        .hasCauseInstanceOf(SQLException.class);
    assertThat(db.find(Person.class, pat.id)).isPresent();
    assertThat(db.on(pat, PROFILE).get()).isPresent();
  }

  @Test
  void parallelLinksGetDatabaseGeneratedIds() {
    Comment c = new Comment();
    c.body = "hi";
    db.insert(c);
    Tag t = new Tag();
    t.label = "x";
    db.insert(t);
    db.on(c, TAGS).add(t);
    db.on(c, TAGS).add(t);

    assertThat(db.on(c, TAGS).linkedTargets())
        .hasSize(2)
        .extracting(l -> l.linkId())
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(db.on(c, TAGS).count()).isEqualTo(2);
  }

  // ---- helpers reading the catalog

  /** The schema the adapter's tables are in, as information_schema spells it. */
  abstract String schemaName();

  Set<String> tables() throws SQLException {
    return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = ?");
  }

  Set<String> columns(String table) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getColumns(null, schemaName(), table, null)) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }

  Set<String> primaryKey(String table) throws SQLException {
    return new TreeSet<>(primaryKeyInOrder(table));
  }

  /** The primary key's columns, in key order. */
  List<String> primaryKeyInOrder(String table) throws SQLException {
    Map<Integer, String> bySeq = new TreeMap<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getPrimaryKeys(null, schemaName(), table)) {
      while (rs.next()) {
        bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new ArrayList<>(bySeq.values());
  }

  /** Every index on the table by name, with its columns in index order. */
  Map<String, List<String>> indexes(String table) throws SQLException {
    Map<String, Map<Integer, String>> byIndex = new TreeMap<>();
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getIndexInfo(null, schemaName(), table, false, false)) {
        while (rs.next()) {
          if (rs.getString("COLUMN_NAME") != null) {
            byIndex
                .computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
          }
        }
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    byIndex.forEach((name, columns) -> out.put(name, new ArrayList<>(columns.values())));
    return out;
  }

  /** The column lists of every index on the table, in index order. */
  List<List<String>> indexedColumnLists(String table) throws SQLException {
    return new ArrayList<>(indexes(table).values());
  }

  Set<String> allIndexes() throws SQLException {
    Set<String> out = new TreeSet<>();
    for (String table : tables()) {
      for (List<String> cols : indexedColumnLists(table)) {
        out.add(table + cols);
      }
    }
    return out;
  }

  /** {@code holderTable.column -> "DELETE_RULE/UPDATE_RULE"} for every foreign key. */
  Map<String, String> deleteAndUpdateRules() throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = connect()) {
      for (String table : tables()) {
        try (ResultSet rs = c.getMetaData().getImportedKeys(null, schemaName(), table)) {
          while (rs.next()) {
            out.put(
                table + "." + rs.getString("FKCOLUMN_NAME"),
                rule(rs.getShort("DELETE_RULE")) + "/" + rule(rs.getShort("UPDATE_RULE")));
          }
        }
      }
    }
    return out;
  }

  private static String rule(short r) {
    return switch (r) {
      case DatabaseMetaData.importedKeyCascade -> "CASCADE";
      case DatabaseMetaData.importedKeySetNull -> "SET NULL";
      case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
      case DatabaseMetaData.importedKeyNoAction -> "NO ACTION";
      case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
      default -> "?" + r;
    };
  }

  private Set<String> strings(String sql) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schemaName());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Author author(String name) {
    Author a = new Author();
    a.name = name;
    return a;
  }

  static Book book(String title) {
    Book b = new Book();
    b.title = title;
    return b;
  }

  static Article article(String title) {
    Article a = new Article();
    a.title = title;
    return a;
  }

  @Test
  void readOperationsRunWithoutATransactionAndLeaveNoneOfThatToWrites() {
    Book book = db.insert(book("Graphs"));
    AttributeInfo id = new AttributeInfo("id", "id", Long.class, false, true, true);
    ModelInfo books = new ModelInfo("Book", "Book", id, List.of(id), List.of());
    for (int i = 0; i < 6; i++) {
      try (StoreSession s = adapter.beginReadOperation()) {
        assertThat(((JdbcSession) s).autoCommitted())
            .as("read committed: no commit to wait for")
            .isTrue();
        assertThat(s.findBy(books, "id", List.of(book.id)))
            .as("the insert committed just before")
            .hasSize(1);
        s.commit();
      }
    }
    // the pool hands the read operations' connections out again: a write on one is still a
    // transaction
    for (int i = 0; i < 6; i++) {
      try (StoreSession s = adapter.beginOperation()) {
        assertThat(((JdbcSession) s).autoCommitted()).isFalse();
        assertThat(s.delete(books, List.of(book.id))).isEqualTo(1);
        s.rollback();
      }
    }
    assertThat(db.find(Book.class, book.id)).as("every delete rolled back").isPresent();
  }
}

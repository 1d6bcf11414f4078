package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LiaisonException;
import io.liaison.LinkBetween;
import io.liaison.Query;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Citation;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.contract.fixtures.Publisher;
import io.liaison.contract.fixtures.Specimen;
import io.liaison.contract.fixtures.Tag;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.RowLayout;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StoreSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * What the contract cannot see in a store-neutral way: the graph Liaison writes (labels,
 * relationship types and directions, properties), the schema sync creates (constraints, indexes)
 * and that it is idempotent, that values never become Cypher, that bad identifiers are refused, the
 * emulated referential actions across several levels, ids from the sequence under concurrency, and
 * that a refused call leaves a caller's transaction usable.
 */
class Neo4jAdapterTest {

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

  private Neo4jAdapter adapter;
  private Liaison db;

  @BeforeEach
  void open() {
    EmbeddedNeo4j.clean();
    adapter = Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()));
    db = Liaison.builder().schema(SCHEMA).store(adapter).build();
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  // ---- the graph

  @Test
  void belongsToManyLinksAreRelationshipsWithTheThroughAttributesAsProperties() {
    Book book = db.insert(book("Graphs"));
    Article edited = db.insert(article("Nodes"));
    Article reviewed = db.insert(article("Edges"));
    db.on(book, ARTICLES).add(edited, Map.of("role", "editor", "position", 1));
    db.on(reviewed, ARTICLES.inverse()).add(book, Map.of("role", "reviewer"));

    List<Record> links =
        cypher(
            "MATCH (b:Book)-[r:BookArticles]->(a:Article) "
                + "RETURN b.id AS book, a.title AS article, r.role AS role, r.position AS position ORDER BY article");

    assertThat(links).hasSize(2);
    assertThat(links.get(0).get("book").asLong()).isEqualTo(book.id);
    assertThat(links.get(0).get("article").asString()).isEqualTo("Edges");
    assertThat(links.get(0).get("role").asString()).isEqualTo("reviewer");
    assertThat(links.get(0).get("position").isNull()).isTrue();
    assertThat(links.get(1).get("article").asString()).isEqualTo("Nodes");
    assertThat(links.get(1).get("role").asString()).isEqualTo("editor");
    assertThat(links.get(1).get("position").asLong()).isEqualTo(1);
    assertThat(cypher("MATCH ()-[r]->() RETURN count(r) AS n").get(0).get("n").asLong())
        .as("no other relationships")
        .isEqualTo(2);
  }

  @Test
  void aStatementsRecordsComeBackAsRowsOfOneLayoutInTheColumnsOrder() {
    List<Map<String, Object>> rows =
        adapter.runAlone(
            "UNWIND [1, 2] AS i RETURN i AS n, "
                + "CASE i WHEN 1 THEN null ELSE 'two' END AS word, {k: i} AS m",
            Map.of());

    assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(RowLayout.Row.class));
    assertThat(((RowLayout.Row) rows.get(0)).layout())
        .as("one layout per statement")
        .isSameAs(((RowLayout.Row) rows.get(1)).layout());
    assertThat(rows.get(0).keySet()).containsExactly("n", "word", "m");
    assertThat(rows.get(0))
        .containsEntry("n", 1L)
        .containsEntry("word", null)
        .containsEntry("m", Map.of("k", 1L));
    assertThat(rows.get(1)).containsEntry("n", 2L).containsEntry("word", "two");
  }

  @Test
  void foreignKeyLinksGoFromThePrincipalAndTheKeyIsAPropertyInStep() {
    Author ann = db.insert(author("Ann"));
    Author bob = db.insert(author("Bob"));
    Book book = db.insert(book("Graphs"));

    db.on(ann, BOOKS).add(book);
    assertThat(
            cypher(
                "MATCH (a:Author)-[:Book_authorId]->(b:Book) RETURN a.id AS a, b.authorId AS key"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("a").asLong()).isEqualTo(ann.id);
              assertThat(r.get("key").asLong()).isEqualTo(ann.id);
            });

    db.on(book, BOOKS.inverse()).set(bob);
    assertThat(
            cypher(
                "MATCH (a:Author)-[:Book_authorId]->(b:Book) RETURN a.id AS a, b.authorId AS key"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("a").asLong()).isEqualTo(bob.id);
              assertThat(r.get("key").asLong()).isEqualTo(bob.id);
            });

    db.on(bob, BOOKS).remove(book);
    assertThat(cypher("MATCH (:Author)-[r:Book_authorId]->(:Book) RETURN r")).isEmpty();
    assertThat(cypher("MATCH (b:Book) RETURN b.authorId AS key").get(0).get("key").isNull())
        .isTrue();
  }

  @Test
  void parallelLinksAreParallelRelationshipsEachWithItsOwnId() {
    Comment comment = db.insert(comment("Nice"));
    Tag tag = db.insert(tag("graphs"));
    db.on(comment, TAGS).add(tag);
    db.on(comment, TAGS).add(tag);

    List<Record> links = cypher("MATCH (:Comment)-[r:CommentTags]->(:Tag) RETURN r.id AS id");

    assertThat(links).hasSize(2);
    assertThat(links.stream().map(r -> r.get("id").asLong()).distinct()).hasSize(2);
  }

  @Test
  void typesAreStoredAsNeo4jTypesAndReadBack() {
    Liaison specimens =
        Liaison.builder()
            .schema(Schema.builder().model(Specimen.class).build())
            .store(adapter)
            .build();
    Specimen s = new Specimen();
    s.quantity = 7;
    s.amount = new BigDecimal("12.50");
    s.at = Instant.parse("2024-02-29T13:45:30.123456Z");
    specimens.insert(s);

    Record r =
        cypher("MATCH (s:Specimen) RETURN s.quantity AS q, s.amount AS amount, s.at AS at").get(0);

    assertThat(r.get("q").asObject()).isEqualTo(7L);
    assertThat(r.get("amount").asString()).isEqualTo("12.5");
    assertThat(r.get("at").asObject()).isInstanceOf(ZonedDateTime.class);
    assertThat(((ZonedDateTime) r.get("at").asObject()).toInstant()).isEqualTo(s.at);
  }

  @Test
  void decimalsCompareAndSortAsNumbersNotAsText() {
    Liaison specimens =
        Liaison.builder()
            .schema(Schema.builder().model(Specimen.class).build())
            .store(adapter)
            .build();
    for (String amount : List.of("9.5", "10", "-2", "100.25")) {
      Specimen s = new Specimen();
      s.amount = new BigDecimal(amount);
      specimens.insert(s);
    }

    assertThat(
            specimens.findAll(
                Specimen.class, Query.matching(Where.gt("amount", new BigDecimal("9.75")))))
        .extracting(x -> x.amount.toPlainString())
        .containsExactlyInAnyOrder("10", "100.25");
    assertThat(
            specimens.findAll(Specimen.class, Query.all().orderBy(io.liaison.Order.asc("amount"))))
        .extracting(x -> x.amount.toPlainString())
        .containsExactly("-2", "9.5", "10", "100.25");
    assertThat(
            specimens.findAll(
                Specimen.class, Query.matching(Where.eq("amount", new BigDecimal("10.000")))))
        .hasSize(1);
  }

  // ---- schema

  @Test
  void syncCreatesUniquenessConstraintsAndForeignKeyIndexes() {
    Set<String> constraints = new TreeSet<>();
    for (Record r : cypher("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")) {
      constraints.add(
          r.get("type").asString()
              + " "
              + r.get("labelsOrTypes").asList()
              + r.get("properties").asList());
    }
    Set<String> indexes = new TreeSet<>();
    for (Record r :
        cypher(
            "SHOW INDEXES YIELD labelsOrTypes, properties, type, owningConstraint "
                + "WHERE type = 'RANGE' AND owningConstraint IS NULL RETURN *")) {
      indexes.add(r.get("labelsOrTypes").asList() + "" + r.get("properties").asList());
    }

    assertThat(constraints)
        .contains(
            "UNIQUENESS [Author][id]",
            "UNIQUENESS [Book][id]",
            "UNIQUENESS [Article][id]",
            "UNIQUENESS [Profile][id]",
            "UNIQUENESS [Tag][id]",
            "UNIQUENESS [LiaisonSequence][name]");
    assertThat(indexes).contains("[Book][authorId]", "[Profile][personId]", "[CommentTags][id]");
    assertThat(cypher("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN state"))
        .as("all online")
        .isEmpty();
  }

  @Test
  void uniqueKeysThatAssociationsReferenceGetAConstraint() {
    HasMany<Author, Book> byCode =
        Association.hasMany(Author.class, Book.class).sourceKey("code").foreignKey("authorCode");
    Liaison.builder()
        .schema(Schema.builder().models(Author.class, Book.class).association(byCode).build())
        .store(adapter)
        .build();

    assertThat(
            cypher(
                "SHOW CONSTRAINTS YIELD labelsOrTypes, properties WHERE labelsOrTypes = ['Author'] "
                    + "RETURN properties"))
        .extracting(r -> r.get("properties").asList())
        .contains(List.of("code"));
  }

  @Test
  void syncIsIdempotent() {
    List<String> before = schemaObjects();

    adapter.sync(SCHEMA.info());
    adapter.sync(SCHEMA.info());
    Liaison again = Liaison.builder().schema(SCHEMA).store(adapter).build();

    assertThat(schemaObjects()).isEqualTo(before);
    Book book = again.insert(book("After sync"));
    assertThat(again.find(Book.class, book.id)).isPresent();
  }

  // ---- values never become Cypher; identifiers are checked

  @Test
  void injectionLookingValuesAreStoredVerbatimAndChangeNothingElse() {
    List<String> hostile =
        List.of(
            "x'}) DETACH DELETE n //",
            "`Book`) MATCH (m) DETACH DELETE m //",
            "$rows",
            "\\'; MATCH (n) DETACH DELETE n; //",
            "{role: 'admin'}");
    Book keep = db.insert(book("Keep me"));
    Article article = db.insert(article("Linked"));
    for (String value : hostile) {
      Book b = db.insert(book(value));
      db.on(b, ARTICLES).add(article, Map.of("role", value));
      assertThat(db.findAll(Book.class, Query.matching(Where.eq("title", value))))
          .extracting(x -> x.id)
          .containsExactly(b.id);
      assertThat(db.findAll(Book.class, Query.matching(Where.like("title", "%" + value))))
          .extracting(x -> x.id)
          .contains(b.id);
    }

    Set<String> titles = new HashSet<>();
    for (Record r : cypher("MATCH (b:Book) RETURN b.title AS t")) {
      titles.add(r.get("t").asString());
    }
    Set<String> roles = new HashSet<>();
    for (Record r : cypher("MATCH (:Book)-[r:BookArticles]->(:Article) RETURN r.role AS role")) {
      roles.add(r.get("role").asString());
    }
    assertThat(titles).containsAll(hostile).contains(keep.title).hasSize(hostile.size() + 1);
    assertThat(roles).containsExactlyInAnyOrderElementsOf(hostile);
    assertThat(cypher("MATCH (n) RETURN count(n) AS n").get(0).get("n").asLong())
        .as("nodes: the books, the article, the sequences")
        .isEqualTo(hostile.size() + 1 + 1 + 2);
  }

  @Test
  void readOperationsAreReadOnlyTransactionsThatSeeEarlierWrites() {
    Book book = db.insert(book("Graphs"));
    AttributeInfo id = new AttributeInfo("id", "id", Long.class, false, true, true);
    ModelInfo books = new ModelInfo("Book", "Book", id, List.of(id), List.of());

    try (StoreSession s = adapter.beginReadOperation()) {
      assertThat(s.findBy(books, "id", List.of(book.id)))
          .as("the insert committed just before")
          .hasSize(1);
      assertThatThrownBy(() -> s.delete(books, List.of(book.id)))
          .isInstanceOf(LiaisonException.class)
          .hasMessageContaining("read");
    }
    try (StoreSession s = adapter.beginOperation()) {
      assertThat(s.findBy(books, "id", List.of(book.id))).hasSize(1);
      s.rollback();
    }
    assertThat(db.find(Book.class, book.id)).as("the refused delete").isPresent();
  }

  @Test
  void identifiersThatBreakThePatternAreRefusedBeforeAnythingRuns() {
    ModelInfo bad =
        new ModelInfo(
            "Bad",
            "Bad`) DETACH DELETE n //",
            new AttributeInfo("id", "id", Long.class, false, true, true),
            List.of(new AttributeInfo("id", "id", Long.class, false, true, true)),
            List.of());
    SchemaInfo schema = new SchemaInfo(List.of(bad), List.of(), List.of(), List.of());
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    assertThatThrownBy(() -> adapter.sync(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a valid identifier");
    try (StoreSession s = adapter.begin()) {
      assertThatThrownBy(() -> s.findBy(bad, "id", List.of(1L)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(statements).as("statements sent").isEmpty();
    assertThatThrownBy(() -> Cypher.q("role`]->() DELETE r //"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- referential actions, emulated

  @Test
  void restrictRefusesDeletingAReferencedNodeAndChangesNothing() {
    Person pat = db.insert(person("Pat"));
    Profile profile = db.insert(profile("Pat's"));
    db.on(pat, PROFILE).set(profile);

    assertThatThrownBy(() -> db.delete(pat))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("delete Person")
        .hasMessageContaining("Profile_personId");

    assertThat(db.find(Person.class, pat.id)).isPresent();
    assertThat(db.on(pat, PROFILE).get()).get().extracting(p -> p.id).isEqualTo(profile.id);
  }

  @Test
  void cascadeFollowsEveryLevelAndRestrictAnywhereRefusesTheWhole() {
    HasMany<Author, Book> books =
        Association.hasMany(Author.class, Book.class).foreignKeyAllowNull(false);
    HasMany<Book, Chapter> chapters =
        Association.hasMany(Book.class, Chapter.class).foreignKeyAllowNull(false);
    Liaison cascading =
        Liaison.builder()
            .schema(
                Schema.builder()
                    .models(Author.class, Book.class, Chapter.class)
                    .associations(books, chapters)
                    .build())
            .store(adapter)
            .build();
    Author ann = cascading.insert(author("Ann"));
    Author bob = cascading.insert(author("Bob"));
    Book annsBook = cascading.on(ann, books).create(book("Ann's"));
    Book bobsBook = cascading.on(bob, books).create(book("Bob's"));
    cascading.on(annsBook, chapters).create(chapter("One"));
    cascading.on(annsBook, chapters).create(chapter("Two"));
    Chapter bobsChapter = cascading.on(bobsBook, chapters).create(chapter("Three"));

    cascading.delete(ann);

    assertThat(cascading.findAll(Book.class)).extracting(b -> b.id).containsExactly(bobsBook.id);
    assertThat(cascading.findAll(Chapter.class))
        .extracting(c -> c.id)
        .containsExactly(bobsChapter.id);

    HasMany<Book, Chapter> restricted = chapters.onDelete(ReferentialAction.RESTRICT);
    EmbeddedNeo4j.clean();
    Liaison guarded =
        Liaison.builder()
            .schema(
                Schema.builder()
                    .models(Author.class, Book.class, Chapter.class)
                    .associations(books, restricted)
                    .build())
            .store(Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver())))
            .build();
    Author cy = guarded.insert(author("Cy"));
    Book cysBook = guarded.on(cy, books).create(book("Cy's"));
    guarded.on(cysBook, restricted).create(chapter("Guarded"));

    assertThatThrownBy(() -> guarded.delete(cy)).isInstanceOf(ConflictException.class);
    assertThat(guarded.findAll(Author.class)).hasSize(1);
    assertThat(guarded.findAll(Book.class)).hasSize(1);
    assertThat(guarded.findAll(Chapter.class)).hasSize(1);
  }

  @Test
  void aForeignKeyToANodeThatDoesNotExistIsAConflict() {
    HasMany<Book, Chapter> chapters = Association.hasMany(Book.class, Chapter.class);
    Liaison withChapters =
        Liaison.builder()
            .schema(
                Schema.builder().models(Book.class, Chapter.class).association(chapters).build())
            .store(adapter)
            .build();
    Chapter orphan = chapter("Orphan");
    orphan.bookId = 4242L;

    assertThatThrownBy(() -> withChapters.insert(orphan))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("4242");
    assertThat(withChapters.findAll(Chapter.class)).isEmpty();
  }

  @Test
  void updateOfAForeignKeyRepointsTheRelationship() {
    HasMany<Book, Chapter> chapters = Association.hasMany(Book.class, Chapter.class);
    Liaison withChapters =
        Liaison.builder()
            .schema(
                Schema.builder().models(Book.class, Chapter.class).association(chapters).build())
            .store(adapter)
            .build();
    Book first = withChapters.insert(book("First"));
    Book second = withChapters.insert(book("Second"));
    Chapter chapter = withChapters.on(first, chapters).create(chapter("Moving"));

    chapter.bookId = second.id;
    withChapters.update(chapter);

    assertThat(withChapters.on(first, chapters).get()).isEmpty();
    assertThat(withChapters.on(second, chapters).get())
        .extracting(c -> c.id)
        .containsExactly(chapter.id);
    assertThat(cypher("MATCH (b:Book)-[:Chapter_bookId]->(:Chapter) RETURN b.id AS b"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("b").asLong()).isEqualTo(second.id));
  }

  @Test
  void onUpdateOfAReferencedKeyIsEmulated() {
    HasMany<Author, Citation> restricted =
        Association.hasMany(Author.class, Citation.class)
            .sourceKey("code")
            .foreignKey("authorCode")
            .onUpdate(ReferentialAction.RESTRICT);
    Liaison guarded =
        Liaison.builder()
            .schema(
                Schema.builder()
                    .models(Author.class, Citation.class)
                    .association(restricted)
                    .build())
            .store(adapter)
            .build();
    Author ann = guarded.insert(author("Ann", "A-1"));
    Author bob = guarded.insert(author("Bob", "B-1"));
    Citation quoted = guarded.insert(citation("quoted"));
    guarded.on(ann, restricted).add(quoted);

    ann.code = "A-2";
    assertThatThrownBy(() -> guarded.update(ann))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("onUpdate RESTRICT");
    assertThat(guarded.find(Author.class, ann.id)).get().extracting(a -> a.code).isEqualTo("A-1");
    bob.code = "B-2";
    guarded.update(bob);
    assertThat(guarded.find(Author.class, bob.id)).get().extracting(a -> a.code).isEqualTo("B-2");

    HasMany<Author, Citation> nulling =
        Association.hasMany(Author.class, Citation.class)
            .sourceKey("code")
            .foreignKey("authorCode")
            .onUpdate(ReferentialAction.SET_NULL);
    EmbeddedNeo4j.clean();
    Liaison loose =
        Liaison.builder()
            .schema(
                Schema.builder().models(Author.class, Citation.class).association(nulling).build())
            .store(Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver())))
            .build();
    Author cy = loose.insert(author("Cy", "C-1"));
    Citation cited = loose.insert(citation("cited"));
    loose.on(cy, nulling).add(cited);

    cy.code = "C-2";
    loose.update(cy);

    assertThat(loose.find(Citation.class, cited.id)).get().extracting(c -> c.authorCode).isNull();
    assertThat(loose.on(cy, nulling).get()).isEmpty();
  }

  @Test
  void onUpdateRestrictOfAJunctionKeyRefusesWhileLinked() {
    BelongsToMany<Author, Publisher> publishers =
        Association.belongsToMany(Author.class, Publisher.class)
            .through("AuthorPublishers")
            .sourceKey("code")
            .targetKey("code")
            .onUpdate(ReferentialAction.RESTRICT);
    Liaison guarded =
        Liaison.builder()
            .schema(
                Schema.builder()
                    .models(Author.class, Publisher.class)
                    .association(publishers)
                    .build())
            .store(adapter)
            .build();
    Author ann = guarded.insert(author("Ann", "A-1"));
    Publisher north = new Publisher();
    north.code = "P-N";
    guarded.insert(north);
    guarded.on(ann, publishers).add(north);

    north.code = "P-S";
    assertThatThrownBy(() -> guarded.update(north)).isInstanceOf(ConflictException.class);
    ann.code = "A-2";
    assertThatThrownBy(() -> guarded.update(ann)).isInstanceOf(ConflictException.class);

    guarded.on(ann, publishers).remove(north);
    guarded.update(north);
    assertThat(guarded.find(Publisher.class, north.id))
        .get()
        .extracting(p -> p.code)
        .isEqualTo("P-S");
  }

  // ---- statements

  @Test
  void anAddProvesBothEndsExistInTheStatementThatWritesTheLinks() {
    Book book = db.insert(book("Graphs"));
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      articles.add(db.insert(article("a" + i)));
    }
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    db.on(book, ARTICLES).addAll(articles, Map.of("role", "editor"));

    assertThat(statements).as("one statement for 50 links, no look-up before it").hasSize(1);
    assertThat(db.on(book, ARTICLES).count()).isEqualTo(50);

    Article missing = article("never stored");
    missing.id = 987_654L;
    List<Article> withMissing = new ArrayList<>(articles.subList(0, 10));
    withMissing.add(missing);
    statements.clear();
    db.transaction(
        tx -> {
          assertThatThrownBy(
                  () -> tx.on(book, ARTICLES).addAll(withMissing, Map.of("role", "reviewer")))
              .isInstanceOf(InvalidCallException.class)
              .hasMessageContaining("987654");
          // the caller's transaction goes on: nothing of the refused add was written, and it can
          // still write
          tx.on(book, ARTICLES).remove(articles.get(49));
          return null;
        });
    assertThat(statements.get(0)).as("the verified write ran first").contains("OPTIONAL MATCH");
    assertThat(
            cypher(
                "MATCH (:Book)-[r:BookArticles]->(:Article) RETURN r.role AS role, count(*) AS n"))
        .extracting(r -> r.get("role").asString() + "=" + r.get("n").asLong())
        .containsExactly("editor=49");
  }

  @Test
  void aSetProvesBothEndsExistInTheStatementThatRemovesTheLinksNotKept() {
    Book book = db.insert(book("Graphs"));
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      articles.add(db.insert(article("a" + i)));
    }
    db.on(book, ARTICLES).addAll(articles.subList(0, 10), Map.of("role", "editor"));
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);

    db.on(book, ARTICLES).set(articles.subList(5, 15), Map.of("role", "reviewer"));

    assertThat(statements)
        .as("one statement proves the ends, removes the others and merges")
        .hasSize(1);
    assertThat(statements.get(0)).contains("OPTIONAL MATCH", "DELETE", "MERGE");
    assertThat(db.on(book, ARTICLES).count(Query.all().through(Where.eq("role", "reviewer"))))
        .isEqualTo(10);
    assertThat(db.on(book, ARTICLES).count()).isEqualTo(10);
    assertThat(
            cypher("MATCH (b:Book)-[:BookArticles]->(a:Article) RETURN a.title AS t ORDER BY a.id"))
        .extracting(r -> r.get("t").asString())
        .containsExactly("a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13", "a14");

    Article missing = article("never stored");
    missing.id = 987_654L;
    List<Article> withMissing = new ArrayList<>(articles.subList(0, 3));
    withMissing.add(missing);
    db.transaction(
        tx -> {
          assertThatThrownBy(() -> tx.on(book, ARTICLES).set(withMissing))
              .isInstanceOf(InvalidCallException.class)
              .hasMessageContaining("987654");
          tx.on(book, ARTICLES).remove(articles.get(14));
          return null;
        });
    assertThat(db.on(book, ARTICLES).count()).as("the refused set removed nothing").isEqualTo(9);
    assertThat(db.on(book, ARTICLES).has(articles.get(5))).isTrue();

    statements.clear();
    db.on(book, ARTICLES).set(List.of());
    assertThat(statements).as("setting no links is one statement too").hasSize(1);
    assertThat(db.on(book, ARTICLES).count()).isZero();
    assertThat(cypher("MATCH (a:Article) RETURN count(a) AS n").get(0).get("n").asLong())
        .as("the targets stay")
        .isEqualTo(20);
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
    // no target's properties (the targets read projects them as t {.*}) and no ordering
    assertThat(statements)
        .singleElement()
        .satisfies(sql -> assertThat(sql).doesNotContain("{.*}", "ORDER BY"));
  }

  // ---- transactions and ids

  @Test
  void aRefusedCallLeavesTheCallersTransactionUsable() {
    Person pat = db.insert(person("Pat"));
    db.on(pat, PROFILE).set(db.insert(profile("Pat's")));
    Tag taken = db.insert(tag("taken"));

    Book written =
        db.transaction(
            tx -> {
              assertThatThrownBy(() -> tx.delete(pat)).isInstanceOf(ConflictException.class);
              Tag clash = tag("clash");
              clash.id = taken.id;
              assertThatThrownBy(() -> tx.insert(clash)).isInstanceOf(ConflictException.class);
              return tx.insert(book("Still fine"));
            });

    assertThat(db.find(Book.class, written.id)).isPresent();
    assertThat(db.find(Person.class, pat.id)).isPresent();
    assertThat(db.find(Tag.class, taken.id)).get().extracting(t -> t.label).isEqualTo("taken");
  }

  @Test
  void generatedIdsAreUniqueAcrossConcurrentTransactions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Long> ids = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    ids.addAll(
                        db.insertAll(List.of(book("a"), book("b"))).stream()
                            .map(b -> b.id)
                            .toList());
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(ids).hasSize(200).doesNotHaveDuplicates();
    assertThat(db.count(Book.class, null)).isEqualTo(200);
  }

  // ---- helpers

  private List<Record> cypher(String query) {
    try (Session s = EmbeddedNeo4j.driver().session()) {
      return s.run(query).list();
    }
  }

  private List<String> schemaObjects() {
    List<String> out = new ArrayList<>();
    for (Record r : cypher("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")) {
      out.add("constraint " + r.get("name").asString());
    }
    for (Record r : cypher("SHOW INDEXES YIELD name RETURN name ORDER BY name")) {
      out.add("index " + r.get("name").asString());
    }
    return out;
  }

  private static Author author(String name) {
    Author a = new Author();
    a.name = name;
    return a;
  }

  private static Author author(String name, String code) {
    Author a = author(name);
    a.code = code;
    return a;
  }

  private static Citation citation(String text) {
    Citation c = new Citation();
    c.text = text;
    return c;
  }

  private static Book book(String title) {
    Book b = new Book();
    b.title = title;
    return b;
  }

  private static Article article(String title) {
    Article a = new Article();
    a.title = title;
    return a;
  }

  private static Chapter chapter(String title) {
    Chapter c = new Chapter();
    c.title = title;
    return c;
  }

  private static Person person(String name) {
    Person p = new Person();
    p.name = name;
    return p;
  }

  private static Profile profile(String bio) {
    Profile p = new Profile();
    p.bio = bio;
    return p;
  }

  private static Comment comment(String body) {
    Comment c = new Comment();
    c.body = body;
    return c;
  }

  private static Tag tag(String label) {
    Tag t = new Tag();
    t.label = label;
    return t;
  }
}

package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.chapter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.Loaded;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Badge;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Essay;
import io.liaison.contract.fixtures.Novel;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Eager loading ({@code findAll({include})}, cheat sheet rules 17-22): include trees of any depth
 * and kind, filters on targets and on through attributes, required includes, the through attributes
 * returned, order, per-parent limits, paging of the roots, one instance per stored row, association
 * filters ({@link Where#has}) that never inflate counts, and one round trip per include whatever
 * the number of parents.
 *
 * <p>The library used by most tests (built by {@link #openLibrary()}):
 *
 * <pre>
 * Ann (A): Graphs 2001 [Nodes editor 1, Edges editor 2], publisher P1, chapters G1, G2
 *          Trees  2002 []
 *          Tables 2003 [Rows editor 1, Nodes reviewer 2]
 * Bob (B): Queries 2005 [Joins author 1, Nodes editor 3], publisher P1
 * Cat (C): no books
 * no author: Loose 1999 []
 * </pre>
 */
public abstract class IncludeContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final BelongsTo<Book, Publisher> PUBLISHER =
      Association.belongsTo(Book.class, Publisher.class);
  static final HasMany<Book, Chapter> CHAPTERS = Association.hasMany(Book.class, Chapter.class);

  /** Round trips allowed per include: one query, for any number of parents. */
  static final int PER_INCLUDE = 1;

  private Liaison db;
  private Author ann;
  private Author bob;
  private Author cat;
  private Book graphs;
  private Book trees;
  private Book tables;
  private Book queries;
  private Book loose;
  private Article nodes;
  private Article edges;
  private Article rows;
  private Article joins;

  @BeforeEach
  void openLibrary() {
    db =
        liaison(
            Schema.builder()
                .models(Author.class, Book.class, Article.class, Publisher.class, Chapter.class)
                .associations(BOOKS, ARTICLES, PUBLISHER, CHAPTERS)
                .build());
    ann = db.insert(author("Ann", "A"));
    bob = db.insert(author("Bob", "B"));
    cat = db.insert(author("Cat", "C"));
    graphs = db.insert(book("Graphs", 2001));
    trees = db.insert(book("Trees", 2002));
    tables = db.insert(book("Tables", 2003));
    queries = db.insert(book("Queries", 2005));
    loose = db.insert(book("Loose", 1999));
    db.on(ann, BOOKS).addAll(List.of(graphs, trees, tables));
    db.on(bob, BOOKS).add(queries);
    nodes = db.insert(article("Nodes"));
    edges = db.insert(article("Edges"));
    rows = db.insert(article("Rows"));
    joins = db.insert(article("Joins"));
    db.on(graphs, ARTICLES).add(nodes, through("editor", 1));
    db.on(graphs, ARTICLES).add(edges, through("editor", 2));
    db.on(tables, ARTICLES).add(rows, through("editor", 1));
    db.on(tables, ARTICLES).add(nodes, through("reviewer", 2));
    db.on(queries, ARTICLES).add(joins, through("author", 1));
    db.on(queries, ARTICLES).add(nodes, through("editor", 3));
    Publisher p1 = new Publisher();
    p1.code = "P1";
    p1.name = "First";
    db.insert(p1);
    db.on(graphs, PUBLISHER).set(p1);
    db.on(queries, PUBLISHER).set(p1);
    db.on(graphs, CHAPTERS).addAll(db.insertAll(List.of(chapter("G1"), chapter("G2"))));
  }

  // ---------------------------------------------------------------- loading

  @Test
  void includeLoadsEachSourcesTargetsWithTheirThroughAttributes() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.all().orderBy(Order.asc("title")),
            Include.of(ARTICLES).orderBy(Order.through("position", true)));

    assertThat(titles(books.list()))
        .containsExactly("Graphs", "Loose", "Queries", "Tables", "Trees");
    Book g = byTitle(books, "Graphs");
    assertThat(describe(books.linkedTargets(g, ARTICLES)))
        .containsExactly("Nodes:editor:1", "Edges:editor:2");
    assertThat(describe(books.linkedTargets(byTitle(books, "Tables"), ARTICLES)))
        .containsExactly("Rows:editor:1", "Nodes:reviewer:2");
    assertThat(describe(books.linkedTargets(byTitle(books, "Queries"), ARTICLES)))
        .containsExactly("Joins:author:1", "Nodes:editor:3");
    assertThat(books.get(byTitle(books, "Trees"), ARTICLES)).isEmpty();
    assertThat(books.get(byTitle(books, "Loose"), ARTICLES)).isEmpty();
    assertThat(books.linkedTargets(g, ARTICLES).get(0).through())
        .containsEntry("bookId", graphs.id)
        .containsEntry("articleId", nodes.id);
  }

  @Test
  void severalIncludesOfEveryKindLoadTogether() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.matching(Where.in("title", List.of("Graphs", "Trees"))),
            List.of(
                Include.of(ARTICLES),
                Include.of(PUBLISHER),
                Include.of(CHAPTERS),
                Include.of(BOOKS.inverse())));

    Book g = byTitle(books, "Graphs");
    Book t = byTitle(books, "Trees");
    assertThat(titlesOfArticles(books.get(g, ARTICLES)))
        .containsExactlyInAnyOrder("Nodes", "Edges");
    assertThat(books.one(g, PUBLISHER)).get().extracting(p -> p.code).isEqualTo("P1");
    assertThat(books.get(g, CHAPTERS))
        .extracting(c -> c.title)
        .containsExactlyInAnyOrder("G1", "G2");
    assertThat(books.one(g, BOOKS.inverse())).get().extracting(a -> a.name).isEqualTo("Ann");
    assertThat(books.get(t, ARTICLES)).isEmpty();
    assertThat(books.one(t, PUBLISHER)).isEmpty();
    assertThat(books.get(t, CHAPTERS)).isEmpty();
    assertThat(books.one(t, BOOKS.inverse())).get().extracting(a -> a.name).isEqualTo("Ann");
  }

  @Test
  void nestedIncludesLoadEveryLevel() {
    Loaded<Author> authors =
        db.findAll(
            Author.class,
            Query.all().orderBy(Order.asc("name")),
            Include.of(BOOKS)
                .orderBy(Order.asc("year"))
                .include(Include.of(ARTICLES).orderBy(Order.asc("title")))
                .include(Include.of(CHAPTERS)));

    assertThat(authors.list()).extracting(a -> a.name).containsExactly("Ann", "Bob", "Cat");
    Author a = authors.list().get(0);
    List<Book> annBooks = authors.get(a, BOOKS);
    assertThat(titles(annBooks)).containsExactly("Graphs", "Trees", "Tables");
    assertThat(titlesOfArticles(authors.get(annBooks.get(0), ARTICLES)))
        .containsExactly("Edges", "Nodes");
    assertThat(authors.get(annBooks.get(0), CHAPTERS)).hasSize(2);
    assertThat(authors.get(annBooks.get(1), ARTICLES)).isEmpty();
    assertThat(titlesOfArticles(authors.get(annBooks.get(2), ARTICLES)))
        .containsExactly("Nodes", "Rows");
    Author b = authors.list().get(1);
    assertThat(titles(authors.get(b, BOOKS))).containsExactly("Queries");
    assertThat(titlesOfArticles(authors.get(authors.get(b, BOOKS).get(0), ARTICLES)))
        .containsExactly("Joins", "Nodes");
    assertThat(authors.get(authors.list().get(2), BOOKS)).isEmpty();
  }

  // ---------------------------------------------------------------- filters and required

  @Test
  void aTargetFilterMakesTheIncludeRequiredAsInSequelize() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.all().orderBy(Order.asc("title")),
            Include.of(ARTICLES).where(Where.like("title", "N%")));

    assertThat(titles(books.list())).containsExactly("Graphs", "Queries", "Tables");
    for (Book b : books) {
      assertThat(titlesOfArticles(books.get(b, ARTICLES))).containsExactly("Nodes");
    }
  }

  @Test
  void requiredFalseKeepsParentsWithoutAMatchingTarget() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.all().orderBy(Order.asc("title")),
            Include.of(ARTICLES).where(Where.like("title", "E%")).required(false));

    assertThat(titles(books.list()))
        .containsExactly("Graphs", "Loose", "Queries", "Tables", "Trees");
    assertThat(titlesOfArticles(books.get(byTitle(books, "Graphs"), ARTICLES)))
        .containsExactly("Edges");
    assertThat(books.get(byTitle(books, "Tables"), ARTICLES)).isEmpty();
  }

  @Test
  void aThroughFilterFiltersLinksButKeepsEveryParent() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.all().orderBy(Order.asc("title")),
            Include.of(ARTICLES).through(Where.eq("role", "reviewer")));

    assertThat(titles(books.list()))
        .containsExactly("Graphs", "Loose", "Queries", "Tables", "Trees");
    assertThat(titlesOfArticles(books.get(byTitle(books, "Tables"), ARTICLES)))
        .containsExactly("Nodes");
    assertThat(books.get(byTitle(books, "Graphs"), ARTICLES)).isEmpty();
    assertThat(books.get(byTitle(books, "Queries"), ARTICLES)).isEmpty();
  }

  @Test
  void aRequiredIncludeKeepsOnlyParentsWithAMatchLikeAnInnerJoin() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.all().orderBy(Order.asc("title")),
            Include.of(ARTICLES).through(Where.eq("role", "editor")).required(true));

    assertThat(titles(books.list())).containsExactly("Graphs", "Queries", "Tables");
    assertThat(titlesOfArticles(books.get(byTitle(books, "Queries"), ARTICLES)))
        .containsExactly("Nodes");
  }

  @Test
  void aRequiredNestedIncludeFiltersItsParentsTargetsAndOnlyThem() {
    Include<Book, Article> reviewed =
        Include.of(ARTICLES).through(Where.eq("role", "reviewer")).required(true);

    Loaded<Author> optionalBooks =
        db.findAll(
            Author.class,
            Query.all().orderBy(Order.asc("name")),
            Include.of(BOOKS).include(reviewed));
    Loaded<Author> requiredBooks =
        db.findAll(
            Author.class,
            Query.all().orderBy(Order.asc("name")),
            Include.of(BOOKS).required(true).include(reviewed));

    assertThat(optionalBooks.list()).extracting(a -> a.name).containsExactly("Ann", "Bob", "Cat");
    assertThat(titles(optionalBooks.get(optionalBooks.list().get(0), BOOKS)))
        .containsExactly("Tables");
    assertThat(optionalBooks.get(optionalBooks.list().get(1), BOOKS)).isEmpty();
    assertThat(requiredBooks.list()).extracting(a -> a.name).containsExactly("Ann");
    Book only = requiredBooks.get(requiredBooks.list().get(0), BOOKS).get(0);
    assertThat(only.title).isEqualTo("Tables");
    assertThat(titlesOfArticles(requiredBooks.get(only, ARTICLES))).containsExactly("Nodes");
  }

  @Test
  void throughAttributesChooseWhatEachLinkCarries() {
    Loaded<Book> some =
        db.findAll(
            Book.class,
            Query.matching(Where.eq("title", "Graphs")),
            Include.of(ARTICLES).throughAttributes("role"));
    Loaded<Book> none =
        db.findAll(
            Book.class,
            Query.matching(Where.eq("title", "Graphs")),
            Include.of(ARTICLES).throughAttributes());

    for (LinkedTarget<Article> l : some.linkedTargets(some.list().get(0), ARTICLES)) {
      assertThat(l.through()).containsOnlyKeys("role").containsEntry("role", "editor");
    }
    assertThat(none.linkedTargets(none.list().get(0), ARTICLES))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.through()).isEmpty());
  }

  @Test
  void includeOrderSortsEachParentsTargetsByTargetOrThroughAttributes() {
    Loaded<Book> byTitleDesc =
        db.findAll(
            Book.class,
            Query.matching(Where.eq("title", "Queries")),
            Include.of(ARTICLES).orderBy(Order.desc("title")));
    Loaded<Book> byPositionDesc =
        db.findAll(
            Book.class,
            Query.matching(Where.eq("title", "Graphs")),
            Include.of(ARTICLES).orderBy(Order.through("position", false)));

    assertThat(titlesOfArticles(byTitleDesc.get(byTitleDesc.list().get(0), ARTICLES)))
        .containsExactly("Nodes", "Joins");
    assertThat(titlesOfArticles(byPositionDesc.get(byPositionDesc.list().get(0), ARTICLES)))
        .containsExactly("Edges", "Nodes");
  }

  // ---------------------------------------------------------------- limits and paging

  @Test
  void anIncludeLimitAppliesPerParentNotInTotal() {
    Loaded<Author> authors =
        db.findAll(
            Author.class,
            Query.all().orderBy(Order.asc("name")),
            Include.of(BOOKS).orderBy(Order.asc("year")).limit(2));

    assertThat(titles(authors.get(authors.list().get(0), BOOKS)))
        .containsExactly("Graphs", "Trees");
    assertThat(titles(authors.get(authors.list().get(1), BOOKS))).containsExactly("Queries");
    assertThat(authors.get(authors.list().get(2), BOOKS)).isEmpty();
  }

  @Test
  void anIncludeLimitBreaksTiesByTargetId() {
    Author dan = db.insert(author("Dan", "D"));
    Author eve = db.insert(author("Eve", "E"));
    List<Book> dans =
        db.insertAll(
            List.of(book("D1", 2000), book("D2", 2000), book("D3", 2000), book("D4", 1999)));
    List<Book> eves = db.insertAll(List.of(book("E1", 2010), book("E2", 2010), book("E3", 2010)));
    db.on(dan, BOOKS).addAll(dans);
    db.on(eve, BOOKS).addAll(eves);
    Query danAndEve =
        Query.matching(Where.in("code", List.of("D", "E"))).orderBy(Order.asc("name"));

    Loaded<Author> firstTwo =
        db.findAll(Author.class, danAndEve, Include.of(BOOKS).orderBy(Order.desc("year")).limit(2));
    Loaded<Author> secondPage =
        db.findAll(
            Author.class,
            danAndEve,
            Include.of(BOOKS).orderBy(Order.desc("year")).offset(2).limit(2));

    List<Book> dansFirst = firstTwo.get(firstTwo.list().get(0), BOOKS);
    List<Book> evesFirst = firstTwo.get(firstTwo.list().get(1), BOOKS);
    assertThat(dansFirst).extracting(b -> b.id).containsExactly(dans.get(0).id, dans.get(1).id);
    assertThat(evesFirst).extracting(b -> b.id).containsExactly(eves.get(0).id, eves.get(1).id);
    assertThat(secondPage.get(secondPage.list().get(0), BOOKS))
        .extracting(b -> b.id)
        .containsExactly(dans.get(2).id, dans.get(3).id);
    assertThat(secondPage.get(secondPage.list().get(1), BOOKS))
        .extracting(b -> b.id)
        .containsExactly(eves.get(2).id);
  }

  @Test
  void anIncludeLimitOnBelongsToManyUsesTheThroughOrder() {
    Loaded<Book> books =
        db.findAll(
            Book.class,
            Query.all().orderBy(Order.asc("title")),
            Include.of(ARTICLES).orderBy(Order.through("position", false)).limit(1));

    assertThat(titlesOfArticles(books.get(byTitle(books, "Graphs"), ARTICLES)))
        .containsExactly("Edges");
    assertThat(titlesOfArticles(books.get(byTitle(books, "Tables"), ARTICLES)))
        .containsExactly("Nodes");
    assertThat(titlesOfArticles(books.get(byTitle(books, "Queries"), ARTICLES)))
        .containsExactly("Nodes");
    assertThat(books.get(byTitle(books, "Trees"), ARTICLES)).isEmpty();
  }

  @Test
  void pagingTheRootsKeepsEveryTargetOfEachRoot() {
    Loaded<Author> first =
        db.findAll(
            Author.class, Query.all().orderBy(Order.asc("name")).limit(1), Include.of(BOOKS));
    Loaded<Author> second =
        db.findAll(
            Author.class,
            Query.all().orderBy(Order.asc("name")).offset(1).limit(1),
            Include.of(BOOKS));

    assertThat(first.list()).extracting(a -> a.name).containsExactly("Ann");
    assertThat(titles(first.get(first.list().get(0), BOOKS)))
        .containsExactlyInAnyOrder("Graphs", "Trees", "Tables");
    assertThat(second.list()).extracting(a -> a.name).containsExactly("Bob");
    assertThat(titles(second.get(second.list().get(0), BOOKS))).containsExactly("Queries");
  }

  @Test
  void pagingTheRootsCountsOnlyRootsThatARequiredIncludeKeeps() {
    Loaded<Author> page =
        db.findAll(
            Author.class,
            Query.all().orderBy(Order.desc("name")).limit(2),
            Include.of(BOOKS).required(true));

    assertThat(page.list()).extracting(a -> a.name).containsExactly("Bob", "Ann");
  }

  // ---------------------------------------------------------------- identity

  @Test
  void everyStoredRowIsOneInstanceWithinAResult() {
    Loaded<Book> books =
        db.findAll(
            Book.class, Query.all(), Include.of(ARTICLES).include(Include.of(ARTICLES.inverse())));

    Article fromGraphs = find(books.get(byTitle(books, "Graphs"), ARTICLES), "Nodes");
    Article fromTables = find(books.get(byTitle(books, "Tables"), ARTICLES), "Nodes");
    Article fromQueries = find(books.get(byTitle(books, "Queries"), ARTICLES), "Nodes");
    assertThat(fromGraphs).isSameAs(fromTables).isSameAs(fromQueries);
    List<Book> backToBooks = books.get(fromGraphs, ARTICLES.inverse());
    assertThat(titles(backToBooks)).containsExactlyInAnyOrder("Graphs", "Tables", "Queries");
    for (Book b : backToBooks) {
      assertThat(b).isSameAs(byTitle(books, b.title));
    }
  }

  @Test
  void targetsAreAskedForWithTheInstancesOfTheResult() {
    Loaded<Book> books = db.findAll(Book.class, Query.all(), Include.of(ARTICLES));
    Book stranger = db.find(Book.class, graphs.id).orElseThrow();

    assertThatThrownBy(() -> books.get(stranger, ARTICLES))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("not an entity of this result");
    assertThatThrownBy(() -> books.get(byTitle(books, "Graphs"), CHAPTERS))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("not included");
  }

  // ---------------------------------------------------------------- association filters

  @Test
  void countWithAnAssociationFilterCountsEachSourceOnce() {
    long editors = db.count(Book.class, Where.has(ARTICLES, null, Where.eq("role", "editor")));
    long withNodes = db.count(Book.class, Where.has(ARTICLES, Where.eq("title", "Nodes")));
    long authorsOfEditedBooks =
        db.count(
            Author.class, Where.has(BOOKS, Where.has(ARTICLES, null, Where.eq("role", "editor"))));

    assertThat(editors).isEqualTo(3);
    assertThat(withNodes).isEqualTo(3);
    assertThat(authorsOfEditedBooks).isEqualTo(2);
  }

  @Test
  void associationFiltersCombineWithNotAndOr() {
    List<Book> without =
        db.findAll(
            Book.class, Query.matching(Where.not(Where.has(ARTICLES))).orderBy(Order.asc("title")));
    List<Book> either =
        db.findAll(
            Book.class,
            Query.matching(Where.has(CHAPTERS).or(Where.has(ARTICLES, Where.eq("title", "Joins"))))
                .orderBy(Order.asc("title")));
    List<Author> noBooks = db.findAll(Author.class, Query.matching(Where.not(Where.has(BOOKS))));

    assertThat(titles(without)).containsExactly("Loose", "Trees");
    assertThat(titles(either)).containsExactly("Graphs", "Queries");
    assertThat(noBooks).extracting(a -> a.name).containsExactly("Cat");
  }

  @Test
  void associationFiltersWorkOnBelongsToAndInsideAssociationQueries() {
    long published = db.count(Book.class, Where.has(PUBLISHER, Where.eq("code", "P1")));
    List<Book> annsWithRows =
        db.on(ann, BOOKS).get(Query.matching(Where.has(ARTICLES, Where.eq("title", "Rows"))));

    assertThat(published).isEqualTo(2);
    assertThat(titles(annsWithRows)).containsExactly("Tables");
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void badIncludesAreRefusedBeforeTheStoreIsAsked() {
    Query all = Query.all();
    int trips =
        roundTrips(
            () -> {
              assertThatThrownBy(
                      () ->
                          db.findAll(Author.class, all, List.of(Include.of(BOOKS), wrongParent())))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContainingAll("Book.articles", "Author");
              assertThatThrownBy(
                      () ->
                          db.findAll(
                              Book.class,
                              all,
                              Include.of(ARTICLES).where(Where.eq("color", "red"))))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContaining("color");
              assertThatThrownBy(() -> db.findAll(Book.class, all, Include.of(PUBLISHER).limit(1)))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContaining("limit");
              assertThatThrownBy(
                      () ->
                          db.findAll(
                              Book.class, all, Include.of(CHAPTERS).through(Where.eq("role", "x"))))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContaining("through");
              assertThatThrownBy(
                      () ->
                          db.findAll(
                              Book.class, all, Include.of(ARTICLES).throughAttributes("rank")))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContaining("rank");
              assertThatThrownBy(() -> db.count(Author.class, Where.has(ARTICLES)))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContainingAll("Book", "Author");
              assertThatThrownBy(
                      () ->
                          db.findAll(
                              Book.class, all, Include.of(ARTICLES).through(Where.has(CHAPTERS))))
                  .isInstanceOf(InvalidCallException.class)
                  .hasMessageContaining("through");
            });
    assertThat(trips).as("round trips of refused calls").isZero();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Include<Author, ?> wrongParent() {
    return (Include) Include.of(ARTICLES);
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void anEmptyResultAsksTheStoreOnce() {
    int trips =
        roundTrips(
            () ->
                assertThat(
                        db.findAll(
                            Book.class,
                            Query.matching(Where.eq("title", "none")),
                            Include.of(ARTICLES).include(Include.of(ARTICLES.inverse()))))
                    .isEmpty());

    assertThat(trips).isEqualTo(1);
  }

  @Test
  void anIncludeTreeCostsOneRoundTripPerIncludeFor1And100Parents() {
    List<Book> many = db.insertAll(Samples.books("many", 100));
    List<Article> articles = db.insertAll(List.of(article("A1"), article("A2")));
    for (Book b : many) {
      db.on(b, ARTICLES).addAll(articles, through("editor", 1));
    }
    Include<Book, Article> tree = Include.of(ARTICLES).include(Include.of(ARTICLES.inverse()));
    Include<Book, Publisher> publisher = Include.of(PUBLISHER);

    List<Loaded<Book>> results = new ArrayList<>();
    int one =
        roundTrips(
            () ->
                results.add(
                    db.findAll(
                        Book.class,
                        Query.matching(Where.eq("title", "many-0000")),
                        List.of(tree, publisher))));
    int hundred =
        roundTrips(
            () ->
                results.add(
                    db.findAll(
                        Book.class,
                        Query.matching(Where.like("title", "many-%")),
                        List.of(tree, publisher))));

    assertThat(results.get(0).list()).hasSize(1);
    assertThat(results.get(1).list()).hasSize(100);
    Book last = results.get(1).list().get(99);
    assertThat(results.get(1).get(last, ARTICLES)).hasSize(2);
    assertThat(results.get(1).get(results.get(1).get(last, ARTICLES).get(0), ARTICLES.inverse()))
        .hasSize(100);
    assertThat(one).as("round trips for 1 parent").isLessThanOrEqualTo(1 + 3 * PER_INCLUDE);
    assertThat(hundred).as("round trips for 100 parents (%d for 1)", one).isEqualTo(one);
  }

  @Test
  void aDepthThreeIncludeOver10000ParentsCostsThreeRoundTripsBeyondTheRoot() {
    HasMany<Person, Novel> novels =
        Association.hasMany(Person.class, Novel.class).foreignKey("authorId");
    HasMany<Novel, Essay> essays =
        Association.hasMany(Novel.class, Essay.class).foreignKey("writerId");
    HasMany<Essay, Badge> badges =
        Association.hasMany(Essay.class, Badge.class).foreignKey("holderId");
    Liaison deep =
        liaison(
            Schema.builder()
                .models(Person.class, Novel.class, Essay.class, Badge.class)
                .associations(novels, essays, badges)
                .build());
    int n = 10_000;
    List<Person> people = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      people.add(Samples.person("person " + i));
    }
    deep.insertAll(people);
    List<Novel> novelList = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Novel x = Samples.novel("novel " + i);
      x.authorId = people.get(i).id;
      novelList.add(x);
    }
    deep.insertAll(novelList);
    List<Essay> essayList = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Essay e = Samples.essay("essay " + i);
      e.writerId = novelList.get(i).id;
      essayList.add(e);
    }
    deep.insertAll(essayList);
    List<Badge> badgeList = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Badge b = Samples.badge("badge " + i);
      b.holderId = essayList.get(i).id;
      badgeList.add(b);
    }
    deep.insertAll(badgeList);

    List<Loaded<Person>> result = new ArrayList<>();
    int trips =
        roundTrips(
            () ->
                result.add(
                    deep.findAll(
                        Person.class,
                        Query.all(),
                        Include.of(novels)
                            .include(Include.of(essays).include(Include.of(badges))))));

    Loaded<Person> loaded = result.get(0);
    assertThat(loaded.list()).hasSize(n);
    int complete = 0;
    for (Person p : loaded) {
      List<Novel> ns = loaded.get(p, novels);
      List<Essay> es = ns.size() == 1 ? loaded.get(ns.get(0), essays) : List.of();
      List<Badge> bs = es.size() == 1 ? loaded.get(es.get(0), badges) : List.of();
      if (bs.size() == 1
          && bs.get(0).label.equals("badge " + p.name.substring("person ".length()))) {
        complete++;
      }
    }
    assertThat(complete).as("people with their novel, essay and badge").isEqualTo(n);
    assertThat(trips)
        .as("round trips: the root query plus one per include level")
        .isLessThanOrEqualTo(1 + 3);
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, Object> through(String role, int position) {
    return Map.of("role", role, "position", position);
  }

  private static List<String> titles(List<Book> books) {
    return books.stream().map(b -> b.title).toList();
  }

  private static List<String> titlesOfArticles(List<Article> articles) {
    return articles.stream().map(a -> a.title).toList();
  }

  private static List<String> describe(List<LinkedTarget<Article>> links) {
    return links.stream()
        .map(l -> l.target().title + ":" + l.through("role") + ":" + l.through("position"))
        .toList();
  }

  private static Book byTitle(Loaded<Book> books, String title) {
    return books.list().stream().filter(b -> b.title.equals(title)).findFirst().orElseThrow();
  }

  private static Article find(List<Article> articles, String title) {
    return articles.stream().filter(a -> a.title.equals(title)).findFirst().orElseThrow();
  }
}

package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Liaison;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Shade;
import io.liaison.contract.fixtures.Specimen;
import io.liaison.contract.fixtures.Tag;
import io.liaison.contract.fixtures.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entities without associations: ids (store-generated Long, Liaison-generated or given UUID, given
 * String), insert, find, query, count, update, delete; every {@link Where} operator; values that
 * look like SQL or Cypher; every supported attribute type.
 */
public abstract class EntityContract extends ContractGroup {

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /** Values that break a store which splices them into its query text. */
  static final List<String> HOSTILE =
      List.of(
          "O'Brien\"); DROP TABLE x;--",
          "}) DETACH DELETE n //",
          "' OR '1'='1",
          "\\'; MATCH (n) DETACH DELETE n; //",
          "$1 :param {x} `Book` \"Book\" [Book]",
          "line one\nline two\ttab, Zoë 東京 🚀");

  private Liaison db;

  @BeforeEach
  void openLiaison() {
    db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class, User.class, Tag.class, Specimen.class)
                .association(ARTICLES)
                .build());
  }

  // ---- ids and insert

  @Test
  void insertAssignsStoreGeneratedLongIds() {
    Book first = db.insert(book("First", 2001));
    Book second = db.insert(book("Second", 2002));

    assertThat(first.id).isNotNull();
    assertThat(second.id).isNotNull().isNotEqualTo(first.id);
    assertThat(db.find(Book.class, first.id)).get().extracting(b -> b.title).isEqualTo("First");
    assertThat(db.find(Book.class, second.id)).get().extracting(b -> b.title).isEqualTo("Second");
  }

  @Test
  void insertReturnsTheSameInstance() {
    Book book = book("Same", 2000);

    assertThat(db.insert(book)).isSameAs(book);
  }

  @Test
  void uuidIdLeftNullIsGeneratedByLiaison() {
    User user = db.insert(user("Ada"));

    assertThat(user.id).isNotNull();
    assertThat(db.find(User.class, user.id)).get().extracting(u -> u.name).isEqualTo("Ada");
  }

  @Test
  void uuidIdGivenByTheAppIsKept() {
    UUID given = UUID.randomUUID();
    User user = user("Grace");
    user.id = given;

    db.insert(user);

    assertThat(user.id).isEqualTo(given);
    assertThat(db.find(User.class, given)).get().extracting(u -> u.name).isEqualTo("Grace");
  }

  @Test
  void stringIdGivenByTheAppIsKept() {
    Tag tag = tag("graph-db", "Graph databases");

    db.insert(tag);

    assertThat(tag.id).isEqualTo("graph-db");
    assertThat(db.find(Tag.class, "graph-db"))
        .get()
        .extracting(t -> t.label)
        .isEqualTo("Graph databases");
  }

  @Test
  void stringIdLeftNullIsGeneratedByLiaison() {
    Tag first = db.insert(tag(null, "first"));
    Tag second = db.insert(tag(null, "second"));

    assertThat(first.id).isNotBlank();
    assertThat(second.id).isNotBlank().isNotEqualTo(first.id);
    assertThat(db.find(Tag.class, first.id)).get().extracting(t -> t.label).isEqualTo("first");
  }

  @Test
  void insertAllInsertsEveryEntityAndReturnsTheSameInstancesInOrder() {
    List<Book> books = List.of(book("One", 1), book("Two", 2), book("Three", 3));

    List<Book> inserted = db.insertAll(books);

    assertThat(inserted).hasSize(3);
    for (int i = 0; i < books.size(); i++) {
      assertThat(inserted.get(i)).isSameAs(books.get(i));
      assertThat(books.get(i).id).isNotNull();
    }
    assertThat(books).extracting(b -> b.id).doesNotHaveDuplicates();
    assertThat(db.findAll(Book.class))
        .extracting(b -> b.id + " " + b.title)
        .containsExactlyInAnyOrderElementsOf(
            books.stream().map(b -> b.id + " " + b.title).toList());
  }

  @Test
  void insertAllGeneratesUuidIdsLeftNullAndKeepsGivenOnes() {
    UUID given = UUID.randomUUID();
    User kept = user("Kept");
    kept.id = given;

    db.insertAll(List.of(user("New"), kept));

    assertThat(kept.id).isEqualTo(given);
    assertThat(db.findAll(User.class))
        .extracting(u -> u.name)
        .containsExactlyInAnyOrder("New", "Kept");
    assertThat(db.findAll(User.class)).extracting(u -> u.id).doesNotContainNull().contains(given);
  }

  // ---- find, query, count

  @Test
  void findReturnsTheStoredAttributes() {
    Book stored = db.insert(book("Stored", 1999));

    Book found = db.find(Book.class, stored.id).orElseThrow();

    assertThat(found).isNotSameAs(stored);
    assertThat(found.id).isEqualTo(stored.id);
    assertThat(found.title).isEqualTo("Stored");
    assertThat(found.year).isEqualTo(1999);
  }

  @Test
  void findOfAnIdThatDoesNotExistIsEmpty() {
    Book stored = db.insert(book("Only", 1));

    assertThat(db.find(Book.class, stored.id + 1000)).isEmpty();
  }

  @Test
  void findAllReturnsEveryEntityOfTheModelOnly() {
    db.insertAll(List.of(book("A", 1), book("B", 2)));
    db.insert(article("Not a book"));

    assertThat(db.findAll(Book.class)).extracting(b -> b.title).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void findAllAppliesWhereOrderLimitAndOffset() {
    List<Book> books = db.insertAll(library());
    Query query =
        Query.matching(Where.notNull("year")).orderBy(Order.desc("year")).limit(2).offset(1);

    List<Book> found = db.findAll(Book.class, query);

    List<String> expected =
        books.stream()
            .filter(b -> b.year != null)
            .sorted(Comparator.comparing((Book b) -> b.year).reversed())
            .skip(1)
            .limit(2)
            .map(b -> b.title)
            .toList();
    assertThat(found).extracting(b -> b.title).containsExactlyElementsOf(expected);
  }

  @Test
  void findAllOrdersByEveryGivenKey() {
    List<Book> books =
        db.insertAll(List.of(book("B", 2000), book("A", 2000), book("C", 1990), book("D", 2010)));

    List<Book> found =
        db.findAll(Book.class, Query.all().orderBy(Order.asc("year"), Order.desc("title")));

    List<String> expected =
        books.stream()
            .sorted(
                Comparator.comparing((Book b) -> b.year)
                    .thenComparing(b -> b.title, Comparator.reverseOrder()))
            .map(b -> b.title)
            .toList();
    assertThat(found).extracting(b -> b.title).containsExactlyElementsOf(expected);
  }

  @Test
  void countCountsTheMatchingEntities() {
    List<Book> books = db.insertAll(library());

    long expected = books.stream().filter(b -> b.year != null && b.year >= 2003).count();
    assertThat(db.count(Book.class, Where.gte("year", 2003))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void whereOperatorsSelectTheSameEntitiesOnEveryStore(
      String description, Where where, Predicate<Book> expected) {
    List<Book> books = db.insertAll(library());

    List<String> found =
        db.findAll(Book.class, Query.matching(where)).stream().map(b -> b.title).toList();

    assertThat(found)
        .as(description)
        .containsExactlyInAnyOrderElementsOf(
            books.stream().filter(expected).map(b -> b.title).toList());
    assertThat(db.count(Book.class, where)).as("count " + description).isEqualTo(found.size());
  }

  /**
   * Each operator with the matches written out in Java. Comparisons follow SQL's three-valued
   * logic, which Cypher shares: a comparison with null is unknown, so {@code ne}, {@code notIn} and
   * {@code not} never select a null attribute.
   */
  static Stream<Arguments> operators() {
    return Stream.of(
        op("eq string", Where.eq("title", "Graph Theory"), b -> "Graph Theory".equals(b.title)),
        op("eq number", Where.eq("year", 2015), b -> Objects.equals(b.year, 2015)),
        op("eq null is isNull", Where.eq("year", null), b -> b.year == null),
        op("ne", Where.ne("year", 2015), b -> b.year != null && b.year != 2015),
        op("gt", Where.gt("year", 2010), b -> b.year != null && b.year > 2010),
        op("gte", Where.gte("year", 2010), b -> b.year != null && b.year >= 2010),
        op("lt", Where.lt("year", 2010), b -> b.year != null && b.year < 2010),
        op("lte", Where.lte("year", 2010), b -> b.year != null && b.year <= 2010),
        op(
            "gt on strings",
            Where.gt("title", "Graph Theory"),
            b -> b.title.compareTo("Graph Theory") > 0),
        op(
            "in",
            Where.in("year", List.of(1990, 2003, 1234)),
            b -> b.year != null && List.of(1990, 2003).contains(b.year)),
        op("in an empty list", Where.in("year", List.of()), b -> false),
        op(
            "notIn",
            Where.notIn("year", List.of(1990, 2003)),
            b -> b.year != null && !List.of(1990, 2003).contains(b.year)),
        op("like prefix", Where.like("title", "Graph%"), b -> b.title.startsWith("Graph")),
        op("like is case-sensitive", Where.like("title", "%base%"), b -> b.title.contains("base")),
        op("like one character", Where.like("title", "Se_uel"), b -> b.title.matches("Se.uel")),
        op(
            "like with regex characters",
            Where.like("title", "%(2nd ed.)"),
            b -> b.title.endsWith("(2nd ed.)")),
        op("isNull", Where.isNull("year"), b -> b.year == null),
        op("notNull", Where.notNull("year"), b -> b.year != null),
        op(
            "and",
            Where.gt("year", 2000).and(Where.like("title", "Graph%")),
            b -> b.year != null && b.year > 2000 && b.title.startsWith("Graph")),
        op(
            "allOf",
            Where.allOf(
                Where.gte("year", 1990), Where.lte("year", 2010), Where.ne("title", "SQL Basics")),
            b ->
                b.year != null
                    && b.year >= 1990
                    && b.year <= 2010
                    && !b.title.equals("SQL Basics")),
        op(
            "or",
            Where.eq("year", 1990).or(Where.isNull("year")),
            b -> b.year == null || b.year == 1990),
        op(
            "anyOf",
            Where.anyOf(
                Where.eq("title", "Sequel"), Where.gt("year", 2015), Where.lt("year", 1995)),
            b -> b.title.equals("Sequel") || (b.year != null && (b.year > 2015 || b.year < 1995))),
        op("not", Where.not(Where.like("title", "Graph%")), b -> !b.title.startsWith("Graph")),
        op(
            "not of a comparison with null",
            Where.not(Where.gt("year", 2010)),
            b -> b.year != null && b.year <= 2010),
        op(
            "not of or",
            Where.not(Where.eq("year", 1990).or(Where.eq("year", 2015))),
            b -> b.year != null && b.year != 1990 && b.year != 2015),
        op(
            "nested and/or",
            Where.anyOf(
                Where.allOf(Where.like("title", "%a%"), Where.lt("year", 2005)),
                Where.eq("title", "Cypher_Manual")),
            b ->
                (b.title.contains("a") && b.year != null && b.year < 2005)
                    || b.title.equals("Cypher_Manual")));
  }

  private static Arguments op(String description, Where where, Predicate<Book> expected) {
    return Arguments.of(description, where, expected);
  }

  // ---- update and delete

  @Test
  void updateWritesEveryAttribute() {
    Book changed = db.insert(book("Draft", 1999));
    Book other = db.insert(book("Other", 1999));
    changed.title = "Final";
    changed.year = 2024;

    assertThat(db.update(changed)).isSameAs(changed);

    Book found = db.find(Book.class, changed.id).orElseThrow();
    assertThat(found.title).isEqualTo("Final");
    assertThat(found.year).isEqualTo(2024);
    assertThat(db.find(Book.class, other.id).orElseThrow().title).isEqualTo("Other");
  }

  @Test
  void updateWritesNullAttributes() {
    Book book = db.insert(book("Dated", 1999));
    book.year = null;

    db.update(book);

    assertThat(db.find(Book.class, book.id).orElseThrow().year).isNull();
  }

  @Test
  void deleteOfAnEntityRemovesItOnly() {
    Book gone = db.insert(book("Gone", 1));
    Book kept = db.insert(book("Kept", 2));

    db.delete(gone);

    assertThat(db.find(Book.class, gone.id)).isEmpty();
    assertThat(db.findAll(Book.class)).extracting(b -> b.id).containsExactly(kept.id);
  }

  @Test
  void deleteByModelAndIdRemovesItOnly() {
    Book gone = db.insert(book("Gone", 1));
    Book kept = db.insert(book("Kept", 2));

    db.delete(Book.class, gone.id);

    assertThat(db.find(Book.class, gone.id)).isEmpty();
    assertThat(db.findAll(Book.class)).extracting(b -> b.id).containsExactly(kept.id);
  }

  @Test
  void deleteOfAUuidKeyedEntityRemovesIt() {
    User gone = db.insert(user("Gone"));
    User kept = db.insert(user("Kept"));

    db.delete(User.class, gone.id);

    assertThat(db.findAll(User.class)).extracting(u -> u.id).containsExactly(kept.id);
  }

  // ---- hostile values and types

  @ParameterizedTest
  @MethodSource("hostileValues")
  void valuesWithQuerySyntaxAreStoredAndReadBackVerbatim(String value) {
    Book book = db.insert(book(value, 1));
    Book other = db.insert(book("Other", 2));

    assertThat(db.find(Book.class, book.id).orElseThrow().title).isEqualTo(value);
    assertThat(db.findAll(Book.class, Query.matching(Where.eq("title", value))))
        .extracting(b -> b.id)
        .containsExactly(book.id);
    assertThat(db.findAll(Book.class))
        .extracting(b -> b.id)
        .containsExactlyInAnyOrder(book.id, other.id);
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void valuesWithQuerySyntaxInLikePatternsMatchLiterally(String value) {
    Book book = db.insert(book("prefix " + value, 1));
    db.insert(book("prefix plain", 2));

    assertThat(db.findAll(Book.class, Query.matching(Where.like("title", "%" + value))))
        .extracting(b -> b.id)
        .containsExactly(book.id);
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void valuesWithQuerySyntaxInThroughAttributesAreStoredVerbatim(String value) {
    Book book = db.insert(book("Linked", 1));
    Article article = db.insert(article("Article"));

    db.on(book, ARTICLES).add(article, Map.of("role", value));

    assertThat(db.on(book, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(link -> assertThat(link.through("role")).isEqualTo(value));
    assertThat(db.on(book, ARTICLES).get(Query.all().through(Where.eq("role", value))))
        .extracting(a -> a.id)
        .containsExactly(article.id);
  }

  static Stream<String> hostileValues() {
    return HOSTILE.stream();
  }

  @Test
  void everySupportedAttributeTypeRoundTrips() {
    Specimen stored = db.insert(specimen());

    Specimen found = db.find(Specimen.class, stored.id).orElseThrow();

    assertThat(found.text).isEqualTo(stored.text);
    assertThat(found.quantity).isEqualTo(stored.quantity);
    assertThat(found.big).isEqualTo(stored.big);
    assertThat(found.ratio).isEqualTo(stored.ratio);
    assertThat(found.flag).isEqualTo(stored.flag);
    // A store may keep more decimal places than given (DECIMAL(p, s)): the number must be equal.
    assertThat(found.amount).isEqualByComparingTo(stored.amount);
    assertThat(found.day).isEqualTo(stored.day);
    assertThat(found.at).isEqualTo(stored.at);
    assertThat(found.ref).isEqualTo(stored.ref);
    assertThat(found.shade).isEqualTo(stored.shade);
  }

  @Test
  void nullAttributesOfEverySupportedTypeRoundTrip() {
    Specimen stored = db.insert(new Specimen());

    Specimen found = db.find(Specimen.class, stored.id).orElseThrow();

    Map<String, Object> attributes = StoreState.fields(found);
    attributes.remove("id");
    assertThat(attributes)
        .isNotEmpty()
        .allSatisfy((name, value) -> assertThat(value).as(name).isNull());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text", "quantity", "big", "ratio", "flag", "amount", "day", "at", "ref", "shade"})
  void everySupportedAttributeTypeCanBeMatchedByEquality(String attribute)
      throws ReflectiveOperationException {
    Specimen wanted = db.insert(specimen());
    Specimen other = db.insert(otherSpecimen());
    Object value = Specimen.class.getField(attribute).get(wanted);

    assertThat(db.findAll(Specimen.class, Query.matching(Where.eq(attribute, value))))
        .extracting(s -> s.id)
        .containsExactly(wanted.id);
    assertThat(db.findAll(Specimen.class, Query.matching(Where.ne(attribute, value))))
        .extracting(s -> s.id)
        .containsExactly(other.id);
  }

  // ---- data

  /** Books whose titles and years exercise every operator, one with a null year. */
  private static List<Book> library() {
    List<Book> books = new ArrayList<>();
    books.add(book("Graph Databases", 2015));
    books.add(book("Graph Theory", 1990));
    books.add(book("SQL Basics", 2003));
    books.add(book("Sequel", null));
    books.add(book("Cypher_Manual", 2019));
    books.add(book("100% Java", 2010));
    books.add(book("Data Modeling (2nd ed.)", 2005));
    books.add(book("Sebuel", 1994));
    return books;
  }

  private static Specimen specimen() {
    Specimen s = new Specimen();
    s.text = "Zoë 東京 🚀 'quoted'";
    s.quantity = Integer.MIN_VALUE;
    // Beyond 2^53: a store that passes numbers through a double would lose the last digit.
    s.big = 9_007_199_254_740_993L;
    s.ratio = 1234.5678;
    s.flag = Boolean.TRUE;
    s.amount = new BigDecimal("12345678.90");
    s.day = LocalDate.of(2024, 2, 29);
    s.at = Instant.parse("2024-02-29T13:45:30.123456Z");
    s.ref = UUID.randomUUID();
    s.shade = Shade.DARK;
    return s;
  }

  private static Specimen otherSpecimen() {
    Specimen s = new Specimen();
    s.text = "plain";
    s.quantity = 7;
    s.big = 9_007_199_254_740_992L;
    s.ratio = -0.5;
    s.flag = Boolean.FALSE;
    s.amount = new BigDecimal("0.01");
    s.day = LocalDate.of(1999, 12, 31);
    s.at = Instant.parse("1999-12-31T23:59:59Z");
    s.ref = UUID.randomUUID();
    s.shade = Shade.LIGHT;
    return s;
  }

  private static Book book(String title, Integer year) {
    Book b = new Book();
    b.title = title;
    b.year = year;
    return b;
  }

  private static User user(String name) {
    User u = new User();
    u.name = name;
    return u;
  }

  private static Tag tag(String id, String label) {
    Tag t = new Tag();
    t.id = id;
    t.label = label;
    return t;
  }
}

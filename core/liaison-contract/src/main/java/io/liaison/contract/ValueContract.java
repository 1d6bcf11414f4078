package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.LinkedTarget;
import io.liaison.NewLink;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Measure;
import io.liaison.contract.fixtures.Tag;
import io.liaison.spi.Capability;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cheat sheet rule 13, values: a value is stored (or compared) exactly as given, or refused with
 * {@link InvalidCallException} naming the model, the attribute and the value, before anything is
 * written or queried, so the store is unchanged. Numbers convert between types only without loss
 * (no BigInteger narrowed to a long, no fraction dropped, no double rounded to a float); text
 * holding NUL or an unpaired UTF-16 surrogate is refused on every store, since PostgreSQL and Neo4j
 * would not keep it. Each case runs on every path a value takes: entity attributes, through values,
 * ids, link ids, entity and association filters, through filters, {@code Where.has} and include
 * filters.
 */
public abstract class ValueContract extends ContractGroup {

  static final HasMany<Author, Measure> MEASURES = Association.hasMany(Author.class, Measure.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /** Parallel links, each with its own id; in the schema only where the store has them. */
  static final BelongsToMany<Book, Article> CITED =
      Association.belongsToMany(Book.class, Article.class)
          .as("cited")
          .inverseAs("citedBy")
          .through("BookCitedArticles")
          .unique(false);

  static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private static final List<Class<?>> MODELS =
      List.of(Author.class, Measure.class, Book.class, Article.class, Tag.class);

  private Liaison db;
  private List<Association<?, ?>> associations;
  private Author ann;
  private Measure first;
  private Book graphs;
  private Article linked;
  private Article spare;

  @BeforeEach
  void fillStore() {
    boolean parallel = adapter().capabilities().contains(Capability.PARALLEL_LINKS);
    Schema.Builder schema =
        Schema.builder().models(MODELS.toArray(Class<?>[]::new)).associations(MEASURES, ARTICLES);
    associations = new ArrayList<>(List.of(MEASURES, ARTICLES));
    if (parallel) {
      schema.association(CITED);
      associations.add(CITED);
    }
    db = liaison(schema.build());

    ann = db.insert(author("Ann"));
    db.insert(author("Bob"));
    first = db.insert(measure("first", 1));
    db.insert(measure("second", 2));
    db.on(ann, MEASURES).add(first);
    graphs = db.insert(book("Graphs"));
    linked = db.insert(article("Linked"));
    spare = db.insert(article("Spare"));
    db.on(graphs, ARTICLES).add(linked, Map.of("role", "editor", "position", 1));
    Tag tag = new Tag();
    tag.id = "t1";
    tag.label = "first tag";
    db.insert(tag);
    if (parallel) {
      db.on(graphs, CITED).add(linked);
      db.on(graphs, CITED).add(linked);
    }
  }

  // ---- the tables

  /**
   * A Measure attribute, a value that would not be stored as given, and how the message shows that
   * value.
   */
  static Stream<Arguments> lossyValues() {
    return Stream.of(
        Arguments.of("total", TWO_64.add(BigInteger.ONE), "18446744073709551617"),
        Arguments.of("total", new BigDecimal("9223372036854775808"), "9223372036854775808"),
        Arguments.of("count", Integer.MAX_VALUE + 1L, "2147483648"),
        Arguments.of("count", new BigDecimal("2.5"), "2.5"),
        Arguments.of("notch", 40_000, "40000"),
        Arguments.of("ratio", (1L << 53) + 1, "9007199254740993"),
        Arguments.of("level", 0.1d, "0.1"),
        Arguments.of("level", (1 << 24) + 1, "16777217"),
        Arguments.of("amount", Double.NaN, "NaN"),
        Arguments.of("ref", "1-1-1-1-1", "'1-1-1-1-1'"),
        Arguments.of("label", "a\u0000b", "'a\\u0000b'"),
        Arguments.of("label", "x\uD800y", "'x\\uD800y'"));
  }

  /**
   * A BookArticles attribute (Integer position, String role), a value that would change, its text
   * in messages.
   */
  static Stream<Arguments> lossyThroughValues() {
    return Stream.of(
        Arguments.of("position", Integer.MAX_VALUE + 1L, "2147483648"),
        Arguments.of("position", TWO_64.add(BigInteger.ONE), "18446744073709551617"),
        Arguments.of("position", new BigDecimal("1.5"), "1.5"),
        Arguments.of("role", "a\u0000", "'a\\u0000'"),
        Arguments.of("role", "\uDFFF low", "'\\uDFFF low'"));
  }

  /** Text no supported store keeps as given, and how messages show it. */
  static Stream<Arguments> textNoStoreKeeps() {
    return Stream.of(
        Arguments.of("a\u0000b", "'a\\u0000b'"),
        Arguments.of("lone \uD800 high", "'lone \\uD800 high'"),
        Arguments.of("\uDC00 lone low", "'\\uDC00 lone low'"),
        Arguments.of("cut pair \uD83D", "'cut pair \\uD83D'"));
  }

  // ---- filters

  @ParameterizedTest
  @MethodSource("lossyValues")
  void lossyValueInAnEntityFilterIsRefused(String attribute, Object value, String shown) {
    String[] named = {"Measure." + attribute, shown};
    assertRefused(
        () -> db.findAll(Measure.class, Query.matching(Where.eq(attribute, value))), named);
    assertRefused(() -> db.count(Measure.class, Where.ne(attribute, value)), named);
    assertRefused(
        () -> db.findAll(Measure.class, Query.matching(Where.gt(attribute, value))), named);
    assertRefused(
        () -> db.findAll(Measure.class, Query.matching(Where.not(Where.lte(attribute, value)))),
        named);
    assertRefused(
        () -> db.findAll(Measure.class, Query.matching(Where.in(attribute, List.of(value)))),
        named);
    assertRefused(() -> db.count(Measure.class, Where.notIn(attribute, List.of(value))), named);
    assertRefused(
        () ->
            db.count(
                Measure.class, Where.anyOf(Where.isNull(attribute), Where.eq(attribute, value))),
        named);
  }

  @ParameterizedTest
  @MethodSource("lossyValues")
  void lossyValueInAnAssociationFilterIsRefused(String attribute, Object value, String shown) {
    String[] named = {"Measure." + attribute, shown};
    Where where = Where.eq(attribute, value);
    assertRefused(() -> db.on(ann, MEASURES).get(Query.matching(where)), named);
    assertRefused(() -> db.on(ann, MEASURES).count(Query.matching(where)), named);
    assertRefused(
        () -> db.batch(MEASURES).linkedTargets(List.of(ann), Query.matching(where)), named);
    assertRefused(() -> db.batch(MEASURES).count(List.of(ann), Query.matching(where)), named);
    assertRefused(
        () -> db.findAll(Author.class, Query.matching(Where.has(MEASURES, where))), named);
    assertRefused(() -> db.count(Author.class, Where.has(MEASURES, where)), named);
    assertRefused(
        () -> db.findAll(Author.class, Query.all(), Include.of(MEASURES).where(where)), named);
  }

  @ParameterizedTest
  @MethodSource("lossyThroughValues")
  void lossyValueInAThroughFilterIsRefused(String attribute, Object value, String shown) {
    String[] named = {"BookArticles", attribute, shown};
    Query query = Query.all().through(Where.eq(attribute, value));
    assertRefused(() -> db.on(graphs, ARTICLES).get(query), named);
    assertRefused(() -> db.on(graphs, ARTICLES).linkedTargets(query), named);
    assertRefused(() -> db.on(graphs, ARTICLES).count(query), named);
    assertRefused(() -> db.batch(ARTICLES).count(List.of(graphs), query), named);
    assertRefused(
        () ->
            db.findAll(
                Book.class,
                Query.matching(
                    Where.has(ARTICLES, Where.notNull("title"), Where.eq(attribute, value)))),
        named);
    assertRefused(
        () ->
            db.findAll(
                Book.class, Query.all(), Include.of(ARTICLES).through(Where.eq(attribute, value))),
        named);
  }

  @ParameterizedTest
  @MethodSource("textNoStoreKeeps")
  void textNoStoreKeepsIsRefusedAsALikePattern(String text, String shown) {
    assertRefused(
        () -> db.findAll(Measure.class, Query.matching(Where.like("label", text))),
        "Measure.label",
        shown);
  }

  // ---- writes

  @ParameterizedTest
  @MethodSource("textNoStoreKeeps")
  void textNoStoreKeepsIsRefusedOnEveryEntityWrite(String text, String shown) {
    assertRefused(() -> db.insert(measure(text, 3)), "insert", "Measure.label", shown);
    assertRefused(
        () -> db.insertAll(List.of(measure("fine", 4), measure(text, 5))), "Measure.label", shown);
    first.label = text;
    assertRefused(() -> db.update(first), "update", "Measure.label", shown);
    assertRefused(
        () -> db.on(ann, MEASURES).create(measure(text, 6)), "create", "Measure.label", shown);
    Tag tag = new Tag();
    tag.id = text;
    assertRefused(() -> db.insert(tag), "Tag.id", shown);
  }

  @ParameterizedTest
  @MethodSource("lossyThroughValues")
  void lossyThroughValueIsRefusedOnEveryLinkWrite(String attribute, Object value, String shown) {
    String[] named = {"BookArticles", attribute, shown};
    Map<String, Object> through = Map.of(attribute, value);
    assertRefused(() -> db.on(graphs, ARTICLES).add(spare, through), named);
    assertRefused(() -> db.on(graphs, ARTICLES).add(linked, through), named);
    assertRefused(() -> db.on(graphs, ARTICLES).addAll(List.of(NewLink.to(spare, through))), named);
    assertRefused(() -> db.on(graphs, ARTICLES).addAll(List.of(spare), through), named);
    assertRefused(() -> db.on(graphs, ARTICLES).set(List.of(spare), through), named);
    assertRefused(() -> db.on(graphs, ARTICLES).setAll(List.of(NewLink.to(spare, through))), named);
    assertRefused(() -> db.on(graphs, ARTICLES).create(article("New"), through), named);
    assertRefused(
        () -> db.batch(ARTICLES).addAll(List.of(LinkBetween.of(graphs, spare, through))), named);
    if (value instanceof String text) {
      BookArticles payload = new BookArticles();
      payload.role = text;
      assertRefused(() -> db.on(graphs, ARTICLES).add(spare, payload), named);
    }
  }

  // ---- ids

  @Test
  void idBeyondTheIdTypeIsRefusedRatherThanMatchingAnotherRow() {
    // 2^64 + id narrowed to a long is id: it must not find, delete or link the row with that id
    Object wrapped = TWO_64.add(BigInteger.valueOf(first.id));
    Object fraction = new BigDecimal(first.id + ".5");
    for (Object id : List.of(wrapped, fraction)) {
      String shown = id.toString();
      assertRefused(() -> db.find(Measure.class, id), "Measure.id", shown);
      assertRefused(() -> db.delete(Measure.class, id), "Measure.id", shown);
      assertRefused(() -> db.on(ann, MEASURES).add(id), "Measure.id", shown);
      assertRefused(() -> db.on(ann, MEASURES).remove(id), "Measure.id", shown);
      assertRefused(() -> db.on(ann, MEASURES).has(id), "Measure.id", shown);
      assertRefused(() -> db.on(ann, MEASURES).set(List.of(id)), "Measure.id", shown);
      assertRefused(
          () -> db.batch(MEASURES).has(List.of(LinkBetween.of(ann, id))), "Measure.id", shown);
    }
    Object author = TWO_64.add(BigInteger.valueOf(ann.id));
    assertRefused(() -> db.on(author, MEASURES).get(), "Author.id", author.toString());
    assertRefused(() -> db.batch(MEASURES).count(List.of(author)), "Author.id", author.toString());
  }

  @ParameterizedTest
  @MethodSource("textNoStoreKeeps")
  void textIdNoStoreKeepsIsRefused(String text, String shown) {
    assertRefused(() -> db.find(Tag.class, text), "Tag.id", shown);
    assertRefused(() -> db.delete(Tag.class, text), "Tag.id", shown);
  }

  @Test
  void exactIdsOfAnotherNumberTypeFindTheirRow() {
    assertThat(db.find(Measure.class, BigInteger.valueOf(first.id)))
        .get()
        .extracting(m -> m.label)
        .isEqualTo("first");
    assertThat(db.find(Measure.class, new BigDecimal(first.id + ".000")))
        .get()
        .extracting(m -> m.label)
        .isEqualTo("first");
    assertThat(db.find(Measure.class, first.id.intValue()))
        .get()
        .extracting(m -> m.label)
        .isEqualTo("first");
    assertThat(db.on(ann, MEASURES).has(BigInteger.valueOf(first.id))).isTrue();
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void linkIdBeyondTheLinkIdTypeIsRefused() {
    List<LinkedTarget<Article>> links = db.on(graphs, CITED).linkedTargets();
    assertThat(links).hasSize(2);
    Object linkId = links.get(0).linkId();
    assertThat(linkId).isInstanceOf(Long.class);
    Object wrapped = TWO_64.add(BigInteger.valueOf((Long) linkId));
    Object fraction = new BigDecimal(linkId + ".5");

    assertRefused(() -> db.on(graphs, CITED).removeLink(wrapped), "removeLink", wrapped.toString());
    assertRefused(
        () -> db.on(graphs, CITED).removeLinks(List.of(fraction)),
        "removeLinks",
        fraction.toString());

    assertThat(db.on(graphs, CITED).removeLink(BigInteger.valueOf((Long) linkId)))
        .as("the exact id given as a BigInteger")
        .isTrue();
    assertThat(db.on(graphs, CITED).linkedTargets())
        .extracting(LinkedTarget::linkId)
        .containsExactly(links.get(1).linkId());
  }

  // ---- exact values

  @Test
  void exactValuesAreStoredExactlyAndReadBackEqual() {
    Measure m = new Measure();
    m.total = Long.MAX_VALUE;
    m.count = Integer.MIN_VALUE;
    m.notch = Short.MAX_VALUE;
    m.ratio = 0.1 + 0.2;
    m.level = 0.1f;
    m.amount = new BigDecimal("12345678901234567890.123456789");
    m.label = "emoji \uD83D\uDE00, accents \u00e9\u00e8, CJK \u6f22, astral \uD834\uDD1E";
    m.ref = UUID.randomUUID();
    db.insert(m);

    Measure found = db.find(Measure.class, m.id).orElseThrow();
    assertThat(found.total).isEqualTo(Long.MAX_VALUE);
    assertThat(found.count).isEqualTo(Integer.MIN_VALUE);
    assertThat(found.notch).isEqualTo(Short.MAX_VALUE);
    assertThat(found.ratio).isEqualTo(0.1 + 0.2);
    assertThat(found.level).isEqualTo(0.1f);
    assertThat(found.amount).isEqualByComparingTo(m.amount);
    assertThat(found.label).isEqualTo(m.label);
    assertThat(found.ref).isEqualTo(m.ref);

    Measure minimum = new Measure();
    minimum.total = Long.MIN_VALUE;
    minimum.notch = Short.MIN_VALUE;
    db.insert(minimum);
    Measure foundMinimum = db.find(Measure.class, minimum.id).orElseThrow();
    assertThat(foundMinimum.total).isEqualTo(Long.MIN_VALUE);
    assertThat(foundMinimum.notch).isEqualTo(Short.MIN_VALUE);
  }

  @Test
  void exactValuesOfAnotherTypeMatchInFilters() {
    Measure m = new Measure();
    m.total = Long.MAX_VALUE;
    m.count = -7;
    m.notch = (short) 300;
    m.ratio = 0.75;
    m.level = 7f;
    m.amount = new BigDecimal("5");
    m.label = "pair \uD83D\uDE00";
    m.ref = UUID.randomUUID();
    db.insert(m);

    Map<String, Object> matches = new LinkedHashMap<>();
    matches.put("total", BigInteger.valueOf(Long.MAX_VALUE));
    matches.put("count", new BigDecimal("-7.00"));
    matches.put("notch", 300L);
    matches.put("ratio", 0.75f);
    matches.put("level", 7);
    matches.put("amount", new BigDecimal("5.0"));
    matches.put("label", "pair \uD83D\uDE00");
    matches.put("ref", m.ref.toString().toUpperCase());
    matches.forEach(
        (attribute, value) -> {
          assertThat(db.findAll(Measure.class, Query.matching(Where.eq(attribute, value))))
              .as("%s = %s", attribute, value)
              .extracting(x -> x.id)
              .containsExactly(m.id);
          assertThat(db.findAll(Measure.class, Query.matching(Where.in(attribute, List.of(value)))))
              .as("%s in %s", attribute, value)
              .extracting(x -> x.id)
              .containsExactly(m.id);
        });
    assertThat(db.findAll(Measure.class, Query.matching(Where.eq("level", 0.5d))))
        .as("a double that is exactly a float")
        .extracting(x -> x.id)
        .containsExactly(first.id);
  }

  @Test
  void exactThroughValuesOfAnotherTypeAreStoredAsTheAttributeType() {
    db.on(graphs, ARTICLES)
        .add(spare, Map.of("position", new BigDecimal("5.0"), "role", "r\uD83D\uDE00"));

    LinkedTarget<Article> link =
        db.on(graphs, ARTICLES).linkedTargets(Query.matching(Where.eq("id", spare.id))).get(0);
    assertThat(link.through("position")).isEqualTo(5);
    assertThat(link.through("role")).isEqualTo("r\uD83D\uDE00");
    assertThat(
            db.on(graphs, ARTICLES)
                .get(Query.all().through(Where.eq("position", BigInteger.valueOf(5)))))
        .extracting(a -> a.id)
        .containsExactly(spare.id);
  }

  // ---- helpers

  /**
   * The call throws InvalidCallException naming each of {@code named}, and the store is as before.
   */
  private void assertRefused(ThrowingCallable call, String... named) {
    Map<String, Object> before = StoreState.read(db, MODELS, associations);

    assertThatThrownBy(call)
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContainingAll(named);

    assertThat(StoreState.read(db, MODELS, associations))
        .as("the store after the refused call")
        .isEqualTo(before);
  }

  private static Measure measure(String label, int n) {
    Measure m = new Measure();
    m.label = label;
    m.count = n;
    m.total = 1000L + n;
    m.notch = (short) n;
    m.ratio = n / 4.0;
    m.level = n / 2.0f;
    m.amount = new BigDecimal(n + ".25");
    m.ref = new UUID(0, n);
    return m;
  }
}

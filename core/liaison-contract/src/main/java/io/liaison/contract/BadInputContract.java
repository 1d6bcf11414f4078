package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Liaison;
import io.liaison.LiaisonException;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.contract.fixtures.Shade;
import io.liaison.contract.fixtures.Specimen;
import io.liaison.spi.Capability;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cheat sheet rule 13 over the whole public API, as a table: every row is one bad call (a value of
 * the wrong type for an attribute, an unsaved, foreign or missing entity, a target of the wrong
 * model, a call that does not apply to the association's kind, a bad query, include or
 * declaration). Each row must be refused with its own exception type, by a message that names the
 * argument and the model, association or attribute concerned, and must leave the store exactly as
 * it was: the whole store is read back through the public API before and after, and compared.
 *
 * <p>The rows live in {@link BadInputCalls} (entities, ids and association calls) and {@link
 * BadInputQueries} (values, queries, includes and declarations); each shows its own name in
 * reports. {@link InvalidCallContract} keeps the hand-written tests of the same rule.
 */
public abstract class BadInputContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsTo<Book, Author> AUTHOR = BOOKS.inverse();
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final BelongsToMany<Article, Book> ARTICLE_BOOKS = ARTICLES.inverse();
  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);
  static final BelongsTo<Profile, Person> PERSON = PROFILE.inverse();

  /** Parallel links (each with its own id): a person may bookmark one article more than once. */
  static final BelongsToMany<Person, Article> BOOKMARKS =
      Association.belongsToMany(Person.class, Article.class)
          .through("Bookmarks")
          .as("bookmarks")
          .unique(false);

  /** Declared but never registered in the schema. */
  static final HasMany<Author, Comment> NOTES =
      Association.hasMany(Author.class, Comment.class).as("notes");

  /** An id no entity of the test's store has. */
  static final long MISSING = 987_654_321L;

  static final List<Class<?>> MODELS =
      List.of(
          Author.class,
          Book.class,
          Article.class,
          Person.class,
          Profile.class,
          Comment.class,
          Specimen.class);

  /** A class that is not a model of any schema, with an id-looking field. */
  public static final class Stranger {
    public Long id = 1L;
    public String name = "stranger";

    @Override
    public String toString() {
      return "Stranger#" + id;
    }
  }

  /**
   * One row of the table: a named bad call, the exception it must raise and the fragments its
   * message must contain.
   *
   * @param name the row's name in reports
   * @param type the exception type every store must raise
   * @param call the call, given the filled store
   * @param named what the message must name: the argument, and the model, association or attribute
   * @param needs a capability the row needs, or null
   */
  record Case(
      String name,
      Class<? extends LiaisonException> type,
      Function<World, ThrowingCallable> call,
      List<String> named,
      Capability needs) {

    static Case of(
        String name,
        Class<? extends LiaisonException> type,
        Function<World, ThrowingCallable> call,
        String... named) {
      return new Case(name, type, call, List.of(named), null);
    }

    Case needing(Capability capability) {
      return new Case(name, type, call, named, capability);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The filled store every row runs against, and its named entities. */
  static final class World {
    final Liaison db;
    final Author ann;
    final Author bob;
    final Book graphs;
    final Book spareBook;
    final Article editor;
    final Article spareArticle;
    final Person pat;
    final Person sam;
    final Profile patsProfile;
    final Profile spareProfile;
    final Comment comment;
    final Specimen specimen;

    World(Liaison db, boolean parallel) {
      this.db = db;
      ann = db.insert(author("Ann"));
      bob = db.insert(author("Bob"));
      graphs = db.insert(book("Graphs", 2001));
      Book tables = db.insert(book("Tables", 1999));
      spareBook = db.insert(book("Spare", 2010));
      editor = db.insert(article("Edited"));
      Article plain = db.insert(article("Plain"));
      spareArticle = db.insert(article("Spare"));
      pat = db.insert(person("Pat"));
      sam = db.insert(person("Sam"));
      patsProfile = db.insert(profile("Pat's"));
      spareProfile = db.insert(profile("Spare"));
      // several comments, so that their store-generated ids likely equal ids of the other models
      Comment last = null;
      for (int i = 0; i < 6; i++) {
        last = db.insert(comment("Comment " + i));
      }
      comment = last;
      specimen = db.insert(specimen());

      db.on(ann, BOOKS).addAll(List.of(graphs, tables));
      db.on(graphs, ARTICLES).add(editor, Map.of("role", "editor", "position", 1));
      db.on(graphs, ARTICLES).add(plain);
      db.on(pat, PROFILE).set(patsProfile);
      if (parallel) {
        db.on(pat, BOOKMARKS).add(editor);
        db.on(pat, BOOKMARKS).add(editor);
      }
    }
  }

  static Stream<Case> cases() {
    return Stream.concat(BadInputCalls.cases(), BadInputQueries.cases());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsRefusedNamingItAndLeavesTheStoreUnchanged(Case c) {
    boolean parallel = provider().capabilities().contains(Capability.PARALLEL_LINKS);
    if (c.needs() != null) {
      assumeThat(provider().capabilities()).as("capabilities").contains(c.needs());
    }
    World world = new World(liaison(schema(parallel)), parallel);
    List<Association<?, ?>> associations =
        new ArrayList<>(List.of(BOOKS, AUTHOR, ARTICLES, PROFILE));
    if (parallel) {
      associations.add(BOOKMARKS);
    }
    Map<String, Object> before = StoreState.read(world.db, MODELS, associations);

    Throwable thrown = catchThrowable(c.call().apply(world));

    assertThat(thrown).as("what " + c.name() + " throws").isInstanceOf(c.type());
    assertThat(thrown.getMessage()).as("the message of " + c.name()).contains(c.named());
    assertThat(StoreState.read(world.db, MODELS, associations))
        .as("the store after " + c.name())
        .isEqualTo(before);
  }

  static Schema schema(boolean parallel) {
    Schema.Builder builder =
        Schema.builder()
            .models(MODELS.toArray(Class<?>[]::new))
            .associations(BOOKS, ARTICLES, PROFILE);
    if (parallel) {
      builder.association(BOOKMARKS);
    }
    return builder.build();
  }

  static Book book(String title, Integer year) {
    Book b = new Book();
    b.title = title;
    b.year = year;
    return b;
  }

  static Person person(String name) {
    Person p = new Person();
    p.name = name;
    return p;
  }

  static Profile profile(String bio) {
    Profile p = new Profile();
    p.bio = bio;
    return p;
  }

  static Comment comment(String body) {
    Comment c = new Comment();
    c.body = body;
    return c;
  }

  static Specimen specimen() {
    Specimen s = new Specimen();
    s.text = "sample";
    s.quantity = 3;
    s.big = 40_000_000_000L;
    s.ratio = 0.5;
    s.flag = true;
    s.amount = new BigDecimal("12.50");
    s.day = LocalDate.of(2024, 2, 29);
    s.at = Instant.parse("2024-02-29T12:00:00Z");
    s.ref = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    s.shade = Shade.DARK;
    return s;
  }
}

package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.ManyAccessor;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.SingleAccessor;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cheat sheet rule 13: bad input (null, an unsaved entity, an id of the wrong type, an entity of
 * the wrong model, an id that does not exist, an unknown through or query attribute, an association
 * not in the schema) is refused with {@link InvalidCallException} naming it, and the store is
 * unchanged. Reads from a source id that does not exist find nothing. Each rule is checked on every
 * association kind it applies to; after each refusal the whole store is read back and compared.
 */
public abstract class InvalidCallContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsTo<Book, Author> AUTHOR = BOOKS.inverse();
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);

  /** Declared but never registered in the schema. */
  static final HasMany<Author, Comment> NOTES =
      Association.hasMany(Author.class, Comment.class).as("notes");

  private static final List<Class<?>> MODELS =
      List.of(Author.class, Book.class, Article.class, Person.class, Profile.class, Comment.class);
  private static final List<Association<?, ?>> ASSOCIATIONS =
      List.of(BOOKS, AUTHOR, ARTICLES, PROFILE);

  /**
   * A write that names one target: add on the many kinds, set on the single kinds, or set/remove.
   */
  enum Write {
    ADD,
    SET,
    REMOVE
  }

  private Liaison db;
  private Author ann;
  private Book graphs;
  private Article editorArticle;
  private Person pat;
  private final List<Object> spareAuthors = new ArrayList<>();
  private final List<Object> spareBooks = new ArrayList<>();
  private final List<Object> spareArticles = new ArrayList<>();
  private final List<Object> spareProfiles = new ArrayList<>();
  private Comment comment;

  @BeforeEach
  void fillStore() {
    db =
        liaison(
            Schema.builder()
                .models(MODELS.toArray(Class<?>[]::new))
                .associations(BOOKS, ARTICLES, PROFILE)
                .build());
    ann = db.insert(author("Ann"));
    spareAuthors.add(db.insert(author("Bob")));
    spareAuthors.add(db.insert(author("Cy")));
    graphs = db.insert(book("Graphs"));
    Book tables = db.insert(book("Tables"));
    spareBooks.add(db.insert(book("Spare one")));
    spareBooks.add(db.insert(book("Spare two")));
    editorArticle = db.insert(article("Edited"));
    Article plain = db.insert(article("Plain"));
    spareArticles.add(db.insert(article("Spare one")));
    spareArticles.add(db.insert(article("Spare two")));
    pat = db.insert(person("Pat"));
    db.insert(person("Sam"));
    Profile patsProfile = db.insert(profile("Pat's"));
    spareProfiles.add(db.insert(profile("Spare one")));
    spareProfiles.add(db.insert(profile("Spare two")));
    // Several comments, so that their store-generated ids likely equal ids of the other models:
    // an entity of the wrong model must be refused even when its id would match a real target.
    for (int i = 0; i < 8; i++) {
      comment = db.insert(comment("Comment " + i));
    }

    db.on(ann, BOOKS).addAll(List.of(graphs, tables));
    db.on(graphs, ARTICLES).add(editorArticle, Map.of("role", "editor", "position", 1));
    db.on(graphs, ARTICLES).add(plain);
    db.on(pat, PROFILE).set(patsProfile);
  }

  // ---- null

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void nullTargetIsRefused(Kind kind) {
    assertRefused(() -> write(kind, Write.ADD, source(kind), null));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void createOfNullIsRefused(Kind kind) {
    assertRefused(() -> create(kind, source(kind), null));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void nullSourceIsRefused(Kind kind) {
    assertRefused(() -> write(kind, defaultWrite(kind), null, spare(kind, 0)));
  }

  // ---- unsaved entities

  @ParameterizedTest
  @EnumSource(Kind.class)
  void unsavedEntityAsTargetIsRefused(Kind kind) {
    Object unsaved = newEntity(targetModel(kind));

    assertRefused(
        () -> write(kind, defaultWrite(kind), source(kind), unsaved),
        targetModel(kind).getSimpleName());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void unsavedEntityAsSourceIsRefused(Kind kind) {
    Object unsaved = newEntity(sourceModel(kind));

    assertRefused(
        () -> write(kind, defaultWrite(kind), unsaved, spare(kind, 0)),
        sourceModel(kind).getSimpleName());
  }

  // ---- wrong type, wrong model

  @ParameterizedTest
  @EnumSource(Kind.class)
  void idOfTheWrongTypeAsTargetIsRefused(Kind kind) {
    assertRefused(() -> write(kind, defaultWrite(kind), source(kind), "not-a-long"), "not-a-long");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void idOfTheWrongTypeAsSourceIsRefused(Kind kind) {
    assertRefused(
        () -> write(kind, defaultWrite(kind), "not-a-long", spare(kind, 0)), "not-a-long");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void entityOfTheWrongModelAsTargetIsRefused(Kind kind) {
    assertRefused(() -> write(kind, defaultWrite(kind), source(kind), comment), "Comment");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void entityOfTheWrongModelAsSourceIsRefused(Kind kind) {
    assertRefused(() -> write(kind, defaultWrite(kind), comment, spare(kind, 0)), "Comment");
  }

  // ---- ids that do not exist

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("writes")
  void targetIdThatDoesNotExistIsRefused(Kind kind, Write write) {
    Object missing = missingId(targetModel(kind));

    assertRefused(() -> write(kind, write, source(kind), missing), String.valueOf(missing));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void targetEntityDeletedFromTheStoreIsRefused(Kind kind) {
    Object deleted = spare(kind, 1);
    db.delete(deleted);

    assertRefused(
        () -> write(kind, defaultWrite(kind), source(kind), deleted),
        String.valueOf(StoreState.id(deleted)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("writes")
  void sourceIdThatDoesNotExistIsRefusedOnWrite(Kind kind, Write write) {
    Object missing = missingId(sourceModel(kind));

    assertRefused(() -> write(kind, write, missing, spare(kind, 0)), String.valueOf(missing));
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void readsFromAManySourceIdThatDoesNotExistFindNothing(Kind kind) {
    Object missing = missingId(sourceModel(kind));
    Object linkedTarget = many(kind, source(kind)).get().get(0);

    assertThat(many(kind, missing).get()).isEmpty();
    assertThat(many(kind, missing).linkedTargets()).isEmpty();
    assertThat(many(kind, missing).count()).isZero();
    assertThat(many(kind, missing).has(linkedTarget)).isFalse();
    assertThat(many(kind, missing).hasAll(List.of(linkedTarget))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_ONE", "BELONGS_TO"})
  void readsFromASingleSourceIdThatDoesNotExistFindNothing(Kind kind) {
    Object missing = missingId(sourceModel(kind));

    assertThat(single(kind, source(kind)).get()).as("the existing source's target").isPresent();
    assertThat(single(kind, missing).get()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void addAllWithOneMissingIdAmongValidOnesWritesNothing(Kind kind) {
    List<Object> targets = List.of(spare(kind, 0), missingId(targetModel(kind)), spare(kind, 1));

    assertRefused(() -> many(kind, source(kind)).addAll(targets), String.valueOf(targets.get(1)));
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void removeAllWithOneMissingIdAmongLinkedOnesRemovesNothing(Kind kind) {
    Object linked = many(kind, source(kind)).get().get(0);
    Object missing = missingId(targetModel(kind));

    assertRefused(
        () -> many(kind, source(kind)).removeAll(List.of(linked, missing)),
        String.valueOf(missing));
  }

  // ---- unknown attributes

  @Test
  void unknownThroughAttributeInAddIsRefused() {
    assertRefused(
        () ->
            db.on(graphs, ARTICLES).add(spareArticles.get(0), Map.of("role", "author", "rank", 3)),
        "rank");
  }

  @Test
  void unknownThroughAttributeInAddOfAnExistingLinkIsRefused() {
    assertRefused(() -> db.on(graphs, ARTICLES).add(editorArticle, Map.of("rank", 3)), "rank");
  }

  @Test
  void unknownThroughAttributeInALaterLinkIsRefused() {
    List<NewLink> links =
        List.of(
            NewLink.to(spareArticles.get(0), Map.of("role", "author")),
            NewLink.to(spareArticles.get(1), Map.of("role", "author", "rank", 3)));

    assertRefused(() -> db.on(graphs, ARTICLES).addAll(links), "rank");
  }

  @Test
  void throughValueOfTheWrongTypeInALaterLinkIsRefused() {
    List<NewLink> links =
        List.of(
            NewLink.to(spareArticles.get(0), Map.of("role", "author", "position", 1)),
            NewLink.to(spareArticles.get(1), Map.of("role", "author", "position", "second")));

    assertRefused(
        () -> db.on(graphs, ARTICLES).addAll(links),
        "through attribute 'position'",
        "'second'",
        "Integer");
  }

  @Test
  void nullLinkAmongValidOnesIsRefused() {
    List<NewLink> links = Arrays.asList(NewLink.to(spareArticles.get(0)), null);

    assertRefused(() -> db.on(graphs, ARTICLES).addAll(links), "a link is null");
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void queryOnAnUnknownAttributeIsRefused(Kind kind) {
    Query query = Query.matching(Where.eq("isbn", "978-3"));

    assertRefused(() -> many(kind, source(kind)).get(query), "isbn");
    assertRefused(() -> many(kind, source(kind)).count(query), "isbn");
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void orderByAnUnknownAttributeIsRefused(Kind kind) {
    assertRefused(
        () -> many(kind, source(kind)).get(Query.all().orderBy(Order.asc("isbn"))), "isbn");
  }

  @Test
  void throughQueryOnAnUnknownAttributeIsRefused() {
    assertRefused(
        () -> db.on(graphs, ARTICLES).get(Query.all().through(Where.eq("rank", 3))), "rank");
  }

  @Test
  void entityQueryOnAnUnknownAttributeIsRefused() {
    assertRefused(() -> db.findAll(Book.class, Query.matching(Where.eq("isbn", "978-3"))), "isbn");
    assertRefused(() -> db.count(Book.class, Where.eq("isbn", "978-3")), "isbn");
  }

  // ---- the association itself, paging

  @Test
  void associationNotInTheSchemaIsRefused() {
    assertRefused(() -> db.on(ann, NOTES).add(comment), "notes");
    assertRefused(() -> db.on(ann, NOTES).get(), "notes");
  }

  @Test
  void negativeLimitIsRefused() {
    assertThatThrownBy(() -> db.findAll(Book.class, Query.all().limit(-1)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void negativeOffsetIsRefused() {
    assertThatThrownBy(() -> db.on(ann, BOOKS).get(Query.all().offset(-2)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("-2");
  }

  // ---- helpers

  static Stream<Arguments> writes() {
    return Stream.of(
        Arguments.of(Kind.HAS_MANY, Write.ADD),
        Arguments.of(Kind.HAS_MANY, Write.SET),
        Arguments.of(Kind.HAS_MANY, Write.REMOVE),
        Arguments.of(Kind.BELONGS_TO_MANY, Write.ADD),
        Arguments.of(Kind.BELONGS_TO_MANY, Write.SET),
        Arguments.of(Kind.BELONGS_TO_MANY, Write.REMOVE),
        Arguments.of(Kind.HAS_ONE, Write.SET),
        Arguments.of(Kind.BELONGS_TO, Write.SET));
  }

  /**
   * The call throws InvalidCallException naming each of {@code named} (if any), and the store is as
   * before.
   */
  private void assertRefused(ThrowingCallable call, String... named) {
    Map<String, Object> before = StoreState.read(db, MODELS, ASSOCIATIONS);

    var refusal = assertThatThrownBy(call).isInstanceOf(InvalidCallException.class);
    if (named.length > 0) {
      refusal.hasMessageContainingAll(named);
    }

    assertThat(StoreState.read(db, MODELS, ASSOCIATIONS))
        .as("the store after the refused call")
        .isEqualTo(before);
  }

  private static Write defaultWrite(Kind kind) {
    return kind.isMany() ? Write.ADD : Write.SET;
  }

  private void write(Kind kind, Write write, Object source, Object target) {
    if (kind.isMany()) {
      switch (write) {
        case ADD -> many(kind, source).add(target);
        case SET -> many(kind, source).set(Collections.singletonList(target));
        case REMOVE -> many(kind, source).remove(target);
        default -> throw new IllegalArgumentException(write.name());
      }
    } else {
      single(kind, source).set(target);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void create(Kind kind, Object source, Object target) {
    if (kind.isMany()) {
      ((ManyAccessor) many(kind, source)).create(target);
    } else {
      ((SingleAccessor) single(kind, source)).create(target);
    }
  }

  private ManyAccessor<?> many(Kind kind, Object source) {
    return kind == Kind.HAS_MANY ? db.on(source, BOOKS) : db.on(source, ARTICLES);
  }

  private SingleAccessor<?> single(Kind kind, Object source) {
    return kind == Kind.HAS_ONE ? db.on(source, PROFILE) : db.on(source, AUTHOR);
  }

  private Object source(Kind kind) {
    return switch (kind) {
      case HAS_MANY -> ann;
      case BELONGS_TO_MANY, BELONGS_TO -> graphs;
      case HAS_ONE -> pat;
    };
  }

  /** A saved target of this kind that is not linked to the source. */
  private Object spare(Kind kind, int index) {
    return switch (kind) {
      case HAS_MANY -> spareBooks.get(index);
      case BELONGS_TO_MANY -> spareArticles.get(index);
      case HAS_ONE -> spareProfiles.get(index);
      case BELONGS_TO -> spareAuthors.get(index);
    };
  }

  private static Class<?> sourceModel(Kind kind) {
    return switch (kind) {
      case HAS_MANY -> Author.class;
      case BELONGS_TO_MANY, BELONGS_TO -> Book.class;
      case HAS_ONE -> Person.class;
    };
  }

  private static Class<?> targetModel(Kind kind) {
    return switch (kind) {
      case HAS_MANY -> Book.class;
      case BELONGS_TO_MANY -> Article.class;
      case HAS_ONE -> Profile.class;
      case BELONGS_TO -> Author.class;
    };
  }

  /** A Long id that no entity of the model has. */
  private Long missingId(Class<?> model) {
    long max = 0;
    for (Object entity : db.findAll(model)) {
      max = Math.max(max, (Long) StoreState.id(entity));
    }
    return max + 1000;
  }

  private static Object newEntity(Class<?> model) {
    try {
      return model.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
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
}

package io.liaison.contract;

import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.chapter;
import static io.liaison.contract.Samples.citation;
import static io.liaison.contract.Samples.comment;
import static io.liaison.contract.Samples.license;
import static io.liaison.contract.Samples.novel;
import static io.liaison.contract.Samples.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.DefinitionException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
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
import io.liaison.contract.fixtures.DrivingLicense;
import io.liaison.contract.fixtures.Novel;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Publisher;
import io.liaison.spi.Capability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * onDelete and onUpdate (cheat sheet rules 3 and 24 to 29) on every association kind: what deleting
 * a referenced row, or changing its referenced key, does to the rows that hold a foreign key to it
 * (hasOne, hasMany, belongsTo) or to its links (belongsToMany, from either side). CASCADE follows,
 * SET_NULL nulls the key, RESTRICT and NO_ACTION refuse with {@link ConflictException} and change
 * nothing, read back through the public API. Sequelize's defaults are checked for each kind, and
 * cascades through several levels stop where the rules say.
 *
 * <p>Every case keeps a bystander: a second referenced row with a dependant or links of its own,
 * which no rule may touch, so a store that applies an action too widely cannot pass.
 */
public abstract class ReferentialActionContract extends ContractGroup {

  /** The kinds, with belongsToMany acted on from either side (its source or its target). */
  enum Kind {
    HAS_ONE("hasOne"),
    HAS_MANY("hasMany"),
    BELONGS_TO("belongsTo"),
    BELONGS_TO_MANY_SOURCE("belongsToMany (its source)"),
    BELONGS_TO_MANY_TARGET("belongsToMany (its target)");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    boolean junction() {
      return this == BELONGS_TO_MANY_SOURCE || this == BELONGS_TO_MANY_TARGET;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Whether the foreign key may be null ({@code foreignKeyAllowNull}); junction keys never are. */
  enum Key {
    NULLABLE("a key that may be null"),
    NOT_NULL("a key that may not be null");

    private final String label;

    Key(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Kind> foreignKeyKinds() {
    return Stream.of(Kind.HAS_ONE, Kind.HAS_MANY, Kind.BELONGS_TO);
  }

  static Stream<Arguments> kindsAndRefusals() {
    return Stream.of(Kind.values())
        .flatMap(
            kind ->
                Stream.of(ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION)
                    .map(action -> Arguments.of(kind, action)));
  }

  /**
   * Sequelize v7's onDelete defaults: SET NULL for a key that may be null, else CASCADE;
   * belongsToMany CASCADE.
   */
  static Stream<Arguments> onDeleteDefaults() {
    return Stream.of(
        Arguments.of(Kind.HAS_ONE, Key.NULLABLE, ReferentialAction.SET_NULL),
        Arguments.of(Kind.HAS_ONE, Key.NOT_NULL, ReferentialAction.CASCADE),
        Arguments.of(Kind.HAS_MANY, Key.NULLABLE, ReferentialAction.SET_NULL),
        Arguments.of(Kind.HAS_MANY, Key.NOT_NULL, ReferentialAction.CASCADE),
        Arguments.of(Kind.BELONGS_TO, Key.NULLABLE, ReferentialAction.SET_NULL),
        Arguments.of(Kind.BELONGS_TO, Key.NOT_NULL, ReferentialAction.CASCADE),
        Arguments.of(Kind.BELONGS_TO_MANY_SOURCE, Key.NOT_NULL, ReferentialAction.CASCADE),
        Arguments.of(Kind.BELONGS_TO_MANY_TARGET, Key.NOT_NULL, ReferentialAction.CASCADE));
  }

  static Stream<Arguments> setNullOnKeysThatMayNotBeNull() {
    return Stream.of(Kind.HAS_ONE, Kind.HAS_MANY, Kind.BELONGS_TO, Kind.BELONGS_TO_MANY_SOURCE)
        .flatMap(kind -> Stream.of(Arguments.of(kind, "onDelete"), Arguments.of(kind, "onUpdate")));
  }

  // ---------------------------------------------------------------- onDelete

  @ParameterizedTest(
      name = "onDelete CASCADE on {0}: deleting the referenced row deletes its dependants")
  @MethodSource("foreignKeyKinds")
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void onDeleteCascadeDeletesTheDependants(Kind kind) {
    Case c = open(kind, false, ReferentialAction.CASCADE, null, Key.NULLABLE);

    c.deletePrincipal();

    c.assertDependantsDeleted();
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name =
          "onDelete CASCADE on {0}: deleting a linked row removes its links and keeps the other side")
  @EnumSource(names = {"BELONGS_TO_MANY_SOURCE", "BELONGS_TO_MANY_TARGET"})
  void onDeleteCascadeRemovesTheLinksOfEitherSide(Kind kind) {
    Case c = open(kind, false, ReferentialAction.CASCADE, null, Key.NOT_NULL);

    c.deletePrincipal();

    c.assertDependantsDeleted();
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name =
          "onDelete SET_NULL on {0}: deleting the referenced row nulls its dependants' key and keeps them")
  @MethodSource("foreignKeyKinds")
  void onDeleteSetNullNullsTheDependantsKey(Kind kind) {
    Case c = open(kind, false, ReferentialAction.SET_NULL, null, Key.NULLABLE);

    c.deletePrincipal();

    c.assertDependantsUnlinked();
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name = "onDelete {1} on {0}: deleting a referenced row is refused and changes nothing")
  @MethodSource("kindsAndRefusals")
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void onDeleteRestrictOrNoActionRefusesAndChangesNothing(Kind kind, ReferentialAction action) {
    Case c = open(kind, false, action, null, kind.junction() ? Key.NOT_NULL : Key.NULLABLE);
    Map<String, Object> before = c.state();

    assertThatThrownBy(c::deletePrincipal).isInstanceOf(ConflictException.class);

    assertThat(c.state()).as("the store after the refused delete").isEqualTo(before);
  }

  @ParameterizedTest(name = "onDelete {1} on {0}: a row nothing references is deleted")
  @MethodSource("kindsAndRefusals")
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void onDeleteRestrictOrNoActionLetsAnUnreferencedRowBeDeleted(
      Kind kind, ReferentialAction action) {
    Case c = open(kind, false, action, null, kind.junction() ? Key.NOT_NULL : Key.NULLABLE);

    c.db.delete(c.lonely);

    assertThat(c.db.find(c.lonely.getClass(), StoreState.id(c.lonely))).isEmpty();
    c.assertPrincipalAndDependantsUntouched();
  }

  /**
   * Every onDelete action on every kind it applies to, for links that reference a key other than
   * the id.
   */
  static Stream<Arguments> onDeleteByReferencedKey() {
    return Stream.of(Kind.values())
        .flatMap(
            kind ->
                Stream.of(ReferentialAction.values())
                    .filter(action -> action != ReferentialAction.SET_NULL || !kind.junction())
                    .map(action -> Arguments.of(kind, action)));
  }

  @ParameterizedTest(
      name = "onDelete {1} on {0} applies as well when links reference a key other than the id")
  @MethodSource("onDeleteByReferencedKey")
  @Requires({Capability.CUSTOM_KEYS, Capability.REFERENTIAL_ACTIONS})
  void onDeleteAppliesToLinksByAReferencedKey(Kind kind, ReferentialAction action) {
    Case c = open(kind, true, action, null, kind.junction() ? Key.NOT_NULL : Key.NULLABLE);
    Map<String, Object> before = c.state();

    switch (action) {
      case CASCADE -> {
        c.deletePrincipal();
        c.assertDependantsDeleted();
      }
      case SET_NULL -> {
        c.deletePrincipal();
        c.assertDependantsUnlinked();
      }
      default -> {
        assertThatThrownBy(c::deletePrincipal).isInstanceOf(ConflictException.class);
        assertThat(c.state()).as("the store after the refused delete").isEqualTo(before);
      }
    }
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(name = "onDelete default on {0} with {1}: {2}")
  @MethodSource("onDeleteDefaults")
  void onDeleteDefaultFollowsSequelize(Kind kind, Key key, ReferentialAction expected) {
    Case c = open(kind, false, null, null, key);

    c.deletePrincipal();

    if (expected == ReferentialAction.CASCADE) {
      c.assertDependantsDeleted();
    } else {
      c.assertDependantsUnlinked();
    }
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name = "{1} SET_NULL on {0} with keys that may not be null is a definition error")
  @MethodSource("setNullOnKeysThatMayNotBeNull")
  void setNullOnAKeyThatMayNotBeNullIsADefinitionError(Kind kind, String option) {
    ReferentialAction onDelete = option.equals("onDelete") ? ReferentialAction.SET_NULL : null;
    ReferentialAction onUpdate = option.equals("onUpdate") ? ReferentialAction.SET_NULL : null;
    Case c = kind.junction() ? new JunctionCase(kind, false) : new ForeignKeyCase(kind, false);

    DefinitionException e =
        catchThrowableOfType(
            DefinitionException.class, () -> c.schema(onDelete, onUpdate, Key.NOT_NULL));

    assertThat(e).as("Schema.build() with SET_NULL on a key that may not be null").isNotNull();
    assertThat(e.problems())
        .as("problems of %s", e.getMessage())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("SET_NULL", c.foreignKeyName()));
  }

  // ---------------------------------------------------------------- onUpdate (a referenced key
  // other than the id)

  @ParameterizedTest(
      name =
          "onUpdate CASCADE on {0}: changing the referenced key carries the new value to its dependants")
  @EnumSource(Kind.class)
  @Requires(Capability.CUSTOM_KEYS)
  void onUpdateCascadeCarriesTheNewKey(Kind kind) {
    Case c =
        open(
            kind,
            true,
            null,
            ReferentialAction.CASCADE,
            kind.junction() ? Key.NOT_NULL : Key.NULLABLE);

    c.rekeyPrincipal("NEW-1");

    c.assertDependantsFollow("NEW-1");
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name =
          "onUpdate CASCADE on {0}: a referenced key set to null nulls the dependants' key, which may be null")
  @MethodSource("foreignKeyKinds")
  @Requires(Capability.CUSTOM_KEYS)
  void onUpdateCascadeOfANullKeyUnlinksTheDependants(Kind kind) {
    Case c = open(kind, true, null, ReferentialAction.CASCADE, Key.NULLABLE);

    c.rekeyPrincipal(null);

    c.assertDependantsUnlinked();
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name =
          "onUpdate CASCADE on {0}: a referenced key set to null is refused while keys that may not be null hold it")
  @EnumSource(Kind.class)
  @Requires(Capability.CUSTOM_KEYS)
  void onUpdateCascadeOfANullKeyIntoKeysThatMayNotBeNullIsRefused(Kind kind) {
    Case c = open(kind, true, null, ReferentialAction.CASCADE, Key.NOT_NULL);
    Map<String, Object> before = c.state();

    assertThatThrownBy(() -> c.rekeyPrincipal(null)).isInstanceOf(ConflictException.class);

    assertThat(c.state()).as("the store after the refused update").isEqualTo(before);
  }

  @ParameterizedTest(name = "onUpdate default on {0}: CASCADE")
  @EnumSource(Kind.class)
  @Requires(Capability.CUSTOM_KEYS)
  void onUpdateDefaultIsCascade(Kind kind) {
    Case c = open(kind, true, null, null, kind.junction() ? Key.NOT_NULL : Key.NULLABLE);

    c.rekeyPrincipal("NEW-1");

    c.assertDependantsFollow("NEW-1");
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name =
          "onUpdate SET_NULL on {0}: changing the referenced key nulls its dependants' key and keeps them")
  @MethodSource("foreignKeyKinds")
  @Requires({Capability.CUSTOM_KEYS, Capability.REFERENTIAL_ACTIONS})
  void onUpdateSetNullNullsTheDependantsKey(Kind kind) {
    Case c = open(kind, true, null, ReferentialAction.SET_NULL, Key.NULLABLE);

    c.rekeyPrincipal("NEW-1");

    assertThat(c.db.find(c.principal.getClass(), StoreState.id(c.principal)))
        .get()
        .extracting(p -> StoreState.fields(p).get("code"))
        .as("the referenced row's new key")
        .isEqualTo("NEW-1");
    c.assertDependantsUnlinked();
    c.assertBystanderUntouched();
  }

  @ParameterizedTest(
      name = "onUpdate {1} on {0}: changing a referenced key is refused and changes nothing")
  @MethodSource("kindsAndRefusals")
  @Requires({Capability.CUSTOM_KEYS, Capability.REFERENTIAL_ACTIONS})
  void onUpdateRestrictOrNoActionRefusesAndChangesNothing(Kind kind, ReferentialAction action) {
    Case c = open(kind, true, null, action, kind.junction() ? Key.NOT_NULL : Key.NULLABLE);
    Map<String, Object> before = c.state();

    assertThatThrownBy(() -> c.rekeyPrincipal("NEW-1")).isInstanceOf(ConflictException.class);

    assertThat(c.state()).as("the store after the refused update").isEqualTo(before);
  }

  @ParameterizedTest(
      name =
          "onUpdate {1} on {0}: updates that leave a referenced key as it is, or change an unreferenced one, pass")
  @MethodSource("kindsAndRefusals")
  @Requires({Capability.CUSTOM_KEYS, Capability.REFERENTIAL_ACTIONS})
  void onUpdateRestrictOrNoActionRefusesOnlyChangesOfAReferencedKey(
      Kind kind, ReferentialAction action) {
    Case c = open(kind, true, null, action, kind.junction() ? Key.NOT_NULL : Key.NULLABLE);
    String code = (String) c.field(c.principal, "code");

    c.set(c.principal, "name", "Renamed");
    c.db.update(c.principal);
    c.set(c.lonely, "code", "NEW-1");
    c.db.update(c.lonely);

    assertThat(c.db.find(c.principal.getClass(), StoreState.id(c.principal)))
        .get()
        .extracting(p -> StoreState.fields(p).get("name"))
        .isEqualTo("Renamed");
    assertThat(c.db.find(c.lonely.getClass(), StoreState.id(c.lonely)))
        .get()
        .extracting(p -> StoreState.fields(p).get("code"))
        .isEqualTo("NEW-1");
    c.assertDependantsFollow(code);
    c.assertBystanderUntouched();
  }

  // ---------------------------------------------------------------- several levels

  private static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  private static final HasMany<Book, Chapter> CHAPTERS =
      Association.hasMany(Book.class, Chapter.class);
  private static final HasMany<Chapter, Comment> COMMENTS =
      Association.hasMany(Chapter.class, Comment.class);
  private static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void cascadeDeletesThroughEveryLevel() {
    Levels l =
        levels(ReferentialAction.CASCADE, ReferentialAction.CASCADE, ReferentialAction.CASCADE);

    l.db.delete(l.ann);

    assertThat(l.db.findAll(Author.class)).extracting(a -> a.id).containsExactly(l.bob.id);
    assertThat(l.db.findAll(Book.class)).extracting(b -> b.id).containsExactly(l.bobsBook.id);
    assertThat(l.db.findAll(Chapter.class)).extracting(c -> c.id).containsExactly(l.bobsChapter.id);
    assertThat(l.db.findAll(Comment.class)).extracting(c -> c.id).containsExactly(l.bobsComment.id);
    assertThat(l.db.on(l.bobsChapter, l.comments).get())
        .extracting(c -> c.id)
        .containsExactly(l.bobsComment.id);
  }

  @ParameterizedTest(
      name =
          "a cascade that reaches onDelete {0} at its last level is refused and changes nothing at any level")
  @EnumSource(
      value = ReferentialAction.class,
      names = {"RESTRICT", "NO_ACTION"})
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void cascadeStoppedByRestrictAtTheLastLevelChangesNothing(ReferentialAction last) {
    Levels l = levels(ReferentialAction.CASCADE, ReferentialAction.CASCADE, last);
    Map<String, Object> before = l.state();

    assertThatThrownBy(() -> l.db.delete(l.ann)).isInstanceOf(ConflictException.class);

    assertThat(l.state()).as("every level after the refused delete").isEqualTo(before);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void setNullInTheMiddleStopsTheCascadeThere() {
    Levels l =
        levels(ReferentialAction.CASCADE, ReferentialAction.SET_NULL, ReferentialAction.CASCADE);

    l.db.delete(l.ann);

    assertThat(l.db.findAll(Book.class))
        .as("books, cascaded from the author")
        .extracting(b -> b.id)
        .containsExactly(l.bobsBook.id);
    assertThat(l.db.findAll(Chapter.class))
        .as("chapters, kept with a null key")
        .extracting(c -> c.id)
        .containsExactlyInAnyOrder(l.annsChapter.id, l.bobsChapter.id);
    assertThat(l.db.find(Chapter.class, l.annsChapter.id)).get().extracting(c -> c.bookId).isNull();
    assertThat(l.db.find(Chapter.class, l.bobsChapter.id))
        .get()
        .extracting(c -> c.bookId)
        .isEqualTo(l.bobsBook.id);
    assertThat(l.db.on(l.annsChapter, l.comments).get())
        .as("comments below the nulled key")
        .extracting(c -> c.id)
        .containsExactly(l.annsComment.id);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void cascadeRemovesTheBelongsToManyLinksOfTheRowsItDeletes() {
    HasMany<Author, Book> books = BOOKS.onDelete(ReferentialAction.CASCADE);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Author.class, Book.class, Article.class)
                .associations(books, ARTICLES)
                .build());
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    Book annsBook = db.on(ann, books).create(book("Ann's", 2001));
    Book bobsBook = db.on(bob, books).create(book("Bob's", 2002));
    Article shared = db.insert(new Article());
    Article annsOnly = db.insert(new Article());
    db.on(annsBook, ARTICLES).add(shared, Map.of("role", "editor"));
    db.on(annsBook, ARTICLES).add(annsOnly);
    db.on(bobsBook, ARTICLES).add(shared, Map.of("role", "author"));

    db.delete(ann);

    assertThat(db.find(Book.class, annsBook.id)).isEmpty();
    assertThat(db.findAll(Article.class))
        .extracting(a -> a.id)
        .containsExactlyInAnyOrder(shared.id, annsOnly.id);
    assertThat(db.on(shared, ARTICLES.inverse()).get())
        .extracting(b -> b.id)
        .containsExactly(bobsBook.id);
    assertThat(db.on(annsOnly, ARTICLES.inverse()).get()).isEmpty();
    assertThat(db.on(bobsBook, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(link -> assertThat(link.through("role")).isEqualTo("author"));
  }

  @ParameterizedTest(
      name =
          "a cascade that reaches belongsToMany links with onDelete {0} is refused and changes nothing")
  @EnumSource(
      value = ReferentialAction.class,
      names = {"RESTRICT", "NO_ACTION"})
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void cascadeStoppedByRestrictedLinksChangesNothing(ReferentialAction action) {
    HasMany<Author, Book> books = BOOKS.onDelete(ReferentialAction.CASCADE);
    BelongsToMany<Book, Article> articles = ARTICLES.onDelete(action);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Author.class, Book.class, Article.class)
                .associations(books, articles)
                .build());
    Author ann = db.insert(author("Ann", "A-1"));
    Book annsBook = db.on(ann, books).create(book("Ann's", 2001));
    db.on(ann, books).create(book("Unlinked", 2002));
    db.on(annsBook, articles).add(db.insert(new Article()), Map.of("role", "editor"));
    List<Class<?>> models = List.of(Author.class, Book.class, Article.class);
    List<Association<?, ?>> associations = List.of(books, articles);
    Map<String, Object> before = StoreState.read(db, models, associations);

    assertThatThrownBy(() -> db.delete(ann)).isInstanceOf(ConflictException.class);

    assertThat(StoreState.read(db, models, associations)).isEqualTo(before);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void cascadeCostsAConstantNumberOfRoundTrips() {
    Levels l =
        levels(ReferentialAction.CASCADE, ReferentialAction.CASCADE, ReferentialAction.CASCADE);
    Author few = l.db.insert(author("Few", "F-1"));
    Author many = l.db.insert(author("Many", "M-1"));
    writtenBooks(l, few, 10);
    writtenBooks(l, many, 500);

    int forFew = roundTrips(() -> l.db.delete(few));
    int forMany = roundTrips(() -> l.db.delete(many));

    assertThat(l.db.count(Chapter.class, null)).as("chapters left: ann's and bob's").isEqualTo(2);
    assertThat(forMany)
        .as("round trips of a delete cascading to 1,000 chapters (to 20 it made %d)", forFew)
        .isEqualTo(forFew)
        .isLessThanOrEqualTo(8);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void cascadeOnASelfAssociationDeletesEveryGeneration() {
    HasMany<Person, Person> children =
        Association.hasMany(Person.class, Person.class)
            .as("children")
            .inverseAs("parent")
            .onDelete(ReferentialAction.CASCADE);
    Liaison db = liaison(Schema.builder().models(Person.class).association(children).build());
    Person root = db.insert(person("Root"));
    Person other = db.insert(person("Other root"));
    Person child = db.on(root, children).create(person("Child"));
    Person grandchild = db.on(child, children).create(person("Grandchild"));
    db.on(grandchild, children).create(person("Great-grandchild"));
    Person othersChild = db.on(other, children).create(person("Other's child"));

    db.delete(child);

    assertThat(db.findAll(Person.class))
        .extracting(p -> p.id)
        .containsExactlyInAnyOrder(root.id, other.id, othersChild.id);
    assertThat(db.on(root, children).get()).isEmpty();
    assertThat(db.on(othersChild, children.inverse()).get())
        .get()
        .extracting(p -> p.id)
        .isEqualTo(other.id);
  }

  @ParameterizedTest(
      name = "deleting a target on unlink (its key may not be null) applies its own onDelete {0}")
  @EnumSource(
      value = ReferentialAction.class,
      names = {"CASCADE", "RESTRICT"})
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void unlinkThatDeletesTheTargetAppliesItsOnDeleteRules(ReferentialAction onComments) {
    HasMany<Book, Chapter> chapters = CHAPTERS.foreignKeyAllowNull(false);
    HasMany<Chapter, Comment> comments = COMMENTS.onDelete(onComments);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Chapter.class, Comment.class)
                .associations(chapters, comments)
                .build());
    Book book = db.insert(book("Graphs", 2001));
    Chapter removed = db.on(book, chapters).create(chapter("Removed"));
    Chapter kept = db.on(book, chapters).create(chapter("Kept"));
    Comment remark = db.on(removed, comments).create(comment("Remark"));
    Comment other = db.on(kept, comments).create(comment("Other"));
    List<Class<?>> models = List.of(Book.class, Chapter.class, Comment.class);
    List<Association<?, ?>> associations = List.of(chapters, comments);
    Map<String, Object> before = StoreState.read(db, models, associations);

    if (onComments == ReferentialAction.RESTRICT) {
      assertThatThrownBy(() -> db.on(book, chapters).remove(removed))
          .isInstanceOf(ConflictException.class);
      assertThat(StoreState.read(db, models, associations)).isEqualTo(before);
    } else {
      db.on(book, chapters).remove(removed);
      assertThat(db.findAll(Chapter.class)).extracting(c -> c.id).containsExactly(kept.id);
      assertThat(db.find(Comment.class, remark.id)).as("the removed chapter's comment").isEmpty();
      assertThat(db.on(kept, comments).get()).extracting(c -> c.id).containsExactly(other.id);
    }
  }

  // ---------------------------------------------------------------- implicit keys, transactions

  @Test
  void setNullNullsAForeignKeyTheModelDoesNotDeclare() {
    Liaison db =
        liaison(Schema.builder().models(Author.class, Book.class).association(BOOKS).build());
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    db.on(ann, BOOKS).create(book("One", 2001));
    db.on(ann, BOOKS).create(book("Two", 2002));
    Book bobs = db.on(bob, BOOKS).create(book("Three", 2003));

    db.delete(ann);

    assertThat(db.count(Book.class, Where.isNull("authorId")))
        .as("books whose author was deleted")
        .isEqualTo(2);
    assertThat(db.findAll(Book.class, Query.matching(Where.eq("authorId", bob.id))))
        .extracting(b -> b.id)
        .containsExactly(bobs.id);
  }

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void onUpdateCascadeCarriesTheNewKeyToAForeignKeyTheModelDoesNotDeclare() {
    HasMany<Author, Book> books = BOOKS.sourceKey("code");
    Liaison db =
        liaison(Schema.builder().models(Author.class, Book.class).association(books).build());
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    db.on(ann, books).create(book("One", 2001));
    db.on(ann, books).create(book("Two", 2002));
    db.on(bob, books).create(book("Three", 2003));

    ann.code = "A-2";
    db.update(ann);

    assertThat(db.count(Book.class, Where.eq("authorCode", "A-2"))).isEqualTo(2);
    assertThat(db.count(Book.class, Where.eq("authorCode", "A-1"))).isZero();
    assertThat(db.count(Book.class, Where.eq("authorCode", "B-1"))).isEqualTo(1);
    assertThat(db.on(ann, books).count()).isEqualTo(2);
  }

  @Test
  @Requires({Capability.CUSTOM_KEYS, Capability.REFERENTIAL_ACTIONS})
  void refusedDeletesAndUpdatesLeaveTheTransactionUsableAndChangeNothing() {
    HasMany<Author, Book> books = BOOKS.onDelete(ReferentialAction.CASCADE);
    HasMany<Book, Chapter> chapters = CHAPTERS.onDelete(ReferentialAction.RESTRICT);
    HasMany<Author, Citation> citations =
        Association.hasMany(Author.class, Citation.class)
            .sourceKey("code")
            .onUpdate(ReferentialAction.RESTRICT);
    List<Class<?>> models = List.of(Author.class, Book.class, Chapter.class, Citation.class);
    List<Association<?, ?>> associations = List.of(books, chapters, citations);
    Liaison db =
        liaison(
            Schema.builder()
                .models(models.toArray(Class<?>[]::new))
                .associations(books, chapters, citations)
                .build());
    Author ann = db.insert(author("Ann", "A-1"));
    db.on(db.on(ann, books).create(book("Graphs", 2001)), chapters).create(chapter("One"));
    db.on(ann, citations).create(citation("quoted"));
    Map<String, Object> before = StoreState.read(db, models, associations);

    Author written =
        db.transaction(
            tx -> {
              assertThatThrownBy(() -> tx.delete(ann))
                  .as("delete cascading to a RESTRICT")
                  .isInstanceOf(ConflictException.class);
              Author rekeyed = tx.find(Author.class, ann.id).orElseThrow();
              rekeyed.code = "A-2";
              assertThatThrownBy(() -> tx.update(rekeyed))
                  .as("update of a RESTRICT key")
                  .isInstanceOf(ConflictException.class);
              return tx.insert(author("Cy", "C-1"));
            });

    assertThat(db.find(Author.class, written.id))
        .as("written after the refusals, committed")
        .isPresent();
    db.delete(written);
    assertThat(StoreState.read(db, models, associations)).isEqualTo(before);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void aCascadeRollsBackWithItsTransaction() {
    Levels l =
        levels(ReferentialAction.CASCADE, ReferentialAction.CASCADE, ReferentialAction.CASCADE);
    Map<String, Object> before = l.state();
    IllegalStateException failure = new IllegalStateException("after the cascade");

    assertThatThrownBy(
            () ->
                l.db.inTransaction(
                    tx -> {
                      tx.delete(l.ann);
                      assertThat(tx.findAll(Comment.class))
                          .as("inside, after the cascade")
                          .hasSize(1);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(l.state()).as("every level after the rollback").isEqualTo(before);
  }

  /** {@code n} books of the author, each with two chapters, in a few batched calls. */
  private static void writtenBooks(Levels l, Author author, int n) {
    List<Book> books = l.db.insertAll(Samples.books(author.name, n));
    l.db.on(author, l.books).addAll(books);
    List<Chapter> chapters = new ArrayList<>();
    for (Book b : books) {
      for (String title : List.of("One", "Two")) {
        Chapter c = chapter(title);
        c.bookId = b.id;
        chapters.add(c);
      }
    }
    l.db.insertAll(chapters);
  }

  /**
   * Author -books-> Book -chapters-> Chapter -comments-> Comment, with these onDelete actions;
   * Ann's tree and Bob's.
   */
  private Levels levels(
      ReferentialAction books, ReferentialAction chapters, ReferentialAction comments) {
    return new Levels(
        BOOKS.onDelete(books), CHAPTERS.onDelete(chapters), COMMENTS.onDelete(comments));
  }

  private final class Levels {
    final HasMany<Author, Book> books;
    final HasMany<Book, Chapter> chapters;
    final HasMany<Chapter, Comment> comments;
    final Liaison db;
    final Author ann;
    final Author bob;
    final Book bobsBook;
    final Chapter annsChapter;
    final Chapter bobsChapter;
    final Comment annsComment;
    final Comment bobsComment;

    Levels(
        HasMany<Author, Book> books,
        HasMany<Book, Chapter> chapters,
        HasMany<Chapter, Comment> comments) {
      this.books = books;
      this.chapters = chapters;
      this.comments = comments;
      db =
          liaison(
              Schema.builder()
                  .models(Author.class, Book.class, Chapter.class, Comment.class)
                  .associations(books, chapters, comments)
                  .build());
      ann = db.insert(author("Ann", "A-1"));
      bob = db.insert(author("Bob", "B-1"));
      Book annsBook = db.on(ann, books).create(book("Ann's", 2001));
      db.on(ann, books).create(book("Ann's second", 2003));
      bobsBook = db.on(bob, books).create(book("Bob's", 2002));
      annsChapter = db.on(annsBook, chapters).create(chapter("Ann's one"));
      bobsChapter = db.on(bobsBook, chapters).create(chapter("Bob's one"));
      annsComment = db.on(annsChapter, comments).create(comment("Ann's remark"));
      bobsComment = db.on(bobsChapter, comments).create(comment("Bob's remark"));
    }

    Map<String, Object> state() {
      return StoreState.read(
          db,
          List.of(Author.class, Book.class, Chapter.class, Comment.class),
          List.of(books, chapters, comments));
    }
  }

  // ---------------------------------------------------------------- cases

  /**
   * A case of {@code kind} over a synced store, seeded; {@code byCode}: links reference {@code
   * code}, not the id.
   */
  private Case open(
      Kind kind, boolean byCode, ReferentialAction onDelete, ReferentialAction onUpdate, Key key) {
    Case c = kind.junction() ? new JunctionCase(kind, byCode) : new ForeignKeyCase(kind, byCode);
    c.db = liaison(c.schema(onDelete, onUpdate, key));
    c.seed();
    c.bystanderBefore = c.bystanderState();
    c.principalBefore = c.principalState();
    return c;
  }

  /**
   * One association with a principal (the row the test deletes or re-keys), its dependants (rows
   * holding a key to it, or the rows it is linked to), a bystander principal with dependants of its
   * own, and a lonely principal that nothing references.
   */
  private abstract static class Case {
    final Kind kind;
    final boolean byCode;
    Liaison db;
    Object principal;
    Object bystander;
    Object lonely;
    Map<String, Object> bystanderBefore;
    Map<String, Object> principalBefore;

    Case(Kind kind, boolean byCode) {
      this.kind = kind;
      this.byCode = byCode;
    }

    /**
     * The schema with these actions (null: the default); throws DefinitionException as
     * Schema.build() does.
     */
    abstract Schema schema(ReferentialAction onDelete, ReferentialAction onUpdate, Key key);

    abstract void seed();

    abstract List<Class<?>> models();

    abstract List<Association<?, ?>> associations();

    /**
     * The foreign key (hasOne, hasMany, belongsTo) or a junction key a definition problem must
     * name.
     */
    abstract String foreignKeyName();

    /** Dependants deleted (belongsToMany: the principal's links removed, both sides kept). */
    abstract void assertDependantsDeleted();

    /** Dependants kept, their key null, linked to nothing. */
    abstract void assertDependantsUnlinked();

    /** Dependants (or links) still linked to the principal, their key now {@code code}. */
    abstract void assertDependantsFollow(String code);

    abstract Map<String, Object> bystanderState();

    abstract Map<String, Object> principalState();

    void assertBystanderUntouched() {
      assertThat(bystanderState())
          .as("the bystander and its dependants")
          .isEqualTo(bystanderBefore);
    }

    void assertPrincipalAndDependantsUntouched() {
      assertThat(principalState()).as("the referenced row's dependants").isEqualTo(principalBefore);
      assertBystanderUntouched();
    }

    Map<String, Object> state() {
      return StoreState.read(db, models(), associations());
    }

    void deletePrincipal() {
      db.delete(principal);
    }

    void rekeyPrincipal(String code) {
      set(principal, "code", code);
      db.update(principal);
    }

    void set(Object entity, String field, Object value) {
      try {
        entity.getClass().getField(field).set(entity, value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    Optional<?> reload(Object entity) {
      return db.find(entity.getClass(), StoreState.id(entity));
    }

    Object field(Object entity, String field) {
      return StoreState.fields(entity).get(field);
    }
  }

  /**
   * hasOne, hasMany, belongsTo. By id: Person-DrivingLicense, Book-Chapter, Novel-Author; by code:
   * Author-Citation (hasOne, hasMany with {@code sourceKey("code")}), Citation-Author (belongsTo
   * with {@code targetKey("code")}), the key being {@code Citation.authorCode}.
   */
  private final class ForeignKeyCase extends Case {
    private final Class<?> principalType;
    private final Class<?> dependantType;
    private final String foreignKey;
    private Association<?, ?> association;

    /** Reads a dependant's principal: the association itself (belongsTo) or the inverse. */
    private BelongsTo<?, ?> reader;

    private final List<Object> dependants = new ArrayList<>();
    private Object bystanderDependant;

    ForeignKeyCase(Kind kind, boolean byCode) {
      super(kind, byCode);
      principalType =
          byCode || kind == Kind.BELONGS_TO
              ? Author.class
              : kind == Kind.HAS_ONE ? Person.class : Book.class;
      dependantType =
          byCode
              ? Citation.class
              : kind == Kind.HAS_ONE
                  ? DrivingLicense.class
                  : kind == Kind.HAS_MANY ? Chapter.class : Novel.class;
      foreignKey =
          byCode
              ? "authorCode"
              : kind == Kind.HAS_ONE ? "personId" : kind == Kind.HAS_MANY ? "bookId" : "authorId";
    }

    @Override
    Schema schema(ReferentialAction onDelete, ReferentialAction onUpdate, Key key) {
      boolean strict = key == Key.NOT_NULL;
      switch (kind) {
        case HAS_ONE -> {
          HasOne<?, ?> h =
              byCode
                  ? Association.hasOne(Author.class, Citation.class)
                      .sourceKey("code")
                      .foreignKey(foreignKey)
                  : Association.hasOne(Person.class, DrivingLicense.class);
          h = h.onDelete(onDelete).onUpdate(onUpdate);
          h = strict ? h.foreignKeyAllowNull(false) : h;
          association = h;
          reader = h.inverse();
        }
        case HAS_MANY -> {
          HasMany<?, ?> h =
              byCode
                  ? Association.hasMany(Author.class, Citation.class)
                      .sourceKey("code")
                      .foreignKey(foreignKey)
                  : Association.hasMany(Book.class, Chapter.class);
          h = h.onDelete(onDelete).onUpdate(onUpdate);
          h = strict ? h.foreignKeyAllowNull(false) : h;
          association = h;
          reader = h.inverse();
        }
        default -> {
          BelongsTo<?, ?> b =
              byCode
                  ? Association.belongsTo(Citation.class, Author.class)
                      .targetKey("code")
                      .foreignKey(foreignKey)
                  : Association.belongsTo(Novel.class, Author.class);
          b = b.onDelete(onDelete).onUpdate(onUpdate);
          b = strict ? b.foreignKeyAllowNull(false) : b;
          association = b;
          reader = b;
        }
      }
      return Schema.builder().models(principalType, dependantType).association(association).build();
    }

    @Override
    void seed() {
      principal = db.insert(newPrincipal("Ann"));
      bystander = db.insert(newPrincipal("Bob"));
      lonely = db.insert(newPrincipal("Cy"));
      for (int i = 0; i < (kind == Kind.HAS_ONE ? 1 : 2); i++) {
        dependants.add(newDependant("Ann's " + i, principal));
      }
      bystanderDependant = newDependant("Bob's", bystander);
    }

    private Object newPrincipal(String name) {
      if (principalType == Person.class) {
        return person(name);
      }
      if (principalType == Book.class) {
        return book(name, 2001);
      }
      return author(name, name.toUpperCase() + "-1");
    }

    /**
     * A dependant inserted with its key already pointing at the principal (it must be, if the key
     * may not be null).
     */
    private Object newDependant(String label, Object of) {
      Object d =
          dependantType == DrivingLicense.class
              ? license(label)
              : dependantType == Chapter.class
                  ? chapter(label)
                  : dependantType == Novel.class ? novel(label) : citation(label);
      set(d, foreignKey, key(of));
      return db.insert(d);
    }

    private Object key(Object p) {
      return byCode ? field(p, "code") : StoreState.id(p);
    }

    /** The id of the principal a dependant is linked to, read through the association, or null. */
    private Object linkedPrincipal(Object dependant) {
      return db.on(dependant, reader).get().map(StoreState::id).orElse(null);
    }

    @Override
    List<Class<?>> models() {
      return List.of(principalType, dependantType);
    }

    @Override
    List<Association<?, ?>> associations() {
      return association == reader ? List.of(association) : List.of(association, reader);
    }

    @Override
    String foreignKeyName() {
      return foreignKey;
    }

    @Override
    void assertDependantsDeleted() {
      assertThat(reload(principal)).as("the deleted row").isEmpty();
      for (Object d : dependants) {
        assertThat(reload(d)).as("dependant %s", field(d, "id")).isEmpty();
      }
    }

    @Override
    void assertDependantsUnlinked() {
      for (Object d : dependants) {
        assertThat(reload(d))
            .as("dependant %s", field(d, "id"))
            .get()
            .extracting(x -> field(x, foreignKey))
            .as("its %s", foreignKey)
            .isNull();
        assertThat(linkedPrincipal(d))
            .as("the row dependant %s is linked to", field(d, "id"))
            .isNull();
      }
      // Read from the referenced row too, unless it is gone or has no key left to be read by.
      if (kind != Kind.BELONGS_TO && reload(principal).map(p -> key(p) != null).orElse(false)) {
        assertThat(dependantsReadFromPrincipal())
            .as("the dependants read from the referenced row")
            .isEmpty();
      }
    }

    @Override
    void assertDependantsFollow(String code) {
      for (Object d : dependants) {
        assertThat(reload(d))
            .as("dependant %s", field(d, "id"))
            .get()
            .extracting(x -> field(x, foreignKey))
            .as("its %s", foreignKey)
            .isEqualTo(code);
        assertThat(linkedPrincipal(d))
            .as("the row dependant %s is linked to", field(d, "id"))
            .isEqualTo(StoreState.id(principal));
      }
      if (kind != Kind.BELONGS_TO) {
        assertThat(dependantsReadFromPrincipal())
            .as("the dependants read from the referenced row")
            .containsExactlyInAnyOrderElementsOf(dependants.stream().map(StoreState::id).toList());
      }
    }

    private List<Object> dependantsReadFromPrincipal() {
      if (association instanceof HasOne<?, ?> h) {
        return db.on(principal, h).get().map(StoreState::id).stream().toList();
      }
      return db.on(principal, (HasMany<?, ?>) association).get().stream()
          .map(StoreState::id)
          .toList();
    }

    @Override
    Map<String, Object> bystanderState() {
      return rowAndDependants(bystander, List.of(bystanderDependant));
    }

    @Override
    Map<String, Object> principalState() {
      return rowAndDependants(principal, dependants);
    }

    private Map<String, Object> rowAndDependants(Object p, List<Object> ds) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("row", reload(p).map(StoreState::fields).orElse(null));
      for (Object d : ds) {
        state.put("dependant " + StoreState.id(d), reload(d).map(StoreState::fields).orElse(null));
        state.put("linked " + StoreState.id(d), linkedPrincipal(d));
      }
      return state;
    }
  }

  /**
   * belongsToMany, acted on from its source or its target. By id: Book-Article through
   * BookArticles; by code: Author-Publisher through "AuthorPublishers" with {@code
   * sourceKey("code").targetKey("code")}.
   */
  private final class JunctionCase extends Case {
    private BelongsToMany<?, ?> declared;

    /** The association read from the principal's side, and from the other side. */
    private BelongsToMany<?, ?> fromPrincipal;

    private BelongsToMany<?, ?> fromOther;
    private final List<Object> others = new ArrayList<>();

    JunctionCase(Kind kind, boolean byCode) {
      super(kind, byCode);
    }

    private boolean principalIsTarget() {
      return kind == Kind.BELONGS_TO_MANY_TARGET;
    }

    @Override
    Schema schema(ReferentialAction onDelete, ReferentialAction onUpdate, Key key) {
      BelongsToMany<?, ?> b =
          byCode
              ? Association.belongsToMany(Author.class, Publisher.class)
                  .through("AuthorPublishers")
                  .sourceKey("code")
                  .targetKey("code")
              : Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
      declared = b.onDelete(onDelete).onUpdate(onUpdate);
      fromPrincipal = principalIsTarget() ? declared.inverse() : declared;
      fromOther = principalIsTarget() ? declared : declared.inverse();
      return Schema.builder()
          .models(declared.source(), declared.target())
          .association(declared)
          .build();
    }

    @Override
    void seed() {
      Class<?> principalType = fromPrincipal.source();
      Class<?> otherType = fromPrincipal.target();
      principal = db.insert(newRow(principalType, "Ann"));
      bystander = db.insert(newRow(principalType, "Bob"));
      lonely = db.insert(newRow(principalType, "Cy"));
      others.add(db.insert(newRow(otherType, "North")));
      others.add(db.insert(newRow(otherType, "South")));
      db.on(principal, fromPrincipal).add(others.get(0), through("editor"));
      db.on(principal, fromPrincipal).add(others.get(1), through("author"));
      db.on(bystander, fromPrincipal).add(others.get(0), through("reviewer"));
    }

    private Object through(String role) {
      return byCode ? Map.of() : Map.of("role", role);
    }

    private Object newRow(Class<?> type, String name) {
      if (type == Book.class) {
        return book(name, 2001);
      }
      if (type == Article.class) {
        Article a = new Article();
        a.title = name;
        return a;
      }
      if (type == Author.class) {
        return author(name, "AU-" + name.toUpperCase());
      }
      Publisher p = new Publisher();
      p.name = name;
      p.code = "PU-" + name.toUpperCase();
      return p;
    }

    /** The junction key that holds the principal's key. */
    private String principalKeyName() {
      return byCode
          ? (principalIsTarget() ? "publisherCode" : "authorCode")
          : (principalIsTarget() ? "articleId" : "bookId");
    }

    @Override
    List<Class<?>> models() {
      return List.of(declared.source(), declared.target());
    }

    @Override
    List<Association<?, ?>> associations() {
      return List.of(declared, declared.inverse());
    }

    @Override
    String foreignKeyName() {
      return "bookId";
    }

    @Override
    void assertDependantsDeleted() {
      assertThat(reload(principal)).as("the deleted row").isEmpty();
      for (Object o : others) {
        assertThat(reload(o)).as("a row it was linked to").isPresent();
        assertThat(linkedFrom(o))
            .as("rows linked to %s", StoreState.id(o))
            .doesNotContain(StoreState.id(principal));
      }
    }

    @Override
    void assertDependantsUnlinked() {
      throw new AssertionError("belongsToMany keys are never null");
    }

    @Override
    void assertDependantsFollow(String code) {
      List<LinkedTarget<?>> links =
          new ArrayList<>(db.on(principal, fromPrincipal).linkedTargets());
      assertThat(links)
          .extracting(l -> StoreState.id(l.target()))
          .containsExactlyInAnyOrderElementsOf(others.stream().map(StoreState::id).toList());
      assertThat(links).allSatisfy(l -> assertThat(l.through(principalKeyName())).isEqualTo(code));
      for (Object o : others) {
        assertThat(linkedFrom(o))
            .as("rows linked to %s", StoreState.id(o))
            .contains(StoreState.id(principal));
      }
    }

    private List<Object> linkedFrom(Object other) {
      return db.on(other, fromOther).get().stream().map(StoreState::id).toList();
    }

    @Override
    Map<String, Object> bystanderState() {
      return rowAndLinks(bystander);
    }

    @Override
    Map<String, Object> principalState() {
      return rowAndLinks(principal);
    }

    private Map<String, Object> rowAndLinks(Object p) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("row", reload(p).map(StoreState::fields).orElse(null));
      List<String> links = new ArrayList<>();
      for (LinkedTarget<?> l : db.on(p, fromPrincipal).linkedTargets()) {
        links.add(StoreState.id(l.target()) + " " + new TreeMap<>(l.through()));
      }
      links.sort(null);
      state.put("links", links);
      return state;
    }
  }
}

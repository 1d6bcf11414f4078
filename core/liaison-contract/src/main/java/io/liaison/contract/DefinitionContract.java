package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.DefinitionException;
import io.liaison.HasMany;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Gadget;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.contract.fixtures.Sticker;
import io.liaison.contract.fixtures.User;
import org.junit.jupiter.api.Test;

/**
 * Bad definitions are refused at start-up by {@code Schema.build()} with one {@link
 * DefinitionException} listing every problem, each naming the model and the option (like Guice's
 * {@code CreationException}). No store is needed, but the rules are promised here so that every
 * adapter's suite states them.
 */
public abstract class DefinitionContract extends ContractGroup {

  @Test
  void validSchemaBuilds() {
    Schema schema =
        Schema.builder()
            .models(Author.class, Book.class, Article.class, Person.class, Profile.class)
            .association(Association.hasMany(Author.class, Book.class))
            .association(
                Association.belongsToMany(Book.class, Article.class).through(BookArticles.class))
            .association(Association.hasOne(Person.class, Profile.class))
            .build();

    assertThat(schema.info().models())
        .extracting(m -> m.name())
        .containsExactlyInAnyOrder("Author", "Book", "Article", "Person", "Profile");
    assertThat(liaison(schema).schema()).isSameAs(schema);
  }

  @Test
  void associationWithUndeclaredTargetModelIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class)
            .association(Association.hasMany(Book.class, Comment.class));

    assertSingleProblem(builder, "Book", "Comment");
  }

  @Test
  void associationWithUndeclaredSourceModelIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class)
            .association(Association.belongsTo(Chapter.class, Book.class));

    assertSingleProblem(builder, "Chapter", "Book");
  }

  /** A record: immutable, so an insert could not set its id. */
  public record Label(Long id, String text) {}

  @Test
  void aRecordDeclaredAsAModelIsAProblemSayingRecordsAreNotSupported() {
    Schema.Builder builder = Schema.builder().models(Book.class, Label.class);

    assertSingleProblem(builder, "Label", "record", "no-argument constructor");
  }

  @Test
  void aThroughModelAlsoDeclaredAsAModelIsAProblemSayingSo() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class, Article.class, BookArticles.class)
            .association(
                Association.belongsToMany(Book.class, Article.class).through(BookArticles.class));

    assertSingleProblem(builder, "BookArticles", "through model", "models()");
  }

  @Test
  void modelWithoutIdIsAProblem() {
    Schema.Builder builder = Schema.builder().models(Book.class, Sticker.class);

    assertSingleProblem(builder, "Sticker", "id");
  }

  @Test
  void aliasClashingWithAnAttributeOfTheSourceIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class, Article.class)
            .association(
                Association.belongsToMany(Book.class, Article.class)
                    .through(BookArticles.class)
                    .as("title"));

    assertSingleProblem(builder, "Book", "title");
  }

  @Test
  void explicitJunctionKeyMissingFromTheThroughModelIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class, Article.class)
            .association(
                Association.belongsToMany(Book.class, Article.class)
                    .through(BookArticles.class)
                    .foreignKey("bookRef"));

    // "Book" also matches a message that names the through model BookArticles.
    assertSingleProblem(builder, "Book", "bookRef");
  }

  @Test
  void twoAssociationsOfOneSourceWithTheSameAliasAreAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class, Article.class, Comment.class)
            .association(
                Association.belongsToMany(Book.class, Article.class)
                    .through(BookArticles.class)
                    .as("notes"))
            .association(Association.hasMany(Book.class, Comment.class).as("notes"));

    assertSingleProblem(builder, "Book", "notes");
  }

  @Test
  void attributeOfAnUnsupportedTypeIsAProblem() {
    Schema.Builder builder = Schema.builder().models(Gadget.class);

    assertSingleProblem(builder, "Gadget", "parts");
  }

  @Test
  void invalidModelNameIsAProblem() {
    Schema.Builder builder = Schema.builder().models(Book.class).model(Comment.class, "Bad Name");

    assertSingleProblem(builder, "Bad Name");
  }

  @Test
  void invalidAliasIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class)
            .association(Association.hasMany(Author.class, Book.class).as("x; DROP"));

    assertSingleProblem(builder, "Author", "x; DROP");
  }

  @Test
  void invalidForeignKeyNameIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class)
            .association(Association.hasMany(Author.class, Book.class).foreignKey("author id"));

    assertSingleProblem(builder, "Author", "author id");
  }

  @Test
  void selfBelongsToManyWithEqualForeignAndOtherKeyIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(User.class)
            .association(
                Association.belongsToMany(User.class, User.class)
                    .through("Friends")
                    .as("friends")
                    .inverseAs("friendOf")
                    .foreignKey("friendId")
                    .otherKey("friendId"));

    assertSingleProblem(builder, "User", "friendId");
  }

  @Test
  void sourceKeyNamingAMissingAttributeIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class)
            .association(Association.hasMany(Author.class, Book.class).sourceKey("isbn"));

    assertSingleProblem(builder, "Author", "isbn");
  }

  @Test
  void twoModelsRequiringEachOtherThroughRequiredForeignKeysAreAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class)
            .association(Association.belongsTo(Book.class, Author.class).foreignKeyAllowNull(false))
            .association(
                Association.belongsTo(Author.class, Book.class)
                    .as("favourite")
                    .foreignKeyAllowNull(false));

    assertSingleProblem(builder, "Author", "Book", "authorId", "favouriteId", "nullable");
  }

  @Test
  void longerCycleOfRequiredForeignKeysIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class, Article.class)
            .association(Association.hasMany(Author.class, Book.class).foreignKeyAllowNull(false))
            .association(Association.hasOne(Book.class, Article.class).foreignKeyAllowNull(false))
            .association(
                Association.belongsTo(Author.class, Article.class)
                    .as("signature")
                    .foreignKeyAllowNull(false));

    assertSingleProblem(
        builder, "Author", "Book", "Article", "authorId", "bookId", "signatureId", "nullable");
  }

  @Test
  void modelWithARequiredForeignKeyToItselfIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Person.class)
            .association(
                Association.hasMany(Person.class, Person.class)
                    .as("children")
                    .inverseAs("parent")
                    .foreignKeyAllowNull(false));

    assertSingleProblem(builder, "Person", "parentId", "nullable");
  }

  @Test
  void cycleOfForeignKeysWithOneNullableKeyBuilds() {
    HasMany<Author, Book> books =
        Association.hasMany(Author.class, Book.class).foreignKeyAllowNull(false);
    BelongsTo<Author, Book> favourite =
        Association.belongsTo(Author.class, Book.class).as("favourite");
    Schema schema =
        Schema.builder()
            .models(Author.class, Book.class, Person.class)
            .associations(books, favourite)
            .association(
                Association.hasMany(Person.class, Person.class).as("children").inverseAs("parent"))
            .build();

    // The cycle can be filled: the nullable key is set once both rows exist.
    Liaison db = liaison(schema);
    Author ann = db.insert(Samples.author("Ann", "A1"));
    Book graphs = db.on(ann, books).create(Samples.book("Graphs", 2001));
    db.on(ann, favourite).set(graphs);

    assertThat(db.on(ann, favourite).get()).map(b -> b.title).contains("Graphs");
  }

  @Test
  void oneClassDeclaredUnderTwoModelNamesIsAProblem() {
    Schema.Builder builder =
        Schema.builder().models(Author.class).model(Book.class, "Book").model(Book.class, "Tome");

    assertSingleProblem(builder, Book.class.getName(), "Book", "Tome");
  }

  @Test
  void oneClassDeclaredTwiceUnderTheSameNameBuilds() {
    Schema schema =
        Schema.builder()
            .models(Book.class, Author.class)
            .model(Book.class)
            .model(Book.class, "Book")
            .build();

    assertThat(schema.info().models()).extracting(m -> m.name()).containsExactly("Book", "Author");
  }

  @Test
  void everyProblemIsReportedInOneException() {
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class, Article.class, Sticker.class, Gadget.class)
            .association(Association.hasMany(Book.class, Comment.class))
            .association(
                Association.belongsToMany(Book.class, Article.class)
                    .through(BookArticles.class)
                    .as("title"));

    DefinitionException e = catchThrowableOfType(DefinitionException.class, builder::build);

    assertThat(e).as("Schema.build() with four problems").isNotNull();
    assertThat(e.problems()).hasSize(4);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("Book", "Comment"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("Book", "title"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("Sticker", "id"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("Gadget", "parts"));
    assertThat(e.getMessage()).contains(e.problems());
  }

  // Rule 35: declarations Sequelize v7 refuses for their names (associations/helpers.ts,
  // has-one.ts, has-many.ts, belongs-to.ts, belongs-to-many.ts: "Both options "as" and
  // "inverse.as" must be defined for ... self-associations, and their value must be different").

  @Test
  void selfHasManyWithoutAnInverseAliasIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Person.class)
            .association(Association.hasMany(Person.class, Person.class).as("children"));

    assertSingleProblem(builder, "Person", "children", "inverseAs", "self-association");
  }

  @Test
  void selfHasOneWithoutAliasesIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Person.class)
            .association(Association.hasOne(Person.class, Person.class));

    assertSingleProblem(builder, "Person", "'as'", "inverseAs", "self-association");
  }

  @Test
  void selfBelongsToManyWithoutAliasesIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(User.class)
            .association(Association.belongsToMany(User.class, User.class).through("Friends"));

    assertSingleProblem(builder, "User", "'as'", "inverseAs", "self-association");
  }

  @Test
  void selfBelongsToManyWhoseInverseAliasEqualsItsAliasIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(User.class)
            .association(
                Association.belongsToMany(User.class, User.class)
                    .through("Friends")
                    .as("friends")
                    .inverseAs("friends"));

    assertSingleProblem(builder, "User", "'friends'", "self-association");
  }

  @Test
  void selfBelongsToDeclaringItsInverseUnderItsOwnAliasIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Person.class)
            .association(
                Association.belongsTo(Person.class, Person.class)
                    .as("parent")
                    .inverse(Association.Kind.HAS_MANY, "parent"));

    assertSingleProblem(builder, "Person", "'parent'", "self-association");
  }

  @Test
  void selfBelongsToDeclaringItsInverseWithoutAnAliasIsAProblem() {
    Schema.Builder builder =
        Schema.builder()
            .models(Person.class)
            .association(
                Association.belongsTo(Person.class, Person.class)
                    .as("parent")
                    .inverse(Association.Kind.HAS_MANY));

    assertSingleProblem(builder, "Person", "'parent'", "inverse(kind, as)", "self-association");
  }

  @Test
  void selfBelongsToWithoutADeclaredInverseNeedsNoAlias() {
    // v7 asks a belongsTo self-association for aliases only when it declares its inverse: alone,
    // it is one association of the model.
    BelongsTo<Person, Person> mentor = Association.belongsTo(Person.class, Person.class);
    Liaison db = liaison(Schema.builder().models(Person.class).association(mentor).build());
    Person ann = db.insert(Samples.person("Ann"));
    Person bob = db.insert(Samples.person("Bob"));

    db.on(bob, mentor).set(ann);

    assertThat(info(db.schema(), mentor).as()).isEqualTo("person");
    assertThat(db.on(bob, mentor).get()).map(p -> p.name).contains("Ann");
    assertThat(db.on(ann, mentor).get()).isEmpty();
  }

  @Test
  void inverseTakingANameAnotherAssociationOfItsModelHasIsAProblem() {
    // Both inverses would be Article.books: v7 refuses the second (assertAssociationUnique), where
    // one of them used to be left out silently.
    Schema.Builder builder =
        Schema.builder()
            .models(Book.class, Article.class)
            .association(
                Association.belongsToMany(Book.class, Article.class).through(BookArticles.class))
            .association(
                Association.belongsToMany(Book.class, Article.class)
                    .as("cited")
                    .through("BookCitedArticles"));

    assertSingleProblem(builder, "Article", "'books'", "cited");
  }

  @Test
  void inverseTakingTheNameOfADeclaredAssociationIsAProblem() {
    // Author.hasMany(Book)'s inverse is Book.author, a name Book already gives to a hasOne.
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class, Chapter.class)
            .association(Association.hasOne(Book.class, Chapter.class).as("author"))
            .association(Association.hasMany(Author.class, Book.class));

    assertSingleProblem(builder, "Author.hasMany(Book)", "Book", "'author'");
  }

  @Test
  void inverseTakingTheNameOfAnAttributeIsAProblem() {
    // v7 runs checkNamingCollision on the inverse it creates too.
    Schema.Builder builder =
        Schema.builder()
            .models(Author.class, Book.class)
            .association(Association.hasMany(Author.class, Book.class).inverseAs("title"));

    assertSingleProblem(builder, "Author.hasMany(Book)", "Book", "'title'", "attribute");
  }

  @Test
  void declaringTheInverseExplicitlyIsNoClash() {
    HasMany<Author, Book> books = Association.hasMany(Author.class, Book.class);
    Schema schema =
        Schema.builder()
            .models(Author.class, Book.class)
            .associations(books, Association.belongsTo(Book.class, Author.class))
            .build();

    assertThat(schema.info().associations()).extracting(a -> a.name()).hasSize(2);
  }

  /** Building fails with exactly one problem, naming the model and the option (or the bad name). */
  private static void assertSingleProblem(Schema.Builder builder, String... named) {
    DefinitionException e = catchThrowableOfType(DefinitionException.class, builder::build);

    assertThat(e).as("Schema.build() should throw DefinitionException").isNotNull();
    assertThat(e.problems()).as("problems of %s", e.getMessage()).hasSize(1);
    assertThat(e.problems().get(0)).contains(named);
    assertThat(e.getMessage()).contains(e.problems().get(0));
  }
}

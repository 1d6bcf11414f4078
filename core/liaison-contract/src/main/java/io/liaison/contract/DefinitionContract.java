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

  /** Building fails with exactly one problem, naming the model and the option (or the bad name). */
  private static void assertSingleProblem(Schema.Builder builder, String... named) {
    DefinitionException e = catchThrowableOfType(DefinitionException.class, builder::build);

    assertThat(e).as("Schema.build() should throw DefinitionException").isNotNull();
    assertThat(e.problems()).as("problems of %s", e.getMessage()).hasSize(1);
    assertThat(e.problems().get(0)).contains(named);
    assertThat(e.getMessage()).contains(e.problems().get(0));
  }
}

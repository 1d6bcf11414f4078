package io.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association.Kind;
import io.liaison.Association.Options;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The options of a declaration as one value: the builder copies every component, never changes
 * options already built, and the inverse of each kind is derived from the options alone.
 */
class AssociationOptionsTest {

  static class Author {
    Long id;
  }

  static class Book {
    Long id;
  }

  static class BookArticles {
    String role;
  }

  /** Options with every component away from its default. */
  private static Options everyOption() {
    return Options.builder(Author.class, Book.class)
        .as("books")
        .foreignKey("writerId")
        .foreignKeyAllowNull(false)
        .otherKey("bookRef")
        .sourceKey("code")
        .targetKey("isbn")
        .through(BookArticles.class)
        .throughUnique(false)
        .onDelete(ReferentialAction.RESTRICT)
        .onUpdate(ReferentialAction.NO_ACTION)
        .constraints(false)
        .inverseAs("writer")
        .derivedInverse(true)
        .scope(Map.of("kind", "novel"))
        .throughScope(Map.of("role", "author"))
        .build();
  }

  @Test
  void toBuilderThenBuildGivesEqualOptions() {
    Options o = everyOption();

    Options copy = o.toBuilder().build();

    assertThat(copy).isEqualTo(o).isNotSameAs(o);
    assertThat(copy.hashCode()).isEqualTo(o.hashCode());
    assertThat(copy.throughModel()).isEqualTo(BookArticles.class);
    assertThat(copy.throughUnique()).isFalse();
    assertThat(copy.constraints()).isFalse();
    assertThat(copy.derivedInverse()).isTrue();
  }

  @Test
  void aNewBuilderHoldsTheDefaults() {
    Options o = Options.builder(Author.class, Book.class).build();

    assertThat(o.source()).isEqualTo(Author.class);
    assertThat(o.target()).isEqualTo(Book.class);
    assertThat(o.as()).isNull();
    assertThat(o.foreignKey()).isNull();
    assertThat(o.foreignKeyAllowNull()).isNull();
    assertThat(o.onDelete()).isNull();
    assertThat(o.scope()).isNull();
    assertThat(o.throughUnique()).isTrue();
    assertThat(o.constraints()).isTrue();
    assertThat(o.derivedInverse()).isFalse();
  }

  @Test
  void theFluentMethodsOfADeclarationGoThroughTheBuilder() {
    HasMany<Author, Book> books =
        Association.hasMany(Author.class, Book.class)
            .as("books")
            .foreignKey("writerId")
            .onDelete(ReferentialAction.RESTRICT)
            .inverseAs("writer");

    assertThat(books.options())
        .isEqualTo(
            Options.builder(Author.class, Book.class)
                .as("books")
                .foreignKey("writerId")
                .onDelete(ReferentialAction.RESTRICT)
                .inverseAs("writer")
                .build());
  }

  @Test
  void optionsAlreadyBuiltNeverChange() {
    Map<String, Object> scope = new HashMap<>(Map.of("kind", "novel"));
    Options.Builder builder = Options.builder(Author.class, Book.class).as("books").scope(scope);
    Options first = builder.build();

    builder.as("novels").foreignKey("writerId");
    scope.put("kind", "poem");
    Options second = builder.build();
    Options changed = first.toBuilder().as("tales").build();

    assertThat(first.as()).isEqualTo("books");
    assertThat(first.foreignKey()).isNull();
    assertThat(first.scope()).containsExactly(Map.entry("kind", "novel"));
    assertThat(second.as()).isEqualTo("novels");
    assertThat(second.scope()).containsExactly(Map.entry("kind", "novel"));
    assertThat(changed.as()).isEqualTo("tales");
    assertThat(first.as()).isEqualTo("books");
    assertThatThrownBy(() -> first.scope().put("kind", "poem"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullScopeNameIsRefusedNamingTheModels() {
    Map<String, Object> scope = new HashMap<>();
    scope.put(null, "novel");

    assertThatThrownBy(() -> Options.builder(Author.class, Book.class).scope(scope))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Association.Options(Author, Book)")
        .hasMessageContaining("attribute name");
  }

  @Test
  void theCanonicalConstructorAlsoCopiesTheScopes() {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("kind", "novel");
    Options o =
        new Options(
            Author.class,
            Book.class,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            true,
            null,
            null,
            true,
            null,
            null,
            false,
            scope,
            null);

    scope.put("year", 2001);

    assertThat(o.scope()).containsExactly(Map.entry("kind", "novel"));
    assertThatThrownBy(() -> o.scope().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void hasOneInverseIsABelongsToOnTheSameForeignKey() {
    HasOne<Author, Book> book =
        Association.hasOne(Author.class, Book.class)
            .as("favourite")
            .inverseAs("fan")
            .foreignKey("fanId")
            .foreignKeyAllowNull(false)
            .sourceKey("code")
            .onDelete(ReferentialAction.CASCADE)
            .constraints(false);

    BelongsTo<Book, Author> inverse = book.inverse();
    Options o = inverse.options();

    assertThat(o).isEqualTo(book.options().inverse(Kind.HAS_ONE));
    assertThat(o.source()).isEqualTo(Book.class);
    assertThat(o.target()).isEqualTo(Author.class);
    assertThat(o.as()).isEqualTo("fan");
    assertThat(o.inverseAs()).isEqualTo("favourite");
    assertThat(o.foreignKey()).isEqualTo("fanId");
    assertThat(o.foreignKeyAllowNull()).isFalse();
    assertThat(o.targetKey()).isEqualTo("code");
    assertThat(o.sourceKey()).isNull();
    assertThat(o.otherKey()).isNull();
    assertThat(o.onDelete()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(o.constraints()).isFalse();
    assertThat(o.derivedInverse()).isTrue();
    assertThat(inverse.kind()).isEqualTo(Kind.BELONGS_TO);
  }

  @Test
  void hasManyInverseIsABelongsToKeepingTheScope() {
    HasMany<Author, Book> books =
        Association.hasMany(Author.class, Book.class)
            .foreignKey("writerId")
            .sourceKey("code")
            .onUpdate(ReferentialAction.RESTRICT)
            .scope(Map.of("kind", "novel"));

    BelongsTo<Book, Author> inverse = books.inverse();
    Options o = inverse.options();

    assertThat(o).isEqualTo(books.options().inverse(Kind.HAS_MANY));
    assertThat(o.source()).isEqualTo(Book.class);
    assertThat(o.target()).isEqualTo(Author.class);
    assertThat(o.as()).isNull();
    assertThat(o.foreignKey()).isEqualTo("writerId");
    assertThat(o.targetKey()).isEqualTo("code");
    assertThat(o.sourceKey()).isNull();
    assertThat(o.onUpdate()).isEqualTo(ReferentialAction.RESTRICT);
    assertThat(o.scope()).containsExactly(Map.entry("kind", "novel"));
    assertThat(o.derivedInverse()).isTrue();
  }

  @Test
  void belongsToManyInverseSwapsKeysAndAliasesAndItsInverseIsTheDeclaration() {
    BelongsToMany<Author, Book> books =
        Association.belongsToMany(Author.class, Book.class)
            .through(BookArticles.class)
            .as("works")
            .inverseAs("writers")
            .foreignKey("writerId")
            .otherKey("workId")
            .sourceKey("code")
            .targetKey("isbn")
            .unique(false)
            .onDelete(ReferentialAction.RESTRICT)
            .throughScope(Map.of("role", "author"));

    BelongsToMany<Book, Author> inverse = books.inverse();
    Options o = inverse.options();

    assertThat(o).isEqualTo(books.options().inverse(Kind.BELONGS_TO_MANY));
    assertThat(o.source()).isEqualTo(Book.class);
    assertThat(o.target()).isEqualTo(Author.class);
    assertThat(o.as()).isEqualTo("writers");
    assertThat(o.inverseAs()).isEqualTo("works");
    assertThat(o.foreignKey()).isEqualTo("workId");
    assertThat(o.otherKey()).isEqualTo("writerId");
    assertThat(o.sourceKey()).isEqualTo("isbn");
    assertThat(o.targetKey()).isEqualTo("code");
    assertThat(o.throughModel()).isEqualTo(BookArticles.class);
    assertThat(o.throughUnique()).isFalse();
    assertThat(o.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
    assertThat(o.throughScope()).containsExactly(Map.entry("role", "author"));
    assertThat(o.derivedInverse()).isTrue();

    assertThat(inverse.inverse()).isEqualTo(books);
    assertThat(o.inverse(Kind.BELONGS_TO_MANY)).isEqualTo(books.options());
    assertThat(o.inverse(Kind.BELONGS_TO_MANY).derivedInverse()).isFalse();
  }

  @Test
  void aBelongsToHasNoInverseAndAKindIsNeeded() {
    Options o = Association.belongsTo(Book.class, Author.class).options();

    assertThatThrownBy(() -> o.inverse(Kind.BELONGS_TO))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Book.belongsTo(Author)")
        .hasMessageContaining("no inverse");
    assertThatThrownBy(() -> o.inverse(null))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Association.Options(Book, Author)")
        .hasMessageContaining("kind");
  }

  @Test
  void sourceAndTargetAreRequired() {
    assertThatThrownBy(() -> Options.builder(null, Book.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> Options.builder(Author.class, null))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Author")
        .hasMessageContaining("target");
  }
}

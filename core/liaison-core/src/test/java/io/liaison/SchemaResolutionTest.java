package io.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.spi.AssociationInfo;
import io.liaison.spi.ForeignKeyInfo;
import io.liaison.spi.SchemaInfo;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How declarations resolve, independent of any store (the contract proves behaviour on stores). */
class SchemaResolutionTest {

  static class Book {
    Long id;
    String title;
  }

  static class Article {
    Long id;
    String title;
  }

  static class BookArticles {
    String role;
  }

  static class Chapter {
    Long id;
    long bookId;
  }

  static class User {
    UUID id;
  }

  private static AssociationInfo find(SchemaInfo info, String name) {
    return info.associations().stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void belongsToManyDeclaresItsInverseOverTheSameJunctionWithSwappedKeys() {
    BelongsToMany<Book, Article> articles =
        Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
    SchemaInfo info =
        Schema.builder().models(Book.class, Article.class).association(articles).build().info();

    AssociationInfo forward = find(info, "Book.articles");
    AssociationInfo inverse = find(info, "Article.books");
    assertThat(forward.foreignKey()).isEqualTo("bookId");
    assertThat(forward.otherKey()).isEqualTo("articleId");
    assertThat(inverse.foreignKey()).isEqualTo("articleId");
    assertThat(inverse.otherKey()).isEqualTo("bookId");
    assertThat(inverse.through()).isSameAs(forward.through());
    assertThat(forward.sourceIsPrincipal()).isTrue();
    assertThat(inverse.sourceIsPrincipal()).isFalse();
    assertThat(forward.linkName()).isEqualTo("BookArticles").isEqualTo(inverse.linkName());
    assertThat(info.junctions()).hasSize(1);
  }

  @Test
  void primitiveForeignKeyMayNotBeNullSoOnDeleteDefaultsToCascade() {
    HasMany<Book, Chapter> chapters = Association.hasMany(Book.class, Chapter.class);
    SchemaInfo info =
        Schema.builder().models(Book.class, Chapter.class).association(chapters).build().info();

    AssociationInfo a = find(info, "Book.chapters");
    assertThat(a.foreignKeyNullable()).isFalse();
    assertThat(a.onDelete()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(a.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(info.constraints()).extracting(ForeignKeyInfo::column).containsExactly("bookId");
  }

  @Test
  void hasManyAndItsInverseShareOneForeignKeyConstraint() {
    HasMany<Book, Chapter> chapters = Association.hasMany(Book.class, Chapter.class);
    SchemaInfo info =
        Schema.builder()
            .models(Book.class, Chapter.class)
            .associations(chapters, chapters.inverse())
            .build()
            .info();

    assertThat(info.associations())
        .extracting(AssociationInfo::name)
        .containsExactly("Book.chapters", "Chapter.book");
    assertThat(info.constraints()).hasSize(1);
    assertThat(find(info, "Chapter.book").linkName())
        .isEqualTo(find(info, "Book.chapters").linkName());
  }

  @Test
  void selfAssociationTakesItsKeysFromTheAliases() {
    BelongsToMany<User, User> friends =
        Association.belongsToMany(User.class, User.class)
            .through("Friendship")
            .as("friends")
            .inverseAs("friendOf");
    SchemaInfo info = Schema.builder().model(User.class).association(friends).build().info();

    assertThat(find(info, "User.friends").otherKey()).isEqualTo("friendId");
    assertThat(find(info, "User.friends").foreignKey()).isEqualTo("friendOfId");
    assertThat(find(info, "User.friendOf").foreignKey()).isEqualTo("friendId");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                Schema.builder()
                    .models(Book.class, Article.class)
                    .association(Association.hasMany(Book.class, Chapter.class))
                    .association(Association.belongsToMany(Book.class, Book.class).through("Same"))
                    .association(Association.hasOne(Book.class, Article.class).as("title"))
                    .build())
        .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("Chapter")
        .hasMessageContaining("self-association of Book needs both 'as' and 'inverseAs'")
        .hasMessageContaining("clashes with attribute 'title'");
  }
}

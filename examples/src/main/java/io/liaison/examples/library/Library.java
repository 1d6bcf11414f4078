package io.liaison.examples.library;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.Schema;

/** The Books/Articles models and their associations, declared once, as Sequelize users do. */
public final class Library {

  /** {@code Book.belongsToMany(Article, {through: BookArticles})}. */
  public static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .inverseAs("books");

  /**
   * {@code Article.belongsToMany(Book, {through: BookArticles})}: the same links, seen from the
   * article.
   */
  public static final BelongsToMany<Article, Book> BOOKS = ARTICLES.inverse();

  /** {@code Author.hasMany(Book)}: the foreign key {@code authorId} lives on Book. */
  public static final HasMany<Author, Book> AUTHORED =
      Association.hasMany(Author.class, Book.class).as("books");

  /** {@code Book.belongsTo(Author)}: the inverse of {@link #AUTHORED}, on the same key. */
  public static final BelongsTo<Book, Author> AUTHOR = AUTHORED.inverse();

  public static final Schema SCHEMA =
      Schema.builder()
          .models(Book.class, Article.class, Author.class)
          .associations(ARTICLES, AUTHORED)
          .build();

  private Library() {}
}

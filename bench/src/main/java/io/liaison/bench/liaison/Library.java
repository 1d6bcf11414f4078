package io.liaison.bench.liaison;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Schema;

/**
 * The benchmark schema, as in the README: tables {@code Book}, {@code Article} and the junction
 * {@code BookArticles (bookId, articleId, role, position)} with its primary key on the two keys.
 */
public final class Library {
  public static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  public static final Schema SCHEMA =
      Schema.builder().models(Book.class, Article.class).association(ARTICLES).build();

  private Library() {}
}

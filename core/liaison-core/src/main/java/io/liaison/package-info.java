/**
 * Liaison's user API (tier: API, stable).
 *
 * <p>Declare models and associations the way Sequelize users do, build a {@link io.liaison.Liaison}
 * over one store adapter, and call the association operations:
 *
 * <pre>{@code
 * static final BelongsToMany<Book, Article> ARTICLES =
 *     Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
 *
 * Schema schema = Schema.builder().models(Book.class, Article.class).association(ARTICLES).build();
 * Liaison db = Liaison.builder().store(adapter).schema(schema).build();
 * db.on(book, ARTICLES).add(article, Map.of("role", "editor"));
 * }</pre>
 */
package io.liaison;

package io.liaison.bench.liaison;

/** The through model of {@code Book.belongsToMany(Article)}: a role and a position per link. */
public class BookArticles {
  public String role;
  public Integer position;

  public BookArticles() {}

  public BookArticles(String role, Integer position) {
    this.role = role;
    this.position = position;
  }
}

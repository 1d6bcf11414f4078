package io.liaison.examples.library;

/** The through model of Book.belongsToMany(Article): each link carries a role and a position. */
public class BookArticles {
  public String role;
  public Integer position;

  public BookArticles() {}

  public BookArticles(String role, int position) {
    this.role = role;
    this.position = position;
  }
}

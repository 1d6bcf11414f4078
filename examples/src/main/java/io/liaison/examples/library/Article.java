package io.liaison.examples.library;

/** An article that may appear in several books. */
public class Article {
  public Long id;
  public String title;

  public Article() {}

  public Article(String title) {
    this.title = title;
  }
}

package io.liaison.bench.liaison;

/** A Liaison model. */
public class Article {
  public Long id;
  public String title;

  public Article() {}

  public Article(String title) {
    this.title = title;
  }
}

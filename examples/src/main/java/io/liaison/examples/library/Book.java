package io.liaison.examples.library;

/** A book; its articles are linked through {@link BookArticles}. */
public class Book {
  public Long id;
  public String title;
  public Integer year;

  public Book() {}

  public Book(String title, int year) {
    this.title = title;
    this.year = year;
  }
}

package io.liaison.bench.liaison;

/** A Liaison model: a plain class with an id and attributes. */
public class Book {
  public Long id;
  public String title;

  public Book() {}

  public Book(String title) {
    this.title = title;
  }
}

package io.liaison.examples.library;

/** An author of books. */
public class Author {
  public Long id;
  public String name;

  public Author() {}

  public Author(String name) {
    this.name = name;
  }
}

package io.liaison.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A Hibernate entity; sequence ids with a pooled optimiser, so inserts can be batched. */
@Entity
public class Book {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
  @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 100)
  private Long id;

  private String title;

  protected Book() {}

  public Book(String title) {
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }
}

package io.liaison.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * The join entity carrying the link's attributes, as Hibernate users map a many-to-many with extra
 * columns: its own sequence id, a {@code @ManyToOne} to each side, one link per pair (unique
 * constraint) and an index on each foreign key, as Liaison's junction has.
 */
@Entity
@Table(
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_book_article",
            columnNames = {"book_id", "article_id"}),
    indexes = {
      @Index(name = "ix_book_article_book", columnList = "book_id"),
      @Index(name = "ix_book_article_article", columnList = "article_id")
    })
public class BookArticle {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_article_seq")
  @SequenceGenerator(
      name = "book_article_seq",
      sequenceName = "book_article_seq",
      allocationSize = 100)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "book_id")
  private Book book;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "article_id")
  private Article article;

  private String role;

  private Integer position;

  protected BookArticle() {}

  public BookArticle(Book book, Article article, String role, Integer position) {
    this.book = book;
    this.article = article;
    this.role = role;
    this.position = position;
  }

  public Long getId() {
    return id;
  }

  public Book getBook() {
    return book;
  }

  public Article getArticle() {
    return article;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }
}

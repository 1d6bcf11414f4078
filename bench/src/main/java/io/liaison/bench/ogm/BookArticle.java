package io.liaison.bench.ogm;

import org.neo4j.ogm.annotation.EndNode;
import org.neo4j.ogm.annotation.GeneratedValue;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.RelationshipEntity;
import org.neo4j.ogm.annotation.StartNode;

/**
 * A link with attributes, as Neo4j-OGM maps one: a relationship entity from the book to the article
 * carrying the role and the position as relationship properties, the graph Liaison's adapter
 * writes.
 */
@RelationshipEntity(type = BookArticle.TYPE)
public class BookArticle {
  /** The relationship type: Liaison names it after the through model. */
  public static final String TYPE = "BookArticles";

  @Id @GeneratedValue private Long id;

  @StartNode private Book book;

  @EndNode private Article article;

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

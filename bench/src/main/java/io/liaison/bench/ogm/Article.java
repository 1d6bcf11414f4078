package io.liaison.bench.ogm;

import org.neo4j.ogm.annotation.GeneratedValue;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;

/**
 * A Neo4j-OGM node entity: label {@code Article}, the internal id. No field back to its books: the
 * links belong to the book.
 */
@NodeEntity
public class Article {
  @Id @GeneratedValue private Long id;

  private String title;

  protected Article() {}

  public Article(String title) {
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }
}

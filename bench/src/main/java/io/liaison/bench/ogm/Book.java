package io.liaison.bench.ogm;

import java.util.HashSet;
import java.util.Set;
import org.neo4j.ogm.annotation.GeneratedValue;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/**
 * A Neo4j-OGM node entity: label {@code Book}, the internal id as OGM's reference documentation
 * maps it ({@code @Id @GeneratedValue}), and its links as relationship entities, outgoing as
 * Liaison's are.
 */
@NodeEntity
public class Book {
  @Id @GeneratedValue private Long id;

  private String title;

  @Relationship(type = BookArticle.TYPE)
  private Set<BookArticle> articles = new HashSet<>();

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

  /** The book's links, as loaded (with depth 1) and as the next save writes them. */
  public Set<BookArticle> getArticles() {
    return articles;
  }
}

package io.liaison.neo4j.ogm;

import org.neo4j.ogm.annotation.GeneratedValue;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;

/** An entity the application maps with Neo4j-OGM, next to Liaison's models. */
@NodeEntity
public class Shelf {
  @Id @GeneratedValue public Long nativeId;
  public String name;

  public Shelf() {}

  public Shelf(String name) {
    this.name = name;
  }
}

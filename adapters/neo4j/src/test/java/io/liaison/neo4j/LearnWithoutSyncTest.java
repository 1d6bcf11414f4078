package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.HasMany;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import org.junit.jupiter.api.Test;

/** A Liaison built without syncing still teaches the adapter its relationships and actions. */
class LearnWithoutSyncTest {
  static final HasMany<Book, Chapter> CHAPTERS =
      Association.hasMany(Book.class, Chapter.class).foreignKeyAllowNull(false);
  static final Schema SCHEMA =
      Schema.builder().models(Book.class, Chapter.class).association(CHAPTERS).build();

  @Test
  void aLiaisonBuiltWithoutSyncLinksAndCascadesAsASyncedOne() {
    EmbeddedNeo4j.clean();
    try (Neo4jAdapter synced = Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()))) {
      Liaison.builder().schema(SCHEMA).store(synced).build();
    }
    try (Neo4jAdapter fresh = Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()))) {
      Liaison db = Liaison.builder().schema(SCHEMA).store(fresh).sync(false).build();
      Book book = new Book();
      book.title = "Graphs";
      db.insert(book);
      Chapter one = new Chapter();
      one.title = "One";
      db.on(book, CHAPTERS).create(one);

      assertThat(db.on(book, CHAPTERS).get()).extracting(c -> c.title).containsExactly("One");
      db.delete(book);
      assertThat(db.findAll(Chapter.class))
          .as("onDelete CASCADE, the default for a non-null key")
          .isEmpty();
    }
  }
}

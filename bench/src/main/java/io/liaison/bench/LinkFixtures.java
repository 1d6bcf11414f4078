package io.liaison.bench;

import java.util.List;

/**
 * Clearing and reading back the links where Liaison keeps them (never measured): the junction table
 * {@code BookArticles} on SQL, relationships of type {@code BookArticles} from {@code Book} to
 * {@code Article} on Neo4j. The raw contenders write the very same tables and graph; Neo4j-OGM's
 * idiomatic mapping uses the same labels, relationship type and properties too.
 */
final class LinkFixtures {
  /** The junction table, and the relationship type, of {@code Book.belongsToMany(Article)}. */
  static final String THROUGH = "BookArticles";

  private LinkFixtures() {}

  /** Removes every link (TRUNCATE of the junction table; on Neo4j, deletes the relationships). */
  static void clear(Store.Db db) {
    if (db.store() == Store.NEO4J) {
      Neo4jServer.clearLinks(THROUGH);
    } else {
      Jdbc.update(db, "TRUNCATE TABLE \"" + THROUGH + "\"");
    }
  }

  /** Every link as {@code bookTitle|articleTitle|role|position}, sorted. */
  static List<String> dump(Store.Db db) {
    if (db.store() == Store.NEO4J) {
      return Neo4jServer.dumpLinks(THROUGH);
    }
    return Jdbc.strings(
        db,
        "SELECT b.\"title\", a.\"title\", j.\"role\", j.\"position\" FROM \""
            + THROUGH
            + "\" j"
            + " JOIN \"Book\" b ON b.\"id\" = j.\"bookId\" JOIN \"Article\" a ON a.\"id\" = j.\"articleId\"");
  }
}

package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.q;

import io.liaison.neo4j.GraphRules.Link;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Identifiers;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema statements for a {@link SchemaInfo}: a uniqueness constraint on every model's id and
 * unique keys, on the sequence names, an index on every foreign-key property and on the id of
 * parallel links. Each is {@code IF NOT EXISTS}, so running them again changes nothing.
 */
final class SchemaSync {
  /** Seconds to wait for new indexes to come online. */
  static final int AWAIT_SECONDS = 300;

  private SchemaSync() {}

  /**
   * The statements, each to run in a transaction of its own, followed by waiting for the indexes.
   */
  static List<String> statements(SchemaInfo schema) {
    List<String> out = new ArrayList<>();
    Set<String> unique = new LinkedHashSet<>();
    unique.add(Cypher.SEQUENCE_LABEL + ".name");
    out.add(uniqueness(Cypher.SEQUENCE_LABEL, "name"));
    for (ModelInfo m : schema.models()) {
      if (unique.add(m.table() + "." + m.id().column())) {
        out.add(uniqueness(m.table(), m.id().column()));
      }
      for (String k : m.uniqueKeys()) {
        AttributeInfo a = m.attribute(k);
        if (unique.add(m.table() + "." + a.column())) {
          out.add(uniqueness(m.table(), a.column()));
        }
      }
    }
    Set<String> indexed = new LinkedHashSet<>();
    for (Link l : GraphRules.EMPTY.plus(schema).all()) {
      if (l.isJunction()) {
        JunctionInfo j = l.junction();
        if (!j.unique() && j.id() != null && indexed.add(":" + l.type() + "." + j.id().column())) {
          out.add(
              "CREATE INDEX "
                  + name(l.type(), j.id().column(), "index")
                  + " IF NOT EXISTS FOR ()-[r:"
                  + q(l.type())
                  + "]-() ON (r."
                  + q(j.id().column())
                  + ")");
        }
      } else {
        String key = l.dependent().table() + "." + l.foreignKey().column();
        if (!unique.contains(key) && indexed.add(key)) {
          out.add(
              "CREATE INDEX "
                  + name(l.dependent().table(), l.foreignKey().column(), "index")
                  + " IF NOT EXISTS FOR (n:"
                  + q(l.dependent().table())
                  + ") ON (n."
                  + q(l.foreignKey().column())
                  + ")");
        }
      }
    }
    return out;
  }

  static String awaitIndexes() {
    return "CALL db.awaitIndexes(" + AWAIT_SECONDS + ")";
  }

  private static String uniqueness(String label, String property) {
    return "CREATE CONSTRAINT "
        + name(label, property, "unique")
        + " IF NOT EXISTS FOR (n:"
        + q(label)
        + ") REQUIRE n."
        + q(property)
        + " IS UNIQUE";
  }

  /**
   * A schema object's name, quoted: made of checked identifiers only, so it needs no check of its
   * own.
   */
  static String name(String owner, String property, String kind) {
    return "`liaison_"
        + Identifiers.check(owner)
        + "_"
        + Identifiers.check(property)
        + "_"
        + kind
        + "`";
  }
}

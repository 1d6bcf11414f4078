package io.liaison.neo4j;

import io.liaison.Query;
import io.liaison.spi.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of generated Cypher text that every statement builder shares: identifier quoting,
 * parameter collection, the id-sequence prefix, the write-lock clause, paging and the null-safe
 * change test. Values never enter the text; nothing here runs a statement.
 */
final class Cypher {
  private Cypher() {}

  /** The label of the nodes holding id sequences. */
  static final String SEQUENCE_LABEL = "LiaisonSequence";

  /** A label, relationship type or property name, checked and quoted with backticks. */
  static String q(String identifier) {
    return "`" + Identifiers.check(identifier) + "`";
  }

  /** {@code variable.`property`}. */
  static String prop(String variable, String property) {
    return variable + "." + q(property);
  }

  /** Relationship types as one pattern alternative: {@code `A`|`B`}. */
  static String types(List<String> types) {
    StringBuilder sb = new StringBuilder();
    for (String t : types) {
      sb.append(sb.length() > 0 ? "|" : "").append(q(t));
    }
    return sb.toString();
  }

  /** Reserves {@code count} values of a sequence in one statement prefix; binds {@code base}. */
  static void sequence(StringBuilder c, Params params, String name, int count) {
    c.append("MERGE (seq:")
        .append(q(SEQUENCE_LABEL))
        .append(" {name: ")
        .append(params.put("sequence", name))
        .append("})\nON CREATE SET seq.value = 0\nSET seq.value = seq.value + ")
        .append(params.put("count", (long) count))
        .append("\nWITH seq.value - $count AS base\n");
  }

  /**
   * Cypher taking the write lock of the node bound to {@code variable} until the transaction ends,
   * by setting a label it has: Cypher has no lock clause, and a write locks the node even when it
   * changes nothing (no property key is created, unlike the usual {@code SET n._lock = true}).
   */
  static String lock(String variable, String label) {
    return "SET " + variable + ":" + label + "\n";
  }

  /** Appends the query's {@code SKIP} and {@code LIMIT}, as parameters. */
  static void page(StringBuilder c, Query query, Params params) {
    if (query.offset() != null) {
      c.append("\nSKIP ").append(params.put("skip", (long) query.offset()));
    }
    if (query.limit() != null) {
      c.append("\nLIMIT ").append(params.put("limit", (long) query.limit()));
    }
  }

  /** Null-safe "the value changed" in Cypher. */
  static String changed(String old, String now) {
    return "coalesce("
        + old
        + " <> "
        + now
        + ", "
        + old
        + " IS NOT NULL OR "
        + now
        + " IS NOT NULL)";
  }

  /** The parameters of one query, named {@code $p0}, {@code $p1}, ... or by a given name. */
  static final class Params {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a value and returns its placeholder ({@code $p3}). */
    String add(Object value) {
      String name = "p" + values.size();
      values.put(name, value);
      return "$" + name;
    }

    /** Adds a value under a name and returns its placeholder. */
    String put(String name, Object value) {
      values.put(name, value);
      return "$" + name;
    }

    Map<String, Object> values() {
      return values;
    }
  }
}

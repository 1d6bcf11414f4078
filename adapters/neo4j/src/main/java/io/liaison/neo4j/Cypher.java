package io.liaison.neo4j;

import io.liaison.spi.Identifiers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Identifier quoting and parameter collection for generated Cypher. Values never enter the text.
 */
final class Cypher {
  private Cypher() {}

  /** A label, relationship type or property name, checked and quoted with backticks. */
  static String q(String identifier) {
    return "`" + Identifiers.check(identifier) + "`";
  }

  /** {@code variable.`property`}. */
  static String prop(String variable, String property) {
    return variable + "." + q(property);
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

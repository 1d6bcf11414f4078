package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.ConflictException;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Conditions read in one statement before a write: each a Cypher list expression that is empty when
 * the condition holds, and the message naming what the non-empty list holds. Neo4j cannot roll back
 * one statement of a transaction, so a refused call must fail here, before it writes, to leave the
 * transaction usable. One instance per call; {@link #run} sends one statement, or none when there
 * is nothing to check.
 */
final class CypherChecks {
  private final CypherExecution exec;
  private final List<String> expressions = new ArrayList<>();
  private final List<Function<List<?>, String>> messages = new ArrayList<>();
  private final Cypher.Params params = new Cypher.Params();
  private Object rows;

  CypherChecks(CypherExecution exec) {
    this.exec = exec;
  }

  /** Values (store form) of {@code key} that no node of {@code model} has. */
  void missing(
      ModelInfo model, AttributeInfo key, Set<Object> values, String before, String after) {
    if (values.isEmpty()) {
      return;
    }
    String list = params.add(new ArrayList<>(values));
    expressions.add(
        "[v IN "
            + list
            + " WHERE NOT EXISTS { MATCH (x:"
            + q(model.table())
            + ") WHERE "
            + prop("x", key.column())
            + " = v }]");
    messages.add(found -> before + found + after);
  }

  /** Values (store form) of {@code key} that a node of {@code model} already has. */
  void taken(ModelInfo model, AttributeInfo key, Set<Object> values, String before, String after) {
    if (values.isEmpty()) {
      return;
    }
    String list = params.add(new ArrayList<>(values));
    expressions.add(
        "[v IN "
            + list
            + " WHERE EXISTS { MATCH (x:"
            + q(model.table())
            + ") WHERE "
            + prop("x", key.column())
            + " = v }]");
    messages.add(found -> before + found + after);
  }

  /** A list expression over {@code $rows} (see {@link #rows}). */
  void custom(String expression, Function<List<?>, String> message) {
    expressions.add(expression);
    messages.add(message);
  }

  /** The value of {@code $rows} for the custom expressions. */
  void rows(Object rows) {
    this.rows = rows;
  }

  /** Runs the checks; the first that finds something fails {@code op} with a conflict. */
  void run(String op) {
    if (expressions.isEmpty()) {
      return;
    }
    if (rows != null) {
      params.put("rows", rows);
    }
    StringBuilder c = new StringBuilder("RETURN ");
    for (int i = 0; i < expressions.size(); i++) {
      c.append(i > 0 ? ",\n  " : "").append(expressions.get(i)).append(" AS c").append(i);
    }
    Map<String, Object> result = exec.run(op, c.toString(), params).get(0);
    for (int i = 0; i < expressions.size(); i++) {
      List<?> found = (List<?>) result.get("c" + i);
      if (found != null && !found.isEmpty()) {
        List<?> shown = found.size() > 10 ? found.subList(0, 10) : found;
        throw new ConflictException(op + " failed: " + messages.get(i).apply(shown));
      }
    }
  }
}

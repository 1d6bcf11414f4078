package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;
import static io.liaison.neo4j.Cypher.sequence;

import io.liaison.ConflictException;
import io.liaison.neo4j.GraphRules.Link;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates a model's nodes, all rows in one statement ({@code UNWIND $rows}): generated ids taken
 * from the label's sequence node in the same statement, and for each foreign key the row holds the
 * relationship from its principal (within the association's scope). Missing principals and, in a
 * caller's transaction, taken ids and unique keys are refused by one check before the write.
 */
final class NodeInserts {
  private final CypherExecution exec;
  private final GraphRules rules;
  private final boolean protect;

  /**
   * @param protect true in a caller's transaction: ids and unique keys are checked before writing
   */
  NodeInserts(CypherExecution exec, GraphRules rules, boolean protect) {
    this.exec = exec;
    this.rules = rules;
    this.protect = protect;
  }

  List<Map<String, Object>> insert(ModelInfo model, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    String op = "insert " + model.name();
    AttributeInfo id = model.id();
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      model.requireAttributes(row.keySet());
      Map<String, Object> r = new LinkedHashMap<>();
      for (AttributeInfo a : model.attributes()) {
        r.put(a.name(), ValueTypes.coerce(row.get(a.name()), a.type(), GraphValues.what(model, a)));
      }
      for (AttributeInfo a : model.attributes()) {
        if (r.get(a.name()) == null && !a.nullable() && !a.generated()) {
          throw new ConflictException(
              op + " failed: attribute '" + a.name() + "' of " + model.name() + " may not be null");
        }
      }
      out.add(r);
    }
    List<Link> fks =
        rules.foreignKeysOf(model).stream()
            .filter(l -> model.attribute(l.foreignKey().name()) != null)
            .toList();

    // checks before the write: foreign keys point at existing nodes; in a caller's transaction, ids
    // and
    // unique keys are free (the database's constraints would otherwise fail the whole transaction)
    CypherChecks checks = new CypherChecks(exec);
    for (Link l : fks) {
      if (l.constraints()) {
        Set<Object> values = new LinkedHashSet<>();
        for (Map<String, Object> r : out) {
          Object v = r.get(l.foreignKey().name());
          if (v != null) {
            values.add(GraphValues.toStore(v, l.foreignKey().type()));
          }
        }
        checks.missing(
            l.principal(),
            l.principalKey(),
            values,
            "no " + l.principal().name() + " with " + l.principalKey().name() + " ",
            " for foreign key '" + l.foreignKey().name() + "'");
      }
    }
    if (protect) {
      List<AttributeInfo> unique = new ArrayList<>();
      unique.add(id);
      for (String k : model.uniqueKeys()) {
        unique.add(model.requireAttribute(k));
      }
      for (AttributeInfo a : unique) {
        Set<Object> values = new LinkedHashSet<>();
        for (Map<String, Object> r : out) {
          Object v = GraphValues.toStore(r.get(a.name()), a.type());
          if (v != null && !values.add(v)) {
            throw new ConflictException(
                op + " failed: two rows with " + a.name() + " " + ValueTypes.describe(v));
          }
        }
        checks.taken(model, a, values, "a " + model.name() + " with " + a.name() + " ", " exists");
      }
    }
    checks.run(op);

    Cypher.Params params = new Cypher.Params();
    List<Map<String, Object>> rowParams = new ArrayList<>(out.size());
    int generated = 0;
    for (int i = 0; i < out.size(); i++) {
      Map<String, Object> r = out.get(i);
      Map<String, Object> rp = new HashMap<>();
      rp.put("i", i);
      rp.put("props", GraphValues.properties(model, r, null));
      if (id.generated() && r.get(id.name()) == null) {
        rp.put("g", ++generated);
      }
      for (int k = 0; k < fks.size(); k++) {
        AttributeInfo fk = fks.get(k).foreignKey();
        rp.put(
            "f" + k,
            fks.get(k).admits(r) ? GraphValues.toStore(r.get(fk.name()), fk.type()) : null);
      }
      rowParams.add(rp);
    }
    params.put("rows", rowParams);
    StringBuilder c = new StringBuilder();
    if (generated > 0) {
      sequence(c, params, "label:" + model.table(), generated);
    }
    c.append("UNWIND $rows AS r\n");
    for (int k = 0; k < fks.size(); k++) {
      Link l = fks.get(k);
      c.append("OPTIONAL MATCH (p")
          .append(k)
          .append(':')
          .append(q(l.principal().table()))
          .append(") WHERE ")
          .append(prop("p" + k, l.principalKey().column()))
          .append(" = r.f")
          .append(k)
          .append('\n');
    }
    c.append("CREATE (n:").append(q(model.table())).append(")\nSET n = r.props\n");
    if (generated > 0) {
      c.append("SET ")
          .append(prop("n", id.column()))
          .append(" = CASE WHEN r.g IS NULL THEN ")
          .append(prop("n", id.column()))
          .append(" ELSE base + r.g END\n");
    }
    for (int k = 0; k < fks.size(); k++) {
      c.append("FOREACH (_ IN CASE WHEN p")
          .append(k)
          .append(" IS NULL THEN [] ELSE [1] END | CREATE (p")
          .append(k)
          .append(")-[:")
          .append(q(fks.get(k).type()))
          .append("]->(n))\n");
    }
    c.append("RETURN r.i AS i, ").append(prop("n", id.column())).append(" AS id");
    List<Map<String, Object>> result = exec.run(op, c.toString(), params);
    if (result.size() != out.size()) {
      throw new ConflictException(
          op + " failed: " + result.size() + " of " + out.size() + " rows were written");
    }
    for (Map<String, Object> rec : result) {
      int i = ((Number) rec.get("i")).intValue();
      out.get(i).put(id.name(), GraphValues.fromStore(rec.get("id"), id.type()));
    }
    return out;
  }
}

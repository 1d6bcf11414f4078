package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.lock;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;
import static io.liaison.neo4j.Cypher.types;

import io.liaison.ConflictException;
import io.liaison.neo4j.GraphRules.Link;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Deletes nodes with the referential actions of {@link GraphRules} emulated in the same
 * transaction: dependants over CASCADE go too, dependants over SET_NULL lose their key, links of
 * junctions go with their nodes, and a RESTRICT/NO_ACTION dependant refuses the call before
 * anything is written. Serves entity deletes and the hasOne/hasMany unlink that deletes its
 * targets.
 */
final class GraphDeletes {
  private final CypherExecution exec;
  private final GraphRules rules;

  GraphDeletes(CypherExecution exec, GraphRules rules) {
    this.exec = exec;
    this.rules = rules;
  }

  int delete(ModelInfo model, Collection<?> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    AttributeInfo id = model.id();
    Cypher.Params params = new Cypher.Params();
    String roots =
        "MATCH (n:"
            + q(model.table())
            + ") WHERE "
            + prop("n", id.column())
            + " IN "
            + params.put("ids", GraphValues.params(ids, id.type(), GraphValues.what(model, id)))
            + "\n";
    return deleteNodes("delete " + model.name(), roots, q(model.table()), params);
  }

  /**
   * Deletes the nodes {@code roots} binds to {@code n}, emulating onDelete: nodes reachable over
   * CASCADE foreign keys go too (any depth), dependants over SET_NULL foreign keys lose their key,
   * links of junctions go with their nodes; a RESTRICT/NO_ACTION dependant outside the deleted set
   * refuses the whole call before anything is written. Two statements (one without restricting
   * links). Returns how many roots were deleted.
   *
   * <p>The roots' write locks come first ({@code label} is theirs): a transaction linking a
   * dependant to a root holds the root's lock until it commits, so the dependants are collected
   * after it and its new link loses its key with the others, instead of keeping a key to a node
   * that is gone.
   */
  int deleteNodes(String op, String roots, String label, Cypher.Params params) {
    roots = roots + lock("n", label) + "WITH n\n";
    List<String> cascade = rules.cascadeTypes();
    String doomed =
        cascade.isEmpty()
            ? "WITH collect(n) AS roots, collect(n) AS doomed\n"
            : "OPTIONAL MATCH (n)-[:"
                + types(cascade)
                + "*0..]->(d)\nWITH collect(DISTINCT n) AS roots, "
                + "collect(DISTINCT d) AS doomed\n";
    List<String> restrict = rules.restrictTypes();
    List<String> restrictJunctions = rules.restrictJunctionTypes();
    if (!restrict.isEmpty() || !restrictJunctions.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (!restrict.isEmpty()) {
        parts.add("[(x)-[rel:" + types(restrict) + "]->(y) WHERE NOT y IN doomed | type(rel)]");
      }
      if (!restrictJunctions.isEmpty()) {
        parts.add("[(x)-[rel:" + types(restrictJunctions) + "]-() | type(rel)]");
      }
      String check =
          roots
              + doomed
              + "UNWIND doomed AS x\nUNWIND "
              + String.join(" + ", parts)
              + " AS blocked\nRETURN DISTINCT blocked";
      List<Map<String, Object>> blocked = exec.run(op, check, params);
      if (!blocked.isEmpty()) {
        List<Object> types = blocked.stream().map(m -> m.get("blocked")).toList();
        throw new ConflictException(
            op + " failed: still referenced through " + types + " (onDelete RESTRICT/NO_ACTION)");
      }
    }
    StringBuilder c = new StringBuilder(roots).append(doomed);
    for (Link l : rules.setNullLinks()) {
      c.append("FOREACH (y IN reduce(acc = [], x IN doomed | acc + [(x)-[:")
          .append(q(l.type()))
          .append("]->(y) WHERE NOT y IN doomed | y]) | SET ")
          .append(prop("y", l.foreignKey().column()))
          .append(" = null)\n");
    }
    c.append("FOREACH (x IN doomed | DETACH DELETE x)\nRETURN size(roots) AS deleted");
    return ((Number) exec.run(op, c.toString(), params).get(0).get("deleted")).intValue();
  }
}

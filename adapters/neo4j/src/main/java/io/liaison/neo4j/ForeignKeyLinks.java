package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.lock;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.Association.Kind;
import io.liaison.neo4j.GraphRules.Link;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.UnlinkMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links of hasOne, hasMany and belongsTo: a relationship from the principal to the dependant,
 * kept in step with the foreign-key property the dependant holds. Points dependants at their new
 * principal (removing a relationship from another) and removes links, nulling the foreign key or
 * deleting the dependants.
 */
final class ForeignKeyLinks {
  private final CypherExecution exec;
  private final GraphDeletes deletes;

  ForeignKeyLinks(CypherExecution exec, GraphDeletes deletes) {
    this.exec = exec;
    this.deletes = deletes;
  }

  /**
   * hasOne/hasMany/belongsTo: each dependant's relationship (and foreign-key property) now comes
   * from the principal of its row; a relationship from another principal is removed.
   */
  void point(String op, AssociationInfo a, List<LinkRow> links) {
    Link l = GraphRules.of(a);
    boolean principalIsSource = a.kind() != Kind.BELONGS_TO;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LinkRow row : links) {
      Object principal = principalIsSource ? row.source() : row.target();
      Object dependent = principalIsSource ? row.target() : row.source();
      Map<String, Object> r = new HashMap<>();
      r.put(
          "p",
          GraphValues.param(
              principal,
              l.principalKey().type(),
              (principalIsSource ? "source" : "target") + " of " + a.name()));
      r.put(
          "d",
          GraphValues.param(
              dependent,
              l.dependent().id().type(),
              (principalIsSource ? "target" : "source") + " of " + a.name()));
      rows.add(r);
    }
    // in one order, so that two batches lock their dependants alike and cannot deadlock
    rows.sort(Comparator.comparing(r -> r.get("d"), ForeignKeyLinks::compareValues));
    Cypher.Params params = new Cypher.Params();
    params.put("rows", rows);
    String type = q(l.type());
    String dependent = q(l.dependent().table());
    // The dependant's write lock comes before reading its relationships: a concurrent link of the
    // same
    // dependant to another principal waits for this one to commit, then sees and removes its
    // relationship.
    String c =
        "UNWIND $rows AS r\nMATCH (d:"
            + dependent
            + ") WHERE "
            + prop("d", l.dependent().id().column())
            + " = r.d\nMATCH (p:"
            + q(l.principal().table())
            + ") WHERE "
            + prop("p", l.principalKey().column())
            + " = r.p\n"
            + lock("d", dependent)
            + "FOREACH (x IN [(d)<-[o:"
            + type
            + "]-(q) WHERE q <> p | o] | DELETE x)\nMERGE (p)-[:"
            + type
            + "]->(d)\nSET "
            + prop("d", l.foreignKey().column())
            + " = "
            + prop("p", l.principalKey().column());
    exec.run(op, c, params);
  }

  /**
   * Removes the links {@code match} binds ({@code s}, {@code rel}, {@code t}) of a hasOne, hasMany
   * or belongsTo: the dependants' foreign key is nulled, or with {@link UnlinkMode#DELETE_TARGET}
   * (hasOne/hasMany) the dependants are deleted with their own onDelete rules. Returns how many
   * links were removed.
   */
  int remove(String op, AssociationInfo a, String match, Cypher.Params params, UnlinkMode mode) {
    Link l = GraphRules.of(a);
    if (a.kind() == Kind.BELONGS_TO) {
      return CypherExecution.count(
          exec.run(
              op,
              match
                  + "DELETE rel\nSET "
                  + prop("s", l.foreignKey().column())
                  + " = null\nRETURN count(*) AS c",
              params));
    }
    if (mode == UnlinkMode.DELETE_TARGET) {
      return deletes.deleteNodes(op, match + "WITH t AS n\n", q(a.target().table()), params);
    }
    return CypherExecution.count(
        exec.run(
            op,
            match
                + "DELETE rel\nSET "
                + prop("t", l.foreignKey().column())
                + " = null\nRETURN count(*) AS c",
            params));
  }

  /**
   * Store values of one attribute (all of one class) in their natural order, else by their text.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object x, Object y) {
    if (x instanceof Comparable a && y != null && x.getClass() == y.getClass()) {
      return a.compareTo(y);
    }
    return String.valueOf(x).compareTo(String.valueOf(y));
  }
}

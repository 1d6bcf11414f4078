package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.changed;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.ReferentialAction;
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
 * Updates a model's nodes, all rows in one statement, with the link rules a changed value brings: a
 * changed foreign key re-points the dependant's relationship, a changed key that links refer to
 * applies their onUpdate (CASCADE carries it into the dependants' foreign keys, SET_NULL unlinks
 * them, RESTRICT/NO_ACTION and a null cascaded into a key that may not be null refuse the call
 * before it writes).
 */
final class NodeUpdates {
  private final CypherExecution exec;
  private final GraphRules rules;
  private final boolean protect;

  /**
   * @param protect true in a caller's transaction: ids and unique keys are checked before writing
   */
  NodeUpdates(CypherExecution exec, GraphRules rules, boolean protect) {
    this.exec = exec;
    this.rules = rules;
    this.protect = protect;
  }

  int update(ModelInfo model, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    String op = "update " + model.name();
    AttributeInfo id = model.id();
    List<Map<String, Object>> coerced = new ArrayList<>(rows.size());
    Set<String> given = new LinkedHashSet<>();
    for (Map<String, Object> row : rows) {
      model.requireAttributes(row.keySet());
      if (row.get(id.name()) == null) {
        throw new InvalidCallException(op + ": a row without " + id.name());
      }
      Map<String, Object> r = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        AttributeInfo a = model.attribute(e.getKey());
        Object v = ValueTypes.coerce(e.getValue(), a.type(), GraphValues.what(model, a));
        if (v == null && !a.nullable()) {
          throw new ConflictException(
              op + " failed: attribute '" + a.name() + "' of " + model.name() + " may not be null");
        }
        r.put(a.name(), v);
      }
      given.addAll(r.keySet());
      coerced.add(r);
    }
    given.remove(id.name());

    // foreign keys this model holds that the rows change: the relationship is re-pointed
    List<Link> fks =
        rules.foreignKeysOf(model).stream()
            .filter(l -> given.contains(l.foreignKey().name()))
            .toList();
    // keys of this model that links refer to (other than the id) and that the rows change
    List<KeyUse> keys = new ArrayList<>();
    for (Link l : rules.all()) {
      if (l.principal().table().equals(model.table())
          && given.contains(l.principalKey().name())
          && !l.principalKey().name().equals(id.name())) {
        keys.add(new KeyUse(l, l.principalKey(), true));
      }
      if (l.isJunction()
          && l.dependent().table().equals(model.table())
          && given.contains(l.dependentKey().name())
          && !l.dependentKey().name().equals(id.name())) {
        keys.add(new KeyUse(l, l.dependentKey(), false));
      }
    }
    List<AttributeInfo> changedKeys = new ArrayList<>();
    for (KeyUse k : keys) {
      if (changedKeys.stream().noneMatch(x -> x.name().equals(k.key().name()))) {
        changedKeys.add(model.attribute(k.key().name()));
      }
    }

    List<Map<String, Object>> rowParams = new ArrayList<>();
    for (Map<String, Object> r : coerced) {
      Map<String, Object> rp = new HashMap<>();
      rp.put("id", GraphValues.toStore(r.get(id.name()), id.type()));
      rp.put("props", GraphValues.properties(model, r, id.name()));
      for (int k = 0; k < fks.size(); k++) {
        AttributeInfo fk = fks.get(k).foreignKey();
        rp.put("s" + k, r.containsKey(fk.name()));
        rp.put(
            "f" + k,
            fks.get(k).admits(r) ? GraphValues.toStore(r.get(fk.name()), fk.type()) : null);
      }
      for (int k = 0; k < changedKeys.size(); k++) {
        AttributeInfo key = changedKeys.get(k);
        rp.put("ks" + k, r.containsKey(key.name()));
        rp.put("kv" + k, GraphValues.toStore(r.get(key.name()), key.type()));
      }
      rowParams.add(rp);
    }

    CypherChecks checks = new CypherChecks(exec);
    for (int k = 0; k < fks.size(); k++) {
      Link l = fks.get(k);
      if (l.constraints()) {
        Set<Object> values = new LinkedHashSet<>();
        for (Map<String, Object> rp : rowParams) {
          if (rp.get("f" + k) != null) {
            values.add(rp.get("f" + k));
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
    for (KeyUse k : keys) {
      Link l = k.link();
      int index = changedKeys.indexOf(model.attribute(k.key().name()));
      String linked =
          "EXISTS { MATCH (n:"
              + q(model.table())
              + ")-[:"
              + q(l.type())
              + "]"
              + (l.isJunction() ? "-" : k.principal() ? "->" : "<-")
              + "() WHERE "
              + prop("n", id.column())
              + " = r.id";
      if (l.restricts(l.onUpdate())) {
        checks.custom(
            "[r IN $rows WHERE r.ks"
                + index
                + " AND "
                + linked
                + " AND "
                + changed(prop("n", k.key().column()), "r.kv" + index)
                + " } | r.id]",
            ids ->
                "changing "
                    + k.key().name()
                    + " of "
                    + model.name()
                    + " "
                    + ids
                    + " is refused (onUpdate "
                    + l.onUpdate()
                    + "): linked through "
                    + l.type());
      } else if (l.constraints()
          && l.onUpdate() == ReferentialAction.CASCADE
          && (l.isJunction() || !l.foreignKey().nullable())
          && setsNull(rowParams, index)) {
        // CASCADE carries a null key only into keys that may be null, as a SQL NOT NULL column
        // refuses it.
        checks.custom(
            "[r IN $rows WHERE r.ks"
                + index
                + " AND r.kv"
                + index
                + " IS NULL AND "
                + linked
                + " } | r.id]",
            ids ->
                "setting "
                    + k.key().name()
                    + " of "
                    + model.name()
                    + " "
                    + ids
                    + " to null is refused (onUpdate "
                    + "CASCADE): "
                    + (l.isJunction()
                        ? "the keys of " + l.type() + " are never null"
                        : "foreign key '"
                            + l.foreignKey().name()
                            + "' of "
                            + l.dependent().name()
                            + " may not be null"));
      }
    }
    if (protect) {
      for (String keyName : model.uniqueKeys()) {
        AttributeInfo key = model.requireAttribute(keyName);
        if (!given.contains(keyName)) {
          continue;
        }
        checks.custom(
            "[r IN $rows WHERE r.props."
                + q(key.column())
                + " IS NOT NULL AND EXISTS { MATCH (m:"
                + q(model.table())
                + ") WHERE "
                + prop("m", key.column())
                + " = r.props."
                + q(key.column())
                + " AND "
                + prop("m", id.column())
                + " <> r.id } | r.props."
                + q(key.column())
                + "]",
            values -> "a " + model.name() + " with " + keyName + " " + values + " exists");
      }
    }
    checks.rows(rowParams);
    checks.run(op);

    Cypher.Params params = new Cypher.Params();
    params.put("rows", rowParams);
    StringBuilder c =
        new StringBuilder("UNWIND $rows AS r\nMATCH (n:")
            .append(q(model.table()))
            .append(") WHERE ")
            .append(prop("n", id.column()))
            .append(" = r.id\n");
    if (!changedKeys.isEmpty()) {
      c.append("WITH n, r");
      for (int k = 0; k < changedKeys.size(); k++) {
        c.append(", ").append(prop("n", changedKeys.get(k).column())).append(" AS old").append(k);
      }
      c.append('\n');
      for (KeyUse k : keys) {
        Link l = k.link();
        if (!l.constraints()) {
          continue;
        }
        int index = changedKeys.indexOf(model.attribute(k.key().name()));
        String when = "r.ks" + index + " AND " + changed("old" + index, "r.kv" + index);
        String type = q(l.type());
        if (!l.isJunction() && l.onUpdate() == ReferentialAction.CASCADE) {
          // the dependants' foreign key follows the key; a key set to null unlinks them
          c.append("FOREACH (d IN CASE WHEN ")
              .append(when)
              .append(" THEN [(n)-[:")
              .append(type)
              .append("]->(d) | d] ELSE [] END | SET ")
              .append(prop("d", l.foreignKey().column()))
              .append(" = r.kv")
              .append(index)
              .append(")\n");
          c.append("FOREACH (x IN CASE WHEN ")
              .append(when)
              .append(" AND r.kv")
              .append(index)
              .append(" IS NULL THEN [(n)-[x:")
              .append(type)
              .append("]->() | x] ELSE [] END | DELETE x)\n");
        } else if (!l.isJunction() && l.onUpdate() == ReferentialAction.SET_NULL) {
          c.append("FOREACH (d IN CASE WHEN ")
              .append(when)
              .append(" THEN [(n)-[:")
              .append(type)
              .append("]->(d) | d] ELSE [] END | SET ")
              .append(prop("d", l.foreignKey().column()))
              .append(" = null)\n");
          c.append("FOREACH (x IN CASE WHEN ")
              .append(when)
              .append(" THEN [(n)-[x:")
              .append(type)
              .append("]->() | x] ELSE [] END | DELETE x)\n");
        }
        // Junction keys are read from the nodes, so CASCADE needs nothing; a null key was refused
        // above
        // and SET_NULL on junction keys is refused at start-up.
      }
    }
    c.append("SET n += r.props\n");
    if (!fks.isEmpty()) {
      c.append("WITH n, r\n");
      for (int k = 0; k < fks.size(); k++) {
        Link l = fks.get(k);
        c.append("OPTIONAL MATCH (p")
            .append(k)
            .append(':')
            .append(q(l.principal().table()))
            .append(") WHERE r.s")
            .append(k)
            .append(" AND ")
            .append(prop("p" + k, l.principalKey().column()))
            .append(" = r.f")
            .append(k)
            .append('\n');
      }
      for (int k = 0; k < fks.size(); k++) {
        String type = q(fks.get(k).type());
        c.append("FOREACH (x IN CASE WHEN r.s")
            .append(k)
            .append(" THEN [(n)<-[o:")
            .append(type)
            .append("]-(q) WHERE p")
            .append(k)
            .append(" IS NULL OR q <> p")
            .append(k)
            .append(" | o] ELSE [] END | DELETE x)\n");
        c.append("FOREACH (_ IN CASE WHEN p")
            .append(k)
            .append(" IS NULL THEN [] ELSE [1] END | MERGE (p")
            .append(k)
            .append(")-[:")
            .append(type)
            .append("]->(n))\n");
      }
    }
    c.append("RETURN count(*) AS c");
    return ((Number) exec.run(op, c.toString(), params).get(0).get("c")).intValue();
  }

  /** Whether a row sets key number {@code index} to null (the check is needed only then). */
  private static boolean setsNull(List<Map<String, Object>> rowParams, int index) {
    return rowParams.stream()
        .anyMatch(rp -> Boolean.TRUE.equals(rp.get("ks" + index)) && rp.get("kv" + index) == null);
  }

  /** A key of a model that a link refers to: the principal's key, or a junction's dependent key. */
  private record KeyUse(Link link, AttributeInfo key, boolean principal) {}
}

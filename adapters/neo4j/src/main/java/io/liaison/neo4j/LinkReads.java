package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.page;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.InvalidCallException;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.TargetRow;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads links of every kind along their {@link LinkPath}, one statement per call whatever the
 * number of sources: the targets of many sources (with their through attributes, paged per source
 * when the query pages), the count per source, and which of given pairs are linked. Values come
 * back as the caller gave them ({@link ValueTypes#givenValues}).
 */
final class LinkReads {
  private final CypherExecution exec;

  LinkReads(CypherExecution exec) {
    this.exec = exec;
  }

  List<TargetRow> targets(AssociationInfo a, Collection<?> sources, Query query) {
    Query qy = query == null ? Query.ALL : query;
    LinkPath path = LinkPath.of(a);
    ModelInfo target = a.target();
    Cypher.Params params = new Cypher.Params();
    List<Object> sourceValues = LinkPath.sourceParams(a, path, sources);
    boolean perSource = sourceValues.size() > 1 && (qy.limit() != null || qy.offset() != null);
    StringBuilder c = new StringBuilder();
    if (perSource) {
      // Paging per source: a subquery per source value, each ordered and cut on its own.
      c.append("UNWIND ")
          .append(params.put("sourceList", sourceValues))
          .append(" AS src\nCALL {\nWITH src\n");
    }
    c.append("MATCH ").append(path.pattern()).append('\n');
    LinkPath.filter(c, a, path, perSource ? "src" : sourceValues, qy, params);
    List<String> order = new ArrayList<>();
    for (Order o : qy.order()) {
      if (o.onThrough()) {
        if (!path.junction()) {
          throw new InvalidCallException(
              "Ordering by through attribute '"
                  + o.attribute()
                  + "' needs a "
                  + "belongsToMany association; "
                  + a.name()
                  + " is "
                  + a.kind());
        }
        order.add(
            CypherWhere.orderExpr(LinkPath.throughProps(a, path).resolve(o.attribute()))
                + (o.ascending() ? "" : " DESC"));
      } else {
        order.add(
            CypherWhere.orderExpr(NodeProps.of(target, "t").resolve(o.attribute()))
                + (o.ascending() ? "" : " DESC"));
      }
    }
    if (sources.isEmpty() || qy.limit() != null && qy.limit() == 0) {
      return List.of();
    }
    order.add(prop("t", target.id().column()));
    order.add(path.sourceExpr());
    JunctionInfo j = a.through();
    if (path.parallel()) {
      order.add(prop("rel", j.id().column()));
    }
    TargetColumns columns = new TargetColumns(a, path);
    StringBuilder returns = new StringBuilder(columns.returnClause());
    // In the target id's order alone, and that id an integer, the rows are sorted here rather than
    // by the statement (TargetRow.sortById gives the order Neo4j would).
    boolean sortHere = !path.parallel() && TargetRow.sortableById(qy, target.id().type());
    if (!sortHere) {
      returns.append("\nORDER BY ").append(String.join(", ", order));
    }
    c.append(returns);
    page(c, qy, params);
    if (perSource) {
      c.append("\n}\nRETURN ").append(String.join(", ", columns.names()));
    }
    Map<Object, Object> given = ValueTypes.givenValues(sources, path.sourceAttr().type());
    List<TargetRow> out = columns.read(exec.run("get " + a.name(), c.toString(), params), given);
    if (sortHere) {
      TargetRow.sortById(out, target.id().name());
    }
    return out;
  }

  Map<Object, Long> count(AssociationInfo a, Collection<?> sources, Query query) {
    Query qy = query == null ? Query.ALL : query;
    LinkPath path = LinkPath.of(a);
    Map<Object, Long> out = new LinkedHashMap<>();
    for (Object s : sources) {
      out.put(s, 0L);
    }
    Cypher.Params params = new Cypher.Params();
    StringBuilder c = new StringBuilder("MATCH ");
    if (path.junction() && qy.where() == null && qy.throughWhere() == null) {
      // Unfiltered: each source's relationships of the junction's type, which link it to targets
      // only,
      // counted from the node's relationship counts without visiting them.
      String arrow = LinkPath.arrow(a, "");
      c.append("(s:").append(q(a.source().table())).append(")\n");
      LinkPath.filter(c, a, path, LinkPath.sourceParams(a, path, sources), qy, params);
      c.append("WITH s, COUNT { (s)").append(arrow).append("() } AS n WHERE n > 0\n");
      if (sources.isEmpty()) {
        return out;
      }
      c.append("RETURN ").append(path.sourceExpr()).append(" AS source, n");
    } else {
      c.append(path.pattern()).append('\n');
      LinkPath.filter(c, a, path, LinkPath.sourceParams(a, path, sources), qy, params);
      if (sources.isEmpty()) {
        return out;
      }
      c.append("RETURN ").append(path.sourceExpr()).append(" AS source, count(*) AS n");
    }
    Map<Object, Object> given = ValueTypes.givenValues(sources, path.sourceAttr().type());
    for (Map<String, Object> rec : exec.run("count " + a.name(), c.toString(), params)) {
      Object source = GraphValues.fromStore(rec.get("source"), path.sourceAttr().type());
      out.put(given.getOrDefault(source, source), ((Number) rec.get("n")).longValue());
    }
    return out;
  }

  /** The linked pairs' keys alone: no target's properties are read or ordered. */
  Map<Object, Set<Object>> linkedAmong(
      AssociationInfo a, Collection<?> sources, Collection<?> targets) {
    Map<Object, Set<Object>> out = new HashMap<>();
    if (sources.isEmpty() || targets.isEmpty()) {
      return out;
    }
    LinkPath path = LinkPath.of(a);
    Cypher.Params params = new Cypher.Params();
    String c =
        "MATCH "
            + path.pattern()
            + "\nWHERE "
            + path.sourceExpr()
            + " IN "
            + params.put(
                "sources",
                GraphValues.params(sources, path.sourceAttr().type(), "source of " + a.name()))
            + " AND "
            + path.targetExpr()
            + " IN "
            + params.put(
                "targets",
                GraphValues.params(targets, path.targetAttr().type(), "target of " + a.name()))
            + "\nRETURN DISTINCT "
            + path.sourceExpr()
            + " AS s, "
            + path.targetExpr()
            + " AS t";
    Map<Object, Object> givenSources = ValueTypes.givenValues(sources, path.sourceAttr().type());
    Map<Object, Object> givenTargets = ValueTypes.givenValues(targets, path.targetAttr().type());
    for (Map<String, Object> rec : exec.run("has " + a.name(), c, params)) {
      Object s = GraphValues.fromStore(rec.get("s"), path.sourceAttr().type());
      Object t = GraphValues.fromStore(rec.get("t"), path.targetAttr().type());
      out.computeIfAbsent(givenSources.getOrDefault(s, s), k -> new java.util.HashSet<>())
          .add(givenTargets.getOrDefault(t, t));
    }
    return out;
  }

  List<Object> linked(AssociationInfo a, Object source, Collection<?> targets) {
    if (targets.isEmpty() || source == null) {
      return List.of();
    }
    LinkPath path = LinkPath.of(a);
    Cypher.Params params = new Cypher.Params();
    String c =
        "MATCH "
            + path.pattern()
            + "\nWHERE "
            + path.sourceExpr()
            + " = "
            + params.put(
                "source",
                GraphValues.param(source, path.sourceAttr().type(), "source of " + a.name()))
            + " AND "
            + path.targetExpr()
            + " IN "
            + params.put(
                "targets",
                GraphValues.params(targets, path.targetAttr().type(), "target of " + a.name()))
            + "\nRETURN DISTINCT "
            + path.targetExpr()
            + " AS v";
    Map<Object, Object> given = ValueTypes.givenValues(targets, path.targetAttr().type());
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> rec : exec.run("has " + a.name(), c, params)) {
      Object v = GraphValues.fromStore(rec.get("v"), path.targetAttr().type());
      out.add(given.getOrDefault(v, v));
    }
    return out;
  }
}

package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.lock;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;
import static io.liaison.neo4j.Cypher.sequence;

import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.StoreException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The links of belongsToMany: a relationship between the two nodes, with the junction's through
 * attributes as its properties. Unique links are merged, parallel links (with ids of their own,
 * generated from the junction's sequence) created; the verified forms write only when every end
 * exists, in the same statement. An end deleted by another transaction while this one waited for it
 * fails the call as a {@link ConflictException} naming the model and key value.
 */
final class JunctionLinks {
  private final CypherExecution exec;

  JunctionLinks(CypherExecution exec) {
    this.exec = exec;
  }

  /**
   * belongsToMany: unique links are merged (given through attributes set), parallel links created.
   */
  void link(String op, AssociationInfo a, List<LinkRow> links) {
    link(op, a, links, false);
  }

  /**
   * One statement that finds every row's source and target and writes the links only if all were
   * found (unique links; parallel ones, whose generated ids take a sequence, are left to the
   * default).
   */
  boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
    return link("link " + a.name(), a, links, true);
  }

  /**
   * As {@link #link(String, AssociationInfo, List)}; {@code verified} (unique links only): every
   * end is looked up first (OPTIONAL MATCH) and the links are merged only if none is missing, in
   * the same statement, so that a missing end writes nothing and fails nothing. Returns whether the
   * links were written.
   */
  private boolean link(String op, AssociationInfo a, List<LinkRow> links, boolean verified) {
    JunctionInfo j = a.through();
    LinkPath path = LinkPath.of(a);
    boolean parallel = path.parallel();
    List<Map<String, Object>> rows = new ArrayList<>();
    int generated = junctionRows(op, a, links, rows);
    Cypher.Params params = new Cypher.Params();
    StringBuilder c = new StringBuilder();
    if (generated > 0) {
      sequence(c, params, "type:" + j.name(), generated);
    }
    params.put("rows", rows);
    String arrow = LinkPath.arrow(a, "rel");
    if (rows.isEmpty()) {
      return true;
    }
    Object oneSource = rows.get(0).get("s");
    boolean single = rows.stream().allMatch(r -> java.util.Objects.equals(r.get("s"), oneSource));
    if (verified) {
      // Each end looked up once, by its index, as the unverified statement does; the rows are
      // gathered
      // and written only if no end is missing (an UNWIND of an empty list writes nothing).
      String source = q(a.source().table());
      String target = q(a.target().table());
      if (single) {
        c.append("OPTIONAL MATCH (s:")
            .append(source)
            .append(") WHERE ")
            .append(path.sourceExpr())
            .append(" = ")
            .append(params.put("source", oneSource))
            .append("\nUNWIND $rows AS r\n");
      } else {
        c.append("UNWIND $rows AS r\nOPTIONAL MATCH (s:")
            .append(source)
            .append(") WHERE ")
            .append(path.sourceExpr())
            .append(" = r.s\n");
      }
      c.append("OPTIONAL MATCH (t:")
          .append(target)
          .append(") WHERE ")
          .append(path.targetExpr())
          .append(" = r.t\n")
          .append("WITH collect({s: s, t: t, r: r}) AS rows\n")
          .append(
              "UNWIND CASE WHEN all(x IN rows WHERE x.s IS NOT NULL AND x.t IS NOT NULL) THEN rows ELSE [] END AS x\n")
          .append("WITH x.s AS s, x.t AS t, x.r AS r\n")
          .append("MERGE (s)")
          .append(arrow)
          .append("(t)\nSET rel += r.props\nRETURN count(*) AS written");
      List<Map<String, Object>> out = runLinking(op, a, c.toString(), params, rows);
      return ((Number) out.get(0).get("written")).longValue() > 0;
    }
    if (single) {
      // one source (the usual add): matched once, as hand-written Cypher does, not once per row
      c.append("MATCH (s:")
          .append(q(a.source().table()))
          .append(") WHERE ")
          .append(path.sourceExpr())
          .append(" = ")
          .append(params.put("source", oneSource))
          .append("\nUNWIND $rows AS r\n");
    } else {
      c.append("UNWIND $rows AS r\nMATCH (s:")
          .append(q(a.source().table()))
          .append(") WHERE ")
          .append(path.sourceExpr())
          .append(" = r.s\n");
    }
    c.append("MATCH (t:")
        .append(q(a.target().table()))
        .append(") WHERE ")
        .append(path.targetExpr())
        .append(" = r.t\n");
    if (parallel) {
      String idProp = prop("rel", j.id().column());
      c.append("CREATE (s)")
          .append(arrow)
          .append("(t)\nSET rel = r.props\nSET ")
          .append(idProp)
          .append(
              generated > 0 ? " = CASE WHEN r.g IS NULL THEN r.id ELSE base + r.g END" : " = r.id");
    } else {
      c.append("MERGE (s)").append(arrow).append("(t)\nSET rel += r.props");
    }
    runLinking(op, a, c.toString(), params, rows);
    return true;
  }

  /**
   * Unique belongsToMany links, in one statement: the source and every target are looked up (each
   * target once, by its index), and unless one is missing the source is locked, its links to other
   * targets removed and the given ones merged, so a missing end changes nothing. Setting no links
   * at all counts no targets: the source alone is looked up, locked and emptied.
   */
  boolean replaceExisting(AssociationInfo a, Object source, List<LinkRow> links) {
    LinkPath path = LinkPath.of(a);
    String op = "set " + a.name();
    Object expected = GraphValues.param(source, path.sourceAttr().type(), "source of " + a.name());
    List<Map<String, Object>> rows = new ArrayList<>();
    junctionRows(op, a, links, rows);
    Set<Object> keep = new LinkedHashSet<>();
    for (Map<String, Object> r : rows) {
      if (!Objects.equals(expected, r.get("s"))) {
        throw new InvalidCallException(
            op + ": a link from " + r.get("s") + " given for source " + source);
      }
      keep.add(r.get("t"));
    }
    Cypher.Params params = new Cypher.Params();
    String label = q(a.source().table());
    String sourceParam = params.put("source", expected);
    StringBuilder c =
        new StringBuilder("OPTIONAL MATCH (s:")
            .append(label)
            .append(") WHERE ")
            .append(path.sourceExpr())
            .append(" = ")
            .append(sourceParam)
            .append('\n');
    if (rows.isEmpty()) {
      c.append("UNWIND CASE WHEN s IS NULL THEN [] ELSE [s] END AS x\n")
          .append(lock("s", label))
          .append("FOREACH (gone IN [")
          .append(path.pattern())
          .append(" | rel] | DELETE gone)\nRETURN count(s) AS c");
      return CypherExecution.count(exec.run(op, c.toString(), params)) > 0;
    }
    String targets = params.put("targets", new ArrayList<>(keep));
    String arrow = LinkPath.arrow(a, "rel");
    params.put("rows", rows);
    c.append("UNWIND $rows AS r\nOPTIONAL MATCH (t:")
        .append(q(a.target().table()))
        .append(") WHERE ")
        .append(path.targetExpr())
        .append(" = r.t\n")
        .append("WITH s, collect({t: t, r: r}) AS rows\n")
        // no row from here on unless the source and every target exist: nothing locked, removed or
        // written
        .append(
            "UNWIND CASE WHEN s IS NOT NULL AND all(x IN rows WHERE x.t IS NOT NULL) THEN [s] ELSE [] END AS x\n")
        .append(lock("s", label))
        // the source's other links, read after the lock; a comprehension keeps the one row
        .append("FOREACH (gone IN [")
        .append(path.pattern())
        .append(" WHERE NOT ")
        .append(path.targetExpr())
        .append(" IN ")
        .append(targets)
        .append(" | rel] | DELETE gone)\n")
        .append("WITH s, rows\nUNWIND rows AS x\nWITH s, x.t AS t, x.r AS r\n")
        .append("MERGE (s)")
        .append(arrow)
        .append("(t)\nSET rel += r.props\nRETURN count(*) AS c");
    return CypherExecution.count(exec.run(op, c.toString(), params)) > 0;
  }

  int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
    LinkPath path = LinkPath.of(a);
    if (!path.parallel()) {
      throw new InvalidCallException("unlink " + a.name() + " by link id: its links have no ids");
    }
    if (source == null || linkIds.isEmpty()) {
      return 0;
    }
    AttributeInfo id = a.through().id();
    Cypher.Params params = new Cypher.Params();
    // Matched from the source, so another source's link ids reach none of its links.
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
            + prop("rel", id.column())
            + " IN "
            + params.put("ids", GraphValues.params(linkIds, id.type(), "link id of " + a.name()))
            + LinkPath.inThroughScope(a, params)
            + "\nDELETE rel\nRETURN count(*) AS c";
    return CypherExecution.count(exec.run("unlink " + a.name(), c, params));
  }

  /** Removes the relationships {@code match} binds to {@code rel}; returns how many. */
  int remove(String op, String match, Cypher.Params params) {
    return CypherExecution.count(exec.run(op, match + "DELETE rel\nRETURN count(*) AS c", params));
  }

  /**
   * Runs a statement writing belongsToMany links. An end it found, then waited for (another
   * transaction held its lock), may be gone once the wait is over: that transaction deleted it.
   * Neo4j then fails the statement naming its internal element id ({@code Unable to load NODE
   * 4:...}), which tells a caller nothing; the ends are looked up again among what is committed,
   * and the failure is a {@link ConflictException} naming the model and key value the caller gave,
   * as a foreign key names it on SQL.
   */
  private List<Map<String, Object>> runLinking(
      String op,
      AssociationInfo a,
      String cypher,
      Cypher.Params params,
      List<Map<String, Object>> rows) {
    try {
      return exec.run(op, cypher, params);
    } catch (StoreException e) {
      if (!exec.errors().isEntityGone(e)) {
        throw e;
      }
      LinkPath path = LinkPath.of(a);
      List<String> gone = new ArrayList<>();
      gone.addAll(missing(a.source(), "s", path.sourceExpr(), rows, "s"));
      gone.addAll(missing(a.target(), "t", path.targetExpr(), rows, "t"));
      String what = gone.isEmpty() ? "a source or target of " + a.name() : String.join(", ", gone);
      throw new ConflictException(
          op
              + " failed: "
              + what
              + " was deleted by another transaction while it was "
              + "being linked",
          e);
    }
  }

  /**
   * The ends ({@code "Model value"}) among the rows' {@code key} values that no committed node of
   * the model has, read outside this (failed) transaction; none when this session cannot read
   * outside it.
   */
  private List<String> missing(
      ModelInfo model, String variable, String expr, List<Map<String, Object>> rows, String key) {
    CypherRunner committed = exec.committed();
    if (committed == null) {
      return List.of();
    }
    Set<Object> values = new LinkedHashSet<>();
    for (Map<String, Object> r : rows) {
      values.add(r.get(key));
    }
    try {
      List<String> gone = new ArrayList<>();
      for (Map<String, Object> row :
          committed.run(
              "UNWIND $values AS v OPTIONAL MATCH ("
                  + variable
                  + ":"
                  + q(model.table())
                  + ") WHERE "
                  + expr
                  + " = v WITH v, "
                  + variable
                  + " WHERE "
                  + variable
                  + " IS NULL RETURN v",
              Map.of("values", new ArrayList<>(values)))) {
        gone.add(model.name() + " " + row.get("v"));
      }
      return gone;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * The statement parameters of junction links, one map per link ({@code s}, {@code t}, {@code
   * props}, and for parallel links {@code id} or {@code g}, the link's place among those whose ids
   * are generated), added to {@code rows}. Returns how many link ids must be generated.
   */
  private int junctionRows(
      String op, AssociationInfo a, List<LinkRow> links, List<Map<String, Object>> rows) {
    JunctionInfo j = a.through();
    LinkPath path = LinkPath.of(a);
    boolean parallel = path.parallel();
    List<AttributeInfo> payload = j.payload();
    int generated = 0;
    for (LinkRow row : links) {
      Map<String, Object> props = new HashMap<>();
      for (Map.Entry<String, Object> e : row.through().entrySet()) {
        AttributeInfo x = j.attribute(e.getKey());
        if (x == null) {
          throw new InvalidCallException(
              "Unknown through attribute '"
                  + e.getKey()
                  + "' of "
                  + j.name()
                  + " ("
                  + a.name()
                  + ")");
        }
        if (payload.contains(x)) {
          props.put(
              x.column(),
              GraphValues.param(e.getValue(), x.type(), "through attribute '" + x.name() + "'"));
        }
      }
      Map<String, Object> r = new HashMap<>();
      r.put(
          "s", GraphValues.param(row.source(), path.sourceAttr().type(), "source of " + a.name()));
      r.put(
          "t", GraphValues.param(row.target(), path.targetAttr().type(), "target of " + a.name()));
      r.put("props", props);
      if (parallel) {
        if (row.linkId() != null) {
          r.put("id", GraphValues.param(row.linkId(), j.id().type(), "link id of " + a.name()));
        } else if (j.id().generated()) {
          r.put("g", ++generated);
        } else {
          throw new InvalidCallException(op + ": a parallel link needs a link id");
        }
      }
      rows.add(r);
    }
    return generated;
  }
}

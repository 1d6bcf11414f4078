package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.lock;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;
import static io.liaison.neo4j.Cypher.sequence;

import io.liaison.Association.Kind;
import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.Query;
import io.liaison.StoreException;
import io.liaison.Where;
import io.liaison.neo4j.GraphRules.Link;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One transaction on Neo4j, speaking Cypher through a {@link CypherRunner}. Every method runs a
 * constant number of statements whatever the size of its collections: rows travel as one list
 * parameter ({@code UNWIND $rows}), id lists as one list ({@code IN $ids}). Each statement is
 * reported once to the statement listener.
 *
 * <p>Variables in generated Cypher: {@code n} a model's node, {@code s} the source node of an
 * association, {@code t} its target, {@code rel} the relationship between them, {@code p} a
 * principal, {@code d} a dependent.
 *
 * <p>Referential actions, foreign-key existence and (in a caller's transaction) uniqueness are
 * checked by a read before the write: Neo4j cannot roll back one statement of a transaction, so a
 * refused call must fail before it writes to leave the transaction usable.
 */
final class CypherSession implements StoreSession {

  /** How the session's transaction ends. */
  interface Transaction {
    void commit();

    void rollback();

    /** Ends the transaction (rolling back if still open) and frees its resources. */
    void close();
  }

  private final CypherExecution exec;
  private final GraphRules rules;
  private final NodeInserts inserts;
  private final NodeUpdates updates;
  private final NodeReads nodeReads;
  private final LinkReads linkReads;
  private final GraphDeletes deletes;
  private final String description;

  /**
   * @param runner runs statements in the transaction
   * @param tx ends it
   * @param errors translates the store's failures
   * @param rules the relationship types of the synced schemas
   * @param listener told of every statement
   * @param protect true for a caller's transaction that must stay usable after a refused call:
   *     conflicts the database would report as errors (uniqueness) are checked before writing
   * @param description for toString
   */
  CypherSession(
      CypherRunner runner,
      Transaction tx,
      CypherErrors errors,
      GraphRules rules,
      Consumer<String> listener,
      boolean protect,
      String description) {
    this.exec = new CypherExecution(runner, tx, errors, listener);
    this.rules = rules;
    this.inserts = new NodeInserts(exec, rules, protect);
    this.updates = new NodeUpdates(exec, rules, protect);
    this.nodeReads = new NodeReads(exec);
    this.linkReads = new LinkReads(exec);
    this.deletes = new GraphDeletes(exec, rules);
    this.description = description;
  }

  /**
   * Gives this session a way to read what is committed, outside its own transaction: used after a
   * failure that ended the transaction, to name what another transaction changed meanwhile.
   */
  CypherSession readingCommittedWith(CypherRunner reader) {
    exec.readCommittedWith(reader);
    return this;
  }

  // ------------------------------------------------------------------ entities

  @Override
  public List<Map<String, Object>> insert(ModelInfo model, List<Map<String, Object>> rows) {
    return inserts.insert(model, rows);
  }

  @Override
  public int update(ModelInfo model, List<Map<String, Object>> rows) {
    return updates.update(model, rows);
  }

  @Override
  public List<Map<String, Object>> findBy(ModelInfo model, String attribute, Collection<?> values) {
    return nodeReads.findBy(model, attribute, values);
  }

  @Override
  public List<Map<String, Object>> find(ModelInfo model, Query query) {
    return nodeReads.find(model, query);
  }

  @Override
  public long count(ModelInfo model, Where where) {
    return nodeReads.count(model, where);
  }

  @Override
  public int delete(ModelInfo model, Collection<?> ids) {
    return deletes.delete(model, ids);
  }

  // ------------------------------------------------------------------ link reads

  @Override
  public List<TargetRow> targets(AssociationInfo a, Collection<?> sources, Query query) {
    return linkReads.targets(a, sources, query);
  }

  @Override
  public Map<Object, Long> count(AssociationInfo a, Collection<?> sources, Query query) {
    return linkReads.count(a, sources, query);
  }

  /** The linked pairs' keys alone: no target's properties are read or ordered. */
  @Override
  public Map<Object, Set<Object>> linkedAmong(
      AssociationInfo a, Collection<?> sources, Collection<?> targets) {
    return linkReads.linkedAmong(a, sources, targets);
  }

  @Override
  public List<Object> linked(AssociationInfo a, Object source, Collection<?> targets) {
    return linkReads.linked(a, source, targets);
  }

  // ------------------------------------------------------------------ link writes

  @Override
  public void link(AssociationInfo a, List<LinkRow> links) {
    if (links.isEmpty()) {
      return;
    }
    String op = "link " + a.name();
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      linkJunction(op, a, links);
    } else {
      pointForeignKeys(op, a, links);
    }
  }

  /**
   * hasOne/hasMany/belongsTo: each dependant's relationship (and foreign-key property) now comes
   * from the principal of its row; a relationship from another principal is removed.
   */
  private void pointForeignKeys(String op, AssociationInfo a, List<LinkRow> links) {
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
    rows.sort(Comparator.comparing(r -> r.get("d"), CypherSession::compareValues));
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
    run(op, c, params);
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

  /**
   * One statement that finds every row's source and target and writes the links only if all were
   * found (unique links; parallel ones, whose generated ids take a sequence, are left to the
   * default).
   */
  @Override
  public boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
    if (a.kind() != Kind.BELONGS_TO_MANY || LinkPath.of(a).parallel()) {
      return StoreSession.super.linkExisting(a, links);
    }
    return linkJunction("link " + a.name(), a, links, true);
  }

  /**
   * belongsToMany: unique links are merged (given through attributes set), parallel links created.
   */
  private void linkJunction(String op, AssociationInfo a, List<LinkRow> links) {
    linkJunction(op, a, links, false);
  }

  /**
   * As {@link #linkJunction(String, AssociationInfo, List)}; {@code verified} (unique links only):
   * every end is looked up first (OPTIONAL MATCH) and the links are merged only if none is missing,
   * in the same statement, so that a missing end writes nothing and fails nothing. Returns whether
   * the links were written.
   */
  private boolean linkJunction(
      String op, AssociationInfo a, List<LinkRow> links, boolean verified) {
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
      return run(op, cypher, params);
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

  @Override
  public int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    if (source == null || targets != null && targets.isEmpty()) {
      return 0;
    }
    return removeLinks("unlink " + a.name(), a, source, targets, false, mode, false);
  }

  /**
   * Removes the source's links to {@code targets} (all when null; with {@code except}, all but
   * those). hasOne/hasMany apply the mode to the dependants; belongsTo nulls the source's key. With
   * {@code lock}, the statement first takes the source node's write lock (see {@link #replace}).
   */
  private int removeLinks(
      String op,
      AssociationInfo a,
      Object source,
      Collection<?> targets,
      boolean except,
      UnlinkMode mode,
      boolean lock) {
    LinkPath path = LinkPath.of(a);
    Link l = path.link();
    Cypher.Params params = new Cypher.Params();
    String sourceValue =
        params.put(
            "source", GraphValues.param(source, path.sourceAttr().type(), "source of " + a.name()));
    StringBuilder match = new StringBuilder("MATCH ");
    if (lock) {
      String label = q(a.source().table());
      match
          .append("(s:")
          .append(label)
          .append(") WHERE ")
          .append(path.sourceExpr())
          .append(" = ")
          .append(sourceValue)
          .append('\n')
          .append(lock("s", label))
          .append("WITH s\nMATCH ");
    }
    match
        .append(path.pattern())
        .append("\nWHERE ")
        .append(path.sourceExpr())
        .append(" = ")
        .append(sourceValue);
    if (targets != null) {
      match
          .append(except ? " AND NOT " : " AND ")
          .append(path.targetExpr())
          .append(" IN ")
          .append(
              params.put(
                  "targets",
                  GraphValues.params(targets, path.targetAttr().type(), "target of " + a.name())));
    }
    match.append(LinkPath.inThroughScope(a, params)).append('\n');
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        if (mode == UnlinkMode.DELETE_TARGET) {
          return deletes.deleteNodes(op, match + "WITH t AS n\n", q(a.target().table()), params);
        }
        return CypherExecution.count(
            run(
                op,
                match
                    + "DELETE rel\nSET "
                    + prop("t", l.foreignKey().column())
                    + " = null\nRETURN count(*) AS c",
                params));
      }
      case BELONGS_TO -> {
        return CypherExecution.count(
            run(
                op,
                match
                    + "DELETE rel\nSET "
                    + prop("s", l.foreignKey().column())
                    + " = null\nRETURN count(*) AS c",
                params));
      }
      default -> {
        return CypherExecution.count(run(op, match + "DELETE rel\nRETURN count(*) AS c", params));
      }
    }
  }

  @Override
  public int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
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
    return CypherExecution.count(run("unlink " + a.name(), c, params));
  }

  /**
   * Unique belongsToMany links, in one statement: the source and every target are looked up (each
   * target once, by its index), and unless one is missing the source is locked, its links to other
   * targets removed and the given ones merged, so a missing end changes nothing. Setting no links
   * at all counts no targets: the source alone is looked up, locked and emptied.
   */
  @Override
  public boolean replaceExisting(
      AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    LinkPath path = LinkPath.of(a);
    if (a.kind() != Kind.BELONGS_TO_MANY || path.parallel() || source == null) {
      return StoreSession.super.replaceExisting(a, source, links, mode);
    }
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
      return CypherExecution.count(run(op, c.toString(), params)) > 0;
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
    return CypherExecution.count(run(op, c.toString(), params)) > 0;
  }

  @Override
  public void replace(AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    if (source == null) {
      throw new InvalidCallException("set " + a.name() + ": no source");
    }
    String op = "set " + a.name();
    LinkPath path = LinkPath.of(a);
    Object expected = GraphValues.param(source, path.sourceAttr().type(), "source of " + a.name());
    for (LinkRow l : links) {
      if (!Objects.equals(
          expected,
          GraphValues.param(l.source(), path.sourceAttr().type(), "source of " + a.name()))) {
        throw new InvalidCallException(
            op + ": a link from " + l.source() + " given for source " + source);
      }
    }
    if (a.kind() == Kind.BELONGS_TO && links.size() > 1) {
      throw new InvalidCallException(
          op + ": belongsTo links one target, " + links.size() + " given");
    }
    List<Object> keep = new ArrayList<>();
    for (LinkRow l : links) {
      keep.add(l.target());
    }
    boolean keepNone = a.kind() == Kind.BELONGS_TO || path.parallel() || keep.isEmpty();
    // The first statement locks the source node before reading its links, so that two sets of one
    // source
    // take turns: the second reads (and replaces) what the first committed, never a mix of both.
    removeLinks(op, a, source, keepNone ? null : keep, true, mode, true);
    if (links.isEmpty()) {
      return;
    }
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      linkJunction(op, a, links);
    } else {
      pointForeignKeys(op, a, links);
    }
  }

  // ------------------------------------------------------------------ transaction

  @Override
  public void commit() {
    exec.commit();
  }

  @Override
  public void rollback() {
    exec.rollback();
  }

  @Override
  public void close() {
    exec.close();
  }

  // ------------------------------------------------------------------ metadata helpers

  private List<Map<String, Object>> run(String operation, String cypher, Cypher.Params params) {
    return exec.run(operation, cypher, params);
  }

  @Override
  public String toString() {
    return "CypherSession[" + description + exec.state() + "]";
  }
}

package io.liaison.neo4j;

import io.liaison.Association.Kind;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One transaction on a Cypher store, speaking Cypher through a {@link CypherRunner}: the {@link
 * StoreSession} the engine calls, which hands each call to the class that owns it ({@link
 * NodeInserts}, {@link NodeUpdates}, {@link NodeReads}, {@link GraphDeletes}, {@link LinkReads},
 * {@link ForeignKeyLinks}, {@link JunctionLinks}, {@link SourceLinks}) and owns nothing else. Every
 * method runs a constant number of statements whatever the size of its collections: rows travel as
 * one list parameter ({@code UNWIND $rows}), id lists as one list ({@code IN $ids}). Each statement
 * is reported once to the statement listener ({@link CypherExecution}).
 *
 * <p>Nothing here depends on the store's client: a second Cypher store (another server speaking
 * Cypher, or Neo4j over another transport) constructs this session with its own {@link
 * CypherRunner}, a {@link Transaction} ending its transaction and its {@link CypherErrors}, as
 * {@link Neo4jAdapter} does with the Java Driver and {@link OgmBridge} with Neo4j-OGM.
 *
 * <p>Variables in generated Cypher: {@code n} a model's node, {@code s} the source node of an
 * association, {@code t} its target, {@code rel} the relationship between them, {@code p} a
 * principal, {@code d} a dependent.
 *
 * <p>Referential actions, foreign-key existence and (in a caller's transaction) uniqueness are
 * checked by a read before the write: Neo4j cannot roll back one statement of a transaction, so a
 * refused call must fail before it writes to leave the transaction usable.
 */
public final class CypherSession implements StoreSession {

  /** How the session's transaction ends. */
  public interface Transaction {
    void commit();

    void rollback();

    /** Ends the transaction (rolling back if still open) and frees its resources. */
    void close();
  }

  private final CypherExecution exec;
  private final NodeInserts inserts;
  private final NodeUpdates updates;
  private final NodeReads nodeReads;
  private final LinkReads linkReads;
  private final GraphDeletes deletes;
  private final ForeignKeyLinks foreignKeys;
  private final JunctionLinks junctions;
  private final SourceLinks sourceLinks;
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
  public CypherSession(
      CypherRunner runner,
      Transaction tx,
      CypherErrors errors,
      GraphRules rules,
      Consumer<String> listener,
      boolean protect,
      String description) {
    this.exec = new CypherExecution(runner, tx, errors, listener);
    this.inserts = new NodeInserts(exec, rules, protect);
    this.updates = new NodeUpdates(exec, rules, protect);
    this.nodeReads = new NodeReads(exec);
    this.linkReads = new LinkReads(exec);
    this.deletes = new GraphDeletes(exec, rules);
    this.foreignKeys = new ForeignKeyLinks(exec, deletes);
    this.junctions = new JunctionLinks(exec);
    this.sourceLinks = new SourceLinks(foreignKeys, junctions);
    this.description = description;
  }

  /**
   * Gives this session a way to read what is committed, outside its own transaction: used after a
   * failure that ended the transaction, to name what another transaction changed meanwhile.
   */
  public CypherSession readingCommittedWith(CypherRunner reader) {
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
      junctions.link(op, a, links);
    } else {
      foreignKeys.point(op, a, links);
    }
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
    return junctions.linkExisting(a, links);
  }

  @Override
  public int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    return sourceLinks.unlink(a, source, targets, mode);
  }

  @Override
  public int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
    return junctions.unlinkByIds(a, source, linkIds);
  }

  /** Unique belongsToMany links in one statement that changes nothing when an end is missing. */
  @Override
  public boolean replaceExisting(
      AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    if (a.kind() != Kind.BELONGS_TO_MANY || LinkPath.of(a).parallel() || source == null) {
      return StoreSession.super.replaceExisting(a, source, links, mode);
    }
    return junctions.replaceExisting(a, source, links);
  }

  @Override
  public void replace(AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    sourceLinks.replace(a, source, links, mode);
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

  @Override
  public String toString() {
    return "CypherSession[" + description + exec.state() + "]";
  }
}

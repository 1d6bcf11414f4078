package io.liaison.jdbc;

import static io.liaison.jdbc.LinkGuards.distinctSources;
import static io.liaison.jdbc.SqlBuilder.attribute;
import static io.liaison.jdbc.SqlBuilder.junctionAttribute;

import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction over one pooled connection (auto-commit off, or on for a read operation). Every
 * method runs a constant number of statements whatever the size of its collections: id lists travel
 * as one list parameter ({@link Dialect#inList}), multi-row writes as one JDBC batch. Each
 * statement, query or batch is reported once to the adapter's {@link
 * io.liaison.spi.StatementListener}s.
 *
 * <p>The session hands each call to the part that owns it, and decides only what is the SPI's:
 * which calls take a {@link StoreSession} default, and which part serves an association's kind.
 * {@link SqlRunner} runs the statements and owns the transaction; {@link EntityOperations} a
 * model's own rows; {@link LinkReads} the reads through associations; {@link ForeignKeyLinks} and
 * {@link JunctionLinks} the link writes of the kinds kept in a foreign key and in a junction, with
 * the locks and checks they share in {@link LinkGuards} and the junction rows' writes prepared by
 * {@link JunctionWrites}. Statement text shared by the parts is {@link SqlBuilder}'s; everything
 * that differs between databases is the {@link Dialect}'s.
 */
final class JdbcSession implements StoreSession {
  private final SqlRunner run;
  private final EntityOperations entities;
  private final LinkReads reads;
  private final ForeignKeyLinks foreignKeys;
  private final JunctionLinks junctions;
  private final Dialect dialect;

  /**
   * @param savepoints take a savepoint around each write (in a user's transaction)
   * @param autoCommit the connection is in auto-commit mode (a read operation): every statement
   *     commits by itself, and commit and rollback have nothing to end
   */
  JdbcSession(
      JdbcAdapter adapter,
      Connection conn,
      Dialect dialect,
      boolean savepoints,
      boolean autoCommit) {
    this.run = new SqlRunner(adapter, conn, dialect, savepoints, autoCommit);
    SqlBuilder build = new SqlBuilder(dialect);
    this.entities = new EntityOperations(run, build, dialect);
    this.reads = new LinkReads(run, build, dialect);
    LinkGuards guards = new LinkGuards(run, build, dialect);
    this.foreignKeys = new ForeignKeyLinks(run, dialect, guards);
    this.junctions =
        new JunctionLinks(run, build, dialect, guards, new JunctionWrites(run, dialect));
    this.dialect = dialect;
  }

  /** Whether this is a read operation in auto-commit mode (no transaction of its own). */
  boolean autoCommitted() {
    return run.autoCommitted();
  }

  // ------------------------------------------------------------------ entities

  @Override
  public List<Map<String, Object>> insert(ModelInfo model, List<Map<String, Object>> rows) {
    return entities.insert(model, rows);
  }

  @Override
  public List<Map<String, Object>> findBy(ModelInfo model, String attribute, Collection<?> values) {
    return entities.findBy(model, attribute, values);
  }

  @Override
  public List<Map<String, Object>> find(ModelInfo model, Query query) {
    return entities.find(model, query);
  }

  @Override
  public long count(ModelInfo model, Where where) {
    return entities.count(model, where);
  }

  @Override
  public int update(ModelInfo model, List<Map<String, Object>> rows) {
    return entities.update(model, rows);
  }

  @Override
  public int delete(ModelInfo model, Collection<?> ids) {
    return entities.delete(model, ids);
  }

  // ------------------------------------------------------------------ link reads

  @Override
  public List<TargetRow> targets(AssociationInfo a, Collection<?> sources, Query query) {
    return reads.targets(a, sources, query);
  }

  @Override
  public void targets(
      AssociationInfo a, Collection<?> sources, Query query, TargetRow.Visitor visitor) {
    reads.targets(a, sources, query, visitor);
  }

  @Override
  public Map<Object, Long> count(AssociationInfo a, Collection<?> sources, Query query) {
    return reads.count(a, sources, query);
  }

  @Override
  public Map<Object, Set<Object>> linkedAmong(
      AssociationInfo a, Collection<?> sources, Collection<?> targets) {
    int max = dialect.maxArrayLength();
    if (a.kind() != Kind.BELONGS_TO_MANY || sources.size() > max || targets.size() > max) {
      return StoreSession.super.linkedAmong(a, sources, targets);
    }
    return reads.linkedAmong(a, sources, targets);
  }

  @Override
  public List<Object> linked(AssociationInfo a, Object source, Collection<?> targets) {
    return reads.linked(a, source, targets);
  }

  // ------------------------------------------------------------------ link writes

  @Override
  public void link(AssociationInfo a, List<LinkRow> links) {
    if (links.isEmpty()) {
      return;
    }
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      junctions.link(a, links);
    } else {
      foreignKeys.link(a, links);
    }
  }

  @Override
  public boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
    if (a.kind() != Kind.BELONGS_TO_MANY
        || links.size() > dialect.maxArrayLength()
            && distinctSources(links).size() > dialect.maxArrayLength()) {
      return StoreSession.super.linkExisting(a, links);
    }
    return junctions.linkExisting(a, links);
  }

  @Override
  public boolean replaceExisting(
      AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    if (a.kind() != Kind.BELONGS_TO_MANY || !a.through().unique() || source == null) {
      return StoreSession.super.replaceExisting(a, source, links, mode);
    }
    return junctions.replaceExisting(a, source, links);
  }

  @Override
  public int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    if (source == null || targets != null && targets.isEmpty()) {
      return 0;
    }
    return a.kind() == Kind.BELONGS_TO_MANY
        ? junctions.unlink(a, source, targets)
        : foreignKeys.unlink(a, source, targets, mode);
  }

  @Override
  public int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
    return junctions.unlinkByIds(a, source, linkIds);
  }

  @Override
  public void replace(AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    if (source == null) {
      throw new InvalidCallException("set " + a.name() + ": no source");
    }
    Class<?> sourceType = sourceType(a);
    String sourceLabel = "source of " + a.name();
    Object expected = ValueTypes.coerce(source, sourceType, sourceLabel);
    for (LinkRow l : links) {
      if (!expected.equals(ValueTypes.coerce(l.source(), sourceType, sourceLabel))) {
        throw new InvalidCallException(
            "set " + a.name() + ": a link from " + l.source() + " given for source " + source);
      }
    }
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      junctions.replace(a, source, links);
    } else {
      foreignKeys.replace(a, source, links, mode);
    }
  }

  /**
   * The type of the source match values as stored (the foreign key, or the source id for
   * belongsTo).
   */
  private static Class<?> sourceType(AssociationInfo a) {
    return switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> attribute(a.target(), a.foreignKey()).type();
      case BELONGS_TO -> a.source().id().type();
      case BELONGS_TO_MANY -> junctionAttribute(a.through(), a.foreignKey()).type();
    };
  }

  // ------------------------------------------------------------------ transaction

  @Override
  public void commit() {
    run.commit();
  }

  @Override
  public void rollback() {
    run.rollback();
  }

  @Override
  public void close() {
    run.close();
  }

  @Override
  public String toString() {
    return "JdbcSession[" + dialect.name() + run.state() + "]";
  }
}

package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.col;
import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.attribute;
import static io.liaison.jdbc.SqlBuilder.inThroughScope;
import static io.liaison.jdbc.SqlBuilder.insertSql;
import static io.liaison.jdbc.SqlBuilder.junctionAttribute;
import static io.liaison.jdbc.SqlBuilder.what;

import io.liaison.Association.Kind;
import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.jdbc.SqlRunner.SqlWork;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction over one pooled connection (auto-commit off). Every method runs a constant number
 * of statements whatever the size of its collections: id lists travel as one list parameter ({@link
 * Dialect#inList}), multi-row writes as one JDBC batch. Each statement, query or batch is reported
 * once to the adapter's {@link io.liaison.spi.StatementListener}s.
 *
 * <p>Table aliases in generated SQL: {@code t} the target model, {@code s} the source model, {@code
 * j} the junction.
 */
final class JdbcSession implements StoreSession {
  private final SqlRunner run;
  private final SqlBuilder build;
  private final EntityOperations entities;
  private final LinkReads reads;
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
    this.build = new SqlBuilder(dialect);
    this.entities = new EntityOperations(run, build, dialect);
    this.reads = new LinkReads(run, build, dialect);
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
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        List<List<Param>> batch = pointTargets(a, links);
        String sql = pointTargetsSql(a);
        namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    "link " + a.name(),
                    () -> {
                      run.batch(sql, batch);
                      lockReferencedByKeys(a, links);
                      return null;
                    }));
      }
      case BELONGS_TO -> {
        ModelInfo s = a.source();
        AttributeInfo fk = attribute(s, a.foreignKey());
        AttributeInfo id = s.id();
        String sql =
            "UPDATE "
                + q(s.table())
                + " SET "
                + q(fk.column())
                + " = ? WHERE "
                + q(id.column())
                + " = ?";
        List<List<Param>> batch = new ArrayList<>(links.size());
        String targetLabel = "target of " + a.name();
        String sourceLabel = "source of " + a.name();
        for (LinkRow l : links) {
          batch.add(
              List.of(
                  Param.of(l.target(), fk.type(), targetLabel),
                  Param.of(l.source(), id.type(), sourceLabel)));
        }
        namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    "link " + a.name(),
                    () -> {
                      run.batch(sql, batch);
                      lockReferencedByKeys(a, links);
                      return null;
                    }));
      }
      case BELONGS_TO_MANY -> {
        JunctionWrite w = junctionWrite(a, links);
        boolean lock = a.through().unique() && dialect.upsertNeedsSourceLock();
        Collection<Object> sources = lock ? distinctSources(links) : List.of();
        namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    "link " + a.name(),
                    () -> {
                      if (lock) {
                        lockSources(a, sources);
                      }
                      // the ends exist (the caller made sure): a refused insert can only be a link
                      // that exists
                      if (w.upsertsFirst() || !insertedFirst(w)) {
                        w.run();
                      }
                      lockLinkedTargets(a, links);
                      return null;
                    },
                    a.through().unique()));
      }
    }
  }

  /**
   * Runs a write of belongsToMany links; where the database's foreign-key failure does not name the
   * key value ({@link Dialect#foreignKeyErrorsNameValues}), a {@link io.liaison.ConflictException}
   * is given the ends that are missing, found by one more query after the failure (the failed
   * statement was rolled back, the transaction is still usable), so that it names the model and the
   * key the caller gave.
   */
  private <T> T namingMissingEnds(AssociationInfo a, List<LinkRow> links, SqlWork<T> work) {
    try {
      return work.run();
    } catch (io.liaison.ConflictException e) {
      if (dialect.foreignKeyErrorsNameValues() || run.lost()) {
        throw e;
      }
      List<String> missing = new ArrayList<>();
      try {
        missing.addAll(
            missing(a.source(), a.sourceMatch(), links.stream().map(LinkRow::source).toList()));
        missing.addAll(
            missing(a.target(), a.targetMatch(), links.stream().map(LinkRow::target).toList()));
      } catch (SQLException | RuntimeException failure) {
        e.addSuppressed(failure);
        throw e;
      }
      if (missing.isEmpty()) {
        throw e;
      }
      throw new io.liaison.ConflictException(
          e.getMessage() + "; not found: " + String.join(", ", missing), e.getCause());
    } catch (SQLException e) {
      throw run.translate("link " + a.name(), e, false);
    }
  }

  /** {@code Model key} for each of the values that no row of {@code model} has as its key. */
  private List<String> missing(ModelInfo model, String key, List<Object> values)
      throws SQLException {
    AttributeInfo k = attribute(model, key);
    Param list = Param.array(values, k.type(), "key of " + model.name());
    @SuppressWarnings("unchecked")
    Set<Object> absent = new LinkedHashSet<>((List<Object>) list.value());
    String sql =
        "SELECT "
            + q(k.column())
            + " FROM "
            + q(model.table())
            + " WHERE "
            + dialect.inList(q(k.column()), k.type());
    absent.removeAll(run.query(sql, List.of(list), rs -> Values.read(rs, 1, k.type())));
    return absent.stream().map(v -> model.name() + " " + v).toList();
  }

  /** The links' sources, each once, in order: one loop, as it runs over every link of a batch. */
  private static Collection<Object> distinctSources(List<LinkRow> links) {
    Set<Object> sources = new LinkedHashSet<>();
    for (LinkRow l : links) {
      sources.add(l.source());
    }
    return sources;
  }

  /**
   * belongsToMany: one query counts the sources and targets found by their keys ({@link
   * #countEnds}), then the link batch; nothing is written when the count falls short. Looking the
   * ends up with {@link #findBy} would read every row.
   */
  @Override
  public boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
    if (a.kind() != Kind.BELONGS_TO_MANY
        || links.size() > dialect.maxArrayLength()
            && distinctSources(links).size() > dialect.maxArrayLength()) {
      return StoreSession.super.linkExisting(a, links);
    }
    List<?> sources =
        keys(
            a.source(),
            a.sourceMatch(),
            links.stream().map(LinkRow::source).toList(),
            "source of " + a.name());
    List<?> targets =
        keys(
            a.target(),
            a.targetMatch(),
            links.stream().map(LinkRow::target).toList(),
            "target of " + a.name());
    JunctionWrite w = junctionWrite(a, links);
    boolean lock = a.through().unique() && dialect.upsertNeedsSourceLock();
    if (w.insert() != null && run.junctionGuardsEnds(a)) {
      // the foreign keys refuse a missing end: count the ends only when the database refused the
      // inserts
      return namingMissingEnds(
          a,
          links,
          () ->
              run.write(
                  "link " + a.name(),
                  () -> {
                    if (lock && lockSources(a, sources) < sources.size()) {
                      return false;
                    }
                    if (!insertedFirst(w)) {
                      if (countEnds(a, sources, targets, false, false)
                          < sources.size() + targets.size()) {
                        return false;
                      }
                      w.run();
                    }
                    lockLinkedTargets(a, links);
                    return true;
                  },
                  a.through().unique()));
    }
    return namingMissingEnds(
        a,
        links,
        () ->
            run.write(
                "link " + a.name(),
                () -> {
                  // with a lock, its query and the count stay two, so that one source costs what
                  // many do
                  if (countEnds(a, sources, targets, lock, false)
                      < sources.size() + targets.size()) {
                    return false;
                  }
                  w.run();
                  lockLinkedTargets(a, links);
                  return true;
                },
                a.through().unique()));
  }

  /**
   * Runs {@code w}'s first try ({@link Dialect#writesFirst}: plain inserts, or the upsert itself)
   * under a savepoint of its own: true when all went in; false, with none of them left, when the
   * database refused one on an integrity constraint (an end that does not exist; for inserts also a
   * link that exists or a key given twice), and when {@code w} has no first try. Any other failure
   * propagates.
   */
  private boolean insertedFirst(JunctionWrite w) throws SQLException {
    if (w.insert() == null) {
      return false;
    }
    Savepoint savepoint = run.savepoint();
    try {
      w.insert().run();
    } catch (SQLException e) {
      if (!SqlErrors.isConflict(e)) {
        throw e;
      }
      run.rollBack(savepoint);
      return false;
    }
    run.release(savepoint);
    return true;
  }

  /**
   * belongsToMany with a unique junction: as {@link #replace}, with the query that locks the source
   * also counting the targets found ({@link #countEnds}); nothing is removed or written when one is
   * missing.
   */
  @Override
  public boolean replaceExisting(
      AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    if (a.kind() != Kind.BELONGS_TO_MANY || !a.through().unique() || source == null) {
      return StoreSession.super.replaceExisting(a, source, links, mode);
    }
    List<?> sources = keys(a.source(), a.sourceMatch(), List.of(source), "source of " + a.name());
    List<?> targets =
        keys(
            a.target(),
            a.targetMatch(),
            links.stream().map(LinkRow::target).toList(),
            "target of " + a.name());
    return replaceJunction(
        a, source, links, () -> countEnds(a, sources, targets, true, true) == 1 + targets.size());
  }

  /** The distinct values of a key, coerced to its type, nulls dropped. */
  private static List<?> keys(ModelInfo model, String key, List<Object> values, String what) {
    return (List<?>) Param.array(values, attribute(model, key).type(), what).value();
  }

  /**
   * How many of the given sources and targets exist (each counted once: the keys are unique), by
   * their keys; with {@code lock}, the sources' rows are locked as {@link #lockSources} does. One
   * query, a select of two counts, or with {@code lock} two: the lock's, then the targets' count,
   * unless {@code oneQuery} and there is one source: then the lock's query counts the targets in
   * its select list (not for several sources: that select list runs again for every row). One more
   * per slice of targets beyond the dialect's array size.
   */
  private long countEnds(
      AssociationInfo a, List<?> sources, List<?> targets, boolean lock, boolean oneQuery)
      throws SQLException {
    AttributeInfo sourceKey = attribute(a.source(), a.sourceMatch());
    AttributeInfo targetKey = attribute(a.target(), a.targetMatch());
    int max = dialect.maxArrayLength();
    List<Param> slices = new ArrayList<>();
    for (int from = 0; from < targets.size(); from += max) {
      slices.add(
          new Param(
              targets.subList(from, Math.min(targets.size(), from + max)), targetKey.type(), true));
    }
    String countTargets = "SELECT COUNT(*)" + build.withKeyIn(a.target(), targetKey);
    long found = 0;
    int counted = 0;
    if (lock) {
      boolean together = oneQuery && sources.size() == 1 && !slices.isEmpty();
      List<Param> params = new ArrayList<>();
      if (together) {
        params.add(slices.get(0));
        counted = 1;
      }
      params.add(new Param(sources, sourceKey.type(), true));
      String sql =
          "SELECT "
              + (together ? "(" + countTargets + ")" : "1")
              + " FROM "
              + q(a.source().table())
              + " WHERE "
              + dialect.inList(q(sourceKey.column()), sourceKey.type())
              + " ORDER BY "
              + q(sourceKey.column())
              + " "
              + dialect.lockRows();
      List<Long> rows = run.query(sql, params, rs -> rs.getLong(1), true);
      if (rows.size() < sources.size()) {
        return rows.size();
      }
      found = rows.size() + (together ? rows.get(0) : 0);
    } else {
      List<Param> params = new ArrayList<>();
      params.add(new Param(sources, sourceKey.type(), true));
      StringBuilder sql =
          new StringBuilder("SELECT (SELECT COUNT(*)")
              .append(build.withKeyIn(a.source(), sourceKey))
              .append(')');
      if (!slices.isEmpty()) {
        sql.append(", (").append(countTargets).append(')');
        params.add(slices.get(0));
        counted = 1;
      }
      boolean both = counted == 1;
      found =
          run.query(sql.toString(), params, rs -> rs.getLong(1) + (both ? rs.getLong(2) : 0), true)
              .get(0);
    }
    for (int i = counted; i < slices.size(); i++) {
      found += run.query(countTargets, List.of(slices.get(i)), rs -> rs.getLong(1), true).get(0);
    }
    return found;
  }

  /**
   * Locks the sources' rows until the transaction ends ({@code SELECT ... FOR UPDATE}, in key order
   * so that two such locks cannot deadlock), so that writers of the same source's links take turns:
   * a {@code set} then reads the links the other one committed, and an upsert finds the row the
   * other one inserted. One statement.
   */
  private int lockSources(AssociationInfo a, Collection<?> sources) throws SQLException {
    ModelInfo s = a.source();
    AttributeInfo key = attribute(s, a.sourceMatch());
    String sql =
        "SELECT 1 FROM "
            + q(s.table())
            + " WHERE "
            + dialect.inList(q(key.column()), key.type())
            + " ORDER BY "
            + q(key.column())
            + " "
            + dialect.lockRows();
    return run.query(
            sql, List.of(Param.array(sources, key.type(), "source of " + a.name())), rs -> 1, true)
        .size();
  }

  /**
   * Where the database checks a junction's foreign key against the committed target without waiting
   * for a transaction that is deleting it ({@link Dialect#linkLocksTargets}): once the links are
   * written, locks the targets' rows (in key order), which waits for such a transaction. A target
   * that transaction deleted is then missing, and the call is refused with a {@link
   * ConflictException} naming the model and the value the caller gave; without the lock the link
   * would commit pointing at a row that no longer exists. Written first, a link to a target that
   * was gone before the call is refused by the foreign key instead, as on every store. One
   * statement (one per slice of targets beyond the dialect's array size).
   */
  private void lockLinkedTargets(AssociationInfo a, List<LinkRow> links) throws SQLException {
    lockReferenced(a, a.target(), a.targetMatch(), links.stream().map(LinkRow::target).toList());
  }

  /**
   * {@link #lockLinkedTargets} for a link kept in a foreign-key column: the rows the written keys
   * reference (a hasOne's or hasMany's sources, a belongsTo's targets), once the keys are written.
   */
  private void lockReferencedByKeys(AssociationInfo a, List<LinkRow> links) throws SQLException {
    if (a.kind() == Kind.BELONGS_TO) {
      lockReferenced(
          a,
          a.target(),
          a.targetMatch(),
          links.stream().map(LinkRow::target).filter(java.util.Objects::nonNull).toList());
    } else {
      lockReferenced(
          a, a.source(), a.sourceMatch(), links.stream().map(LinkRow::source).distinct().toList());
    }
  }

  /** Locks the rows of {@code t} whose {@code keyName} is one of {@code given}: see above. */
  private void lockReferenced(AssociationInfo a, ModelInfo t, String keyName, List<Object> given)
      throws SQLException {
    if (!dialect.linkLocksTargets() || given.isEmpty()) {
      return;
    }
    AttributeInfo key = attribute(t, keyName);
    List<Object> keys =
        new ArrayList<>((List<?>) Param.array(given, key.type(), "target of " + a.name()).value());
    if (keys.stream().allMatch(k -> k instanceof Comparable)) {
      // the array's order is the order the rows are locked in: two such locks cannot deadlock
      keys.sort(null);
    }
    String sql =
        "SELECT "
            + col("t", key.column())
            + build.withKeyIn(t, key)
            + " ORDER BY "
            + col("t", key.column())
            + " "
            + dialect.lockRows();
    Set<Object> found = new HashSet<>();
    int max = dialect.maxArrayLength();
    for (int from = 0; from < keys.size(); from += max) {
      Param slice =
          new Param(keys.subList(from, Math.min(keys.size(), from + max)), key.type(), true);
      found.addAll(run.query(sql, List.of(slice), rs -> Values.read(rs, 1, key.type())));
    }
    if (found.size() == keys.size()) {
      return;
    }
    Map<Object, Object> callerValues = ValueTypes.givenValues(given, key.type());
    List<String> gone = new ArrayList<>();
    for (Object k : keys) {
      if (!found.contains(k)) {
        gone.add(t.name() + " " + callerValues.getOrDefault(k, k));
      }
    }
    throw new ConflictException(
        "link "
            + a.name()
            + " failed: "
            + String.join(", ", gone)
            + " was deleted by another transaction while it was being linked");
  }

  @Override
  public int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    if (source == null || targets != null && targets.isEmpty()) {
      return 0;
    }
    List<Param> params = new ArrayList<>();
    String sql;
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        ModelInfo t = a.target();
        AttributeInfo fk = attribute(t, a.foreignKey());
        params.add(Param.of(source, fk.type(), "source of " + a.name()));
        String where = " WHERE " + q(fk.column()) + " = ?";
        if (targets != null) {
          where += " AND " + dialect.inList(q(t.id().column()), t.id().type());
          params.add(Param.array(targets, t.id().type(), "target of " + a.name()));
        }
        sql =
            (mode == UnlinkMode.DELETE_TARGET
                    ? "DELETE FROM " + q(t.table())
                    : "UPDATE " + q(t.table()) + " SET " + q(fk.column()) + " = NULL")
                + where;
      }
      case BELONGS_TO -> {
        ModelInfo s = a.source();
        AttributeInfo fk = attribute(s, a.foreignKey());
        params.add(Param.of(source, s.id().type(), "source of " + a.name()));
        sql =
            "UPDATE "
                + q(s.table())
                + " SET "
                + q(fk.column())
                + " = NULL WHERE "
                + q(s.id().column())
                + " = ? AND "
                + (targets == null
                    ? q(fk.column()) + " IS NOT NULL"
                    : dialect.inList(q(fk.column()), fk.type()));
        if (targets != null) {
          params.add(Param.array(targets, fk.type(), "target of " + a.name()));
        }
      }
      default -> {
        JunctionInfo j = a.through();
        AttributeInfo fk = junctionAttribute(j, a.foreignKey());
        AttributeInfo other = junctionAttribute(j, a.otherKey());
        params.add(Param.of(source, fk.type(), "source of " + a.name()));
        sql =
            "DELETE FROM "
                + q(j.table())
                + " WHERE "
                + q(fk.column())
                + " = ?"
                + (targets == null
                    ? ""
                    : " AND " + dialect.inList(q(other.column()), other.type()));
        if (targets != null) {
          params.add(Param.array(targets, other.type(), "target of " + a.name()));
        }
        sql += inThroughScope(a, params);
      }
    }
    String text = sql;
    return run.write("unlink " + a.name(), () -> run.update(text, params));
  }

  @Override
  public int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
    JunctionInfo j = a.through();
    if (j == null || j.id() == null) {
      throw new InvalidCallException("unlink " + a.name() + " by link id: its links have no ids");
    }
    if (source == null || linkIds.isEmpty()) {
      return 0;
    }
    AttributeInfo fk = junctionAttribute(j, a.foreignKey());
    // The source condition keeps another source's link ids from reaching its links.
    List<Param> params =
        new ArrayList<>(
            List.of(
                Param.of(source, fk.type(), "source of " + a.name()),
                Param.array(linkIds, j.id().type(), "link id of " + a.name())));
    String sql =
        "DELETE FROM "
            + q(j.table())
            + " WHERE "
            + q(fk.column())
            + " = ? AND "
            + dialect.inList(q(j.id().column()), j.id().type())
            + inThroughScope(a, params);
    return run.write("unlink " + a.name(), () -> run.update(sql, params));
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
    List<Object> keep = links.stream().map(LinkRow::target).toList();
    String op = "set " + a.name();
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        ModelInfo t = a.target();
        AttributeInfo fk = attribute(t, a.foreignKey());
        List<Param> params =
            List.of(
                Param.of(source, fk.type(), "source of " + a.name()),
                Param.array(keep, t.id().type(), "target of " + a.name()));
        String where =
            " WHERE "
                + q(fk.column())
                + " = ? AND NOT ("
                + dialect.inList(q(t.id().column()), t.id().type())
                + ")";
        String remove =
            (mode == UnlinkMode.DELETE_TARGET
                    ? "DELETE FROM " + q(t.table())
                    : "UPDATE " + q(t.table()) + " SET " + q(fk.column()) + " = NULL")
                + where;
        List<List<Param>> batch = links.isEmpty() ? List.of() : pointTargets(a, links);
        String point = pointTargetsSql(a);
        namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    op,
                    () -> {
                      lockSources(a, List.of(source));
                      run.update(remove, params);
                      if (!batch.isEmpty()) {
                        run.batch(point, batch);
                      }
                      return null;
                    }));
      }
      case BELONGS_TO -> {
        if (links.size() > 1) {
          throw new InvalidCallException(
              op + ": belongsTo links one target, " + links.size() + " given");
        }
        ModelInfo s = a.source();
        AttributeInfo fk = attribute(s, a.foreignKey());
        List<Param> params =
            List.of(
                Param.of(
                    links.isEmpty() ? null : links.get(0).target(),
                    fk.type(),
                    "target of " + a.name()),
                Param.of(source, s.id().type(), "source of " + a.name()));
        String sql =
            "UPDATE "
                + q(s.table())
                + " SET "
                + q(fk.column())
                + " = ? WHERE "
                + q(s.id().column())
                + " = ?";
        namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    op,
                    () -> {
                      run.update(sql, params);
                      lockReferencedByKeys(a, links);
                      return null;
                    }));
      }
      case BELONGS_TO_MANY ->
          replaceJunction(
              a,
              source,
              links,
              () -> {
                lockSources(a, List.of(source));
                return true;
              });
    }
  }

  /**
   * belongsToMany replace: {@code lock} locks the source's row (and may check what it likes,
   * answering false to write nothing), then the source's other links go and the given ones are
   * upserted.
   */
  private boolean replaceJunction(
      AssociationInfo a, Object source, List<LinkRow> links, SqlWork<Boolean> lock) {
    List<Object> keep = links.stream().map(LinkRow::target).toList();
    JunctionInfo j = a.through();
    AttributeInfo fk = junctionAttribute(j, a.foreignKey());
    AttributeInfo other = junctionAttribute(j, a.otherKey());
    List<Param> params = new ArrayList<>();
    params.add(Param.of(source, fk.type(), "source of " + a.name()));
    String remove = "DELETE FROM " + q(j.table()) + " WHERE " + q(fk.column()) + " = ?";
    if (j.unique()) {
      remove += " AND NOT (" + dialect.inList(q(other.column()), other.type()) + ")";
      params.add(Param.array(keep, other.type(), "target of " + a.name()));
    }
    remove += inThroughScope(a, params);
    JunctionWrite w = links.isEmpty() ? null : junctionWrite(a, links);
    String sql = remove;
    return namingMissingEnds(
        a,
        links,
        () ->
            run.write(
                "set " + a.name(),
                () -> {
                  if (!lock.run()) {
                    return false;
                  }
                  run.update(sql, params);
                  if (w != null) {
                    w.run();
                    lockLinkedTargets(a, links);
                  }
                  return true;
                },
                j.unique()));
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

  /** {@code UPDATE target SET fk = ? WHERE id IN (list)}: one batch entry per distinct source. */
  private String pointTargetsSql(AssociationInfo a) {
    ModelInfo t = a.target();
    AttributeInfo fk = attribute(t, a.foreignKey());
    return "UPDATE "
        + q(t.table())
        + " SET "
        + q(fk.column())
        + " = ? WHERE "
        + dialect.inList(q(t.id().column()), t.id().type());
  }

  private List<List<Param>> pointTargets(AssociationInfo a, List<LinkRow> links) {
    ModelInfo t = a.target();
    AttributeInfo fk = attribute(t, a.foreignKey());
    Map<Object, List<Object>> bySource = new LinkedHashMap<>();
    String sourceLabel = "source of " + a.name();
    for (LinkRow l : links) {
      bySource
          .computeIfAbsent(
              ValueTypes.coerce(l.source(), fk.type(), sourceLabel), k -> new ArrayList<>())
          .add(l.target());
    }
    List<List<Param>> batch = new ArrayList<>();
    for (Map.Entry<Object, List<Object>> e : bySource.entrySet()) {
      batch.add(
          List.of(
              Param.raw(e.getKey(), fk.type()),
              Param.array(e.getValue(), t.id().type(), "target of " + a.name())));
    }
    return batch;
  }

  /**
   * A prepared junction write: an upsert (unique) or insert batches (parallel links). {@code
   * insert}, or null, is the try that runs first where the junction's foreign keys guard the ends
   * ({@link Dialect#writesFirst}): the same rows as plain inserts, which the database also refuses
   * for a link that exists, or, when {@code upsertsFirst}, the upsert itself.
   */
  private record JunctionWrite(SqlAction write, SqlAction insert, boolean upsertsFirst) {
    JunctionWrite(SqlAction write) {
      this(write, null, false);
    }

    void run() throws SQLException {
      write.run();
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  /**
   * Runs once per link on large batches, so what does not change from link to link (the payload's
   * names and types, the labels errors name) is resolved before the loops, and each link's through
   * values are read in two passes: one checks every link's names (an unknown name is refused before
   * any value is coerced) and finds whether all links give every payload attribute; the other
   * builds the parameters.
   */
  private JunctionWrite junctionWrite(AssociationInfo a, List<LinkRow> links) {
    JunctionInfo j = a.through();
    AttributeInfo fk = junctionAttribute(j, a.foreignKey());
    AttributeInfo other = junctionAttribute(j, a.otherKey());
    List<AttributeInfo> payload = j.payload();
    int n = payload.size();
    String[] names = new String[n];
    Class<?>[] types = new Class<?>[n];
    String[] labels = new String[n];
    for (int k = 0; k < n; k++) {
      AttributeInfo x = payload.get(k);
      names[k] = x.name();
      types[k] = x.type();
      labels[k] = "through attribute '" + x.name() + "'";
    }
    String sourceLabel = "source of " + a.name();
    String targetLabel = "target of " + a.name();
    boolean allGiven = n > 0;
    for (LinkRow l : links) {
      Map<String, Object> through = l.through();
      int given = 0;
      for (int k = 0; k < n; k++) {
        if (through.containsKey(names[k])) {
          given++;
        }
      }
      if (given != through.size()) {
        // some name is not a payload attribute: refuse it unless it names another attribute (a key)
        for (String key : through.keySet()) {
          if (j.attribute(key) == null) {
            throw new InvalidCallException(
                "Unknown through attribute '" + key + "' of " + j.name() + " (" + a.name() + ")");
          }
        }
      }
      if (given != n) {
        allGiven = false;
      }
    }
    if (j.unique() || j.id() == null) {
      List<String> payloadColumns = payload.stream().map(x -> q(x.column())).toList();
      List<Class<?>> payloadTypes = payload.stream().<Class<?>>map(AttributeInfo::type).toList();
      List<String> keyColumns = List.of(q(fk.column()), q(other.column()));
      String overwriteAll =
          allGiven ? dialect.overwriteAll(q(j.table()), keyColumns, payloadColumns) : null;
      if (overwriteAll != null) {
        List<List<Param>> slices =
            overwriteColumns(
                links,
                fk,
                other,
                names,
                types,
                sourceLabel,
                targetLabel,
                labels,
                dialect.maxArrayLength());
        SqlAction upsert = () -> run.batch(overwriteAll, slices, true);
        return j.unique() && dialect.writesFirst()
            ? new JunctionWrite(upsert, upsert, true)
            : new JunctionWrite(upsert);
      }
      String overwrite =
          allGiven ? dialect.overwrite(q(j.table()), keyColumns, payloadColumns) : null;
      String sql =
          overwrite != null
              ? overwrite
              : dialect.upsert(
                  q(j.table()),
                  keyColumns,
                  List.of(fk.type(), other.type()),
                  payloadColumns,
                  payloadTypes);
      boolean flags = overwrite == null;
      List<List<Param>> batch = new ArrayList<>(links.size());
      for (LinkRow l : links) {
        Map<String, Object> through = l.through();
        List<Param> params = new ArrayList<>(2 + (flags ? 2 * n : n));
        params.add(Param.of(l.source(), fk.type(), sourceLabel));
        params.add(Param.of(l.target(), other.type(), targetLabel));
        for (int k = 0; k < n; k++) {
          params.add(Param.of(through.get(names[k]), types[k], labels[k]));
        }
        if (flags) {
          for (int k = 0; k < n; k++) {
            params.add(Param.raw(through.containsKey(names[k]), Boolean.class));
          }
        }
        batch.add(params);
      }
      if (!j.unique() || !dialect.writesFirst()) {
        return new JunctionWrite(() -> run.batch(sql, batch));
      }
      // Each row's parameters begin with the keys and the payload, the insert's columns in order. A
      // new
      // row gets what the upsert would give it: the payload given, null where none is (not the
      // column's
      // default); the flags that follow only matter to a row that exists, which the insert refuses.
      List<AttributeInfo> columns = new ArrayList<>(2 + n);
      columns.add(fk);
      columns.add(other);
      columns.addAll(payload);
      String insert = insertSql(j.table(), columns);
      List<List<Param>> inserts =
          flags ? batch.stream().map(r -> r.subList(0, 2 + n)).toList() : batch;
      return new JunctionWrite(
          () -> run.batch(sql, batch), () -> run.batch(insert, inserts), false);
    }
    // Parallel links: plain inserts, with the given link ids or ids the database generates.
    AttributeInfo id = j.id();
    String linkIdLabel = "link id of " + a.name();
    List<AttributeInfo> columns = new ArrayList<>();
    columns.add(fk);
    columns.add(other);
    columns.addAll(payload);
    List<List<Param>> withId = new ArrayList<>();
    List<List<Param>> withoutId = new ArrayList<>();
    for (LinkRow l : links) {
      Map<String, Object> through = l.through();
      List<Param> params = new ArrayList<>(3 + n);
      params.add(Param.of(l.source(), fk.type(), sourceLabel));
      params.add(Param.of(l.target(), other.type(), targetLabel));
      for (int k = 0; k < n; k++) {
        params.add(Param.of(through.get(names[k]), types[k], labels[k]));
      }
      if (l.linkId() != null) {
        params.add(0, Param.of(l.linkId(), id.type(), linkIdLabel));
        withId.add(params);
      } else if (id.generated()) {
        withoutId.add(params);
      } else {
        throw new InvalidCallException("link " + a.name() + ": a parallel link needs a link id");
      }
    }
    String plain = insertSql(j.table(), columns);
    List<AttributeInfo> idColumns = new ArrayList<>(columns);
    idColumns.add(0, id);
    String explicit = insertSql(j.table(), idColumns);
    return new JunctionWrite(
        () -> {
          if (!withId.isEmpty()) {
            run.batch(explicit, withId);
          }
          if (!withoutId.isEmpty()) {
            run.batch(plain, withoutId);
          }
        });
  }

  /**
   * The parameters of {@link Dialect#overwriteAll}: the keys, then the payload, one array each, cut
   * in slices of at most {@code max} rows, each slice one execution of the batch. A pair given
   * twice is written once, with its last attributes, as the batch's second upsert of it would leave
   * it (one statement cannot update a row twice).
   */
  private static List<List<Param>> overwriteColumns(
      List<LinkRow> links,
      AttributeInfo fk,
      AttributeInfo other,
      String[] names,
      Class<?>[] types,
      String sourceLabel,
      String targetLabel,
      String[] labels,
      int max) {
    int n = names.length;
    int size = links.size();
    Object[] sources = new Object[size];
    Object[] targets = new Object[size];
    Map<List<Object>, Integer> last = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      LinkRow l = links.get(i);
      sources[i] = ValueTypes.coerce(l.source(), fk.type(), sourceLabel);
      targets[i] = ValueTypes.coerce(l.target(), other.type(), targetLabel);
      last.put(Arrays.asList(sources[i], targets[i]), i);
    }
    boolean repeats = last.size() < size;
    List<Object> sourceColumn = new ArrayList<>(last.size());
    List<Object> targetColumn = new ArrayList<>(last.size());
    List<List<Object>> payload = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      payload.add(new ArrayList<>(last.size()));
    }
    for (int i = 0; i < size; i++) {
      if (repeats && last.get(Arrays.asList(sources[i], targets[i])) != i) {
        continue;
      }
      sourceColumn.add(sources[i]);
      targetColumn.add(targets[i]);
      Map<String, Object> through = links.get(i).through();
      for (int k = 0; k < n; k++) {
        payload.get(k).add(through.get(names[k]));
      }
    }
    List<List<Param>> slices = new ArrayList<>();
    for (int from = 0; from < sourceColumn.size(); from += max) {
      int to = Math.min(sourceColumn.size(), from + max);
      List<Param> columns = new ArrayList<>(2 + n);
      // the keys are coerced already
      columns.add(new Param(sourceColumn.subList(from, to), fk.type(), true));
      columns.add(new Param(targetColumn.subList(from, to), other.type(), true));
      for (int k = 0; k < n; k++) {
        columns.add(Param.column(payload.get(k).subList(from, to), types[k], labels[k]));
      }
      slices.add(columns);
    }
    return slices;
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

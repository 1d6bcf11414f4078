package io.liaison.jdbc;

import static io.liaison.jdbc.LinkGuards.distinctSources;
import static io.liaison.jdbc.LinkGuards.keys;
import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.attribute;
import static io.liaison.jdbc.SqlBuilder.inThroughScope;
import static io.liaison.jdbc.SqlBuilder.junctionAttribute;

import io.liaison.InvalidCallException;
import io.liaison.jdbc.SqlRunner.SqlWork;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The link writes of belongsToMany, kept in a junction table: link (with or without checking that
 * the ends exist), replace, and unlink by targets or by link ids. The ends' existence is counted in
 * one query ({@link #countEnds}), or, where the junction's foreign keys guard both ends and the
 * dialect writes first, only when the database refused the write ({@link #insertedFirst}). The
 * source's row is locked first where the dialect's upsert needs it and for every replace ({@link
 * LinkGuards#lockSources}).
 */
final class JunctionLinks {
  private final SqlRunner run;
  private final SqlBuilder build;
  private final Dialect dialect;
  private final LinkGuards guards;
  private final JunctionWrites writes;

  JunctionLinks(
      SqlRunner run, SqlBuilder build, Dialect dialect, LinkGuards guards, JunctionWrites writes) {
    this.run = run;
    this.build = build;
    this.dialect = dialect;
    this.guards = guards;
    this.writes = writes;
  }

  /**
   * Links belongsToMany: the source rows locked first where the dialect's upsert needs it, then the
   * first try or the junction write, then the targets locked where the dialect asks.
   */
  void link(AssociationInfo a, List<LinkRow> links) {
    JunctionWrites.JunctionWrite w = writes.junctionWrite(a, links);
    boolean lock = a.through().unique() && dialect.upsertNeedsSourceLock();
    Collection<Object> sources = lock ? distinctSources(links) : List.of();
    guards.namingMissingEnds(
        a,
        links,
        () ->
            run.write(
                "link " + a.name(),
                () -> {
                  if (lock) {
                    guards.lockSources(a, sources);
                  }
                  // the ends exist (the caller made sure): a refused insert can only be a link
                  // that exists
                  if (w.upsertsFirst() || !insertedFirst(w)) {
                    w.run();
                  }
                  guards.lockLinkedTargets(a, links);
                  return null;
                },
                a.through().unique()));
  }

  /**
   * belongsToMany: one query counts the sources and targets found by their keys ({@link
   * #countEnds}), then the link batch; nothing is written when the count falls short. Looking the
   * ends up with {@link JdbcSession#findBy} would read every row.
   */
  boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
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
    JunctionWrites.JunctionWrite w = writes.junctionWrite(a, links);
    boolean lock = a.through().unique() && dialect.upsertNeedsSourceLock();
    if (w.insert() != null && run.junctionGuardsEnds(a)) {
      // the foreign keys refuse a missing end: count the ends only when the database refused the
      // inserts
      return guards.namingMissingEnds(
          a,
          links,
          () ->
              run.write(
                  "link " + a.name(),
                  () -> {
                    if (lock && guards.lockSources(a, sources) < sources.size()) {
                      return false;
                    }
                    if (!insertedFirst(w)) {
                      if (countEnds(a, sources, targets, false, false)
                          < sources.size() + targets.size()) {
                        return false;
                      }
                      w.run();
                    }
                    guards.lockLinkedTargets(a, links);
                    return true;
                  },
                  a.through().unique()));
    }
    return guards.namingMissingEnds(
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
                  guards.lockLinkedTargets(a, links);
                  return true;
                },
                a.through().unique()));
  }

  /**
   * belongsToMany with a unique junction: as {@link #replace}, with the query that locks the source
   * also counting the targets found ({@link #countEnds}); nothing is removed or written when one is
   * missing.
   */
  boolean replaceExisting(AssociationInfo a, Object source, List<LinkRow> links) {
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

  /** Replaces the links of a belongsToMany source, its row locked first. */
  void replace(AssociationInfo a, Object source, List<LinkRow> links) {
    replaceJunction(
        a,
        source,
        links,
        () -> {
          guards.lockSources(a, List.of(source));
          return true;
        });
  }

  /** Deletes the source's junction rows to {@code targets} (null: all of them). One statement. */
  int unlink(AssociationInfo a, Object source, Collection<?> targets) {
    List<Param> params = new ArrayList<>();
    String sql;
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
            + (targets == null ? "" : " AND " + dialect.inList(q(other.column()), other.type()));
    if (targets != null) {
      params.add(Param.array(targets, other.type(), "target of " + a.name()));
    }
    sql += inThroughScope(a, params);
    String text = sql;
    return run.write("unlink " + a.name(), () -> run.update(text, params));
  }

  int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
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

  /**
   * Runs {@code w}'s first try ({@link Dialect#writesFirst}: plain inserts, or the upsert itself)
   * under a savepoint of its own: true when all went in; false, with none of them left, when the
   * database refused one on an integrity constraint (an end that does not exist; for inserts also a
   * link that exists or a key given twice), and when {@code w} has no first try. Any other failure
   * propagates.
   */
  boolean insertedFirst(JunctionWrites.JunctionWrite w) throws SQLException {
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
   * How many of the given sources and targets exist (each counted once: the keys are unique), by
   * their keys; with {@code lock}, the sources' rows are locked as {@link LinkGuards#lockSources}
   * does. One query, a select of two counts, or with {@code lock} two: the lock's, then the
   * targets' count, unless {@code oneQuery} and there is one source: then the lock's query counts
   * the targets in its select list (not for several sources: that select list runs again for every
   * row). One more per slice of targets beyond the dialect's array size.
   */
  long countEnds(
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
   * belongsToMany replace: {@code lock} locks the source's row (and may check what it likes,
   * answering false to write nothing), then the source's other links go and the given ones are
   * upserted.
   */
  boolean replaceJunction(
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
    JunctionWrites.JunctionWrite w = links.isEmpty() ? null : writes.junctionWrite(a, links);
    String sql = remove;
    return guards.namingMissingEnds(
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
                    guards.lockLinkedTargets(a, links);
                  }
                  return true;
                },
                j.unique()));
  }
}

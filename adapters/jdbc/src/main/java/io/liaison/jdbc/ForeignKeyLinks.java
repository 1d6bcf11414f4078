package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.attribute;

import io.liaison.InvalidCallException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The link writes of the kinds kept in a foreign-key column: hasOne and hasMany (the target's key
 * points at the source: linking sets it on the targets, one batch entry per source) and belongsTo
 * (the source's own key). Each link, unlink or replace is one statement or one batch, under the
 * session's write rules ({@link SqlRunner#write}), the rows the written keys reference locked where
 * the dialect asks ({@link LinkGuards#lockReferencedByKeys}).
 */
final class ForeignKeyLinks {
  private final SqlRunner run;
  private final Dialect dialect;
  private final LinkGuards guards;

  ForeignKeyLinks(SqlRunner run, Dialect dialect, LinkGuards guards) {
    this.run = run;
    this.dialect = dialect;
    this.guards = guards;
  }

  /**
   * Links hasOne/hasMany (the targets' keys point at the source) and belongsTo (the source's key).
   */
  void link(AssociationInfo a, List<LinkRow> links) {
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        List<List<Param>> batch = pointTargets(a, links);
        String sql = pointTargetsSql(a);
        guards.namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    "link " + a.name(),
                    () -> {
                      run.batch(sql, batch);
                      guards.lockReferencedByKeys(a, links);
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
        guards.namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    "link " + a.name(),
                    () -> {
                      run.batch(sql, batch);
                      guards.lockReferencedByKeys(a, links);
                      return null;
                    }));
      }
      default -> throw new IllegalArgumentException(a.name() + " is " + a.kind());
    }
  }

  /**
   * Unlinks hasOne/hasMany (the targets' keys cleared, or the targets deleted) and belongsTo (the
   * source's key cleared): {@code targets} null for all of them. One statement.
   */
  int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
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
      default -> throw new IllegalArgumentException(a.name() + " is " + a.kind());
    }
    String text = sql;
    return run.write("unlink " + a.name(), () -> run.update(text, params));
  }

  /**
   * Replaces the links of a hasOne/hasMany source (the source's row locked, the targets not kept
   * unlinked, then the kept ones pointed at it) or of a belongsTo source (its key set).
   */
  void replace(AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
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
        guards.namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    op,
                    () -> {
                      guards.lockSources(a, List.of(source));
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
        guards.namingMissingEnds(
            a,
            links,
            () ->
                run.write(
                    op,
                    () -> {
                      run.update(sql, params);
                      guards.lockReferencedByKeys(a, links);
                      return null;
                    }));
      }
      default -> throw new IllegalArgumentException(a.name() + " is " + a.kind());
    }
  }

  /** {@code UPDATE target SET fk = ? WHERE id IN (list)}: one batch entry per distinct source. */
  String pointTargetsSql(AssociationInfo a) {
    ModelInfo t = a.target();
    AttributeInfo fk = attribute(t, a.foreignKey());
    return "UPDATE "
        + q(t.table())
        + " SET "
        + q(fk.column())
        + " = ? WHERE "
        + dialect.inList(q(t.id().column()), t.id().type());
  }

  List<List<Param>> pointTargets(AssociationInfo a, List<LinkRow> links) {
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
}

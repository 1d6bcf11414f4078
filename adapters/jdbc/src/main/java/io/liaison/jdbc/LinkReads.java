package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.col;
import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.attribute;
import static io.liaison.jdbc.SqlBuilder.junctionAttribute;
import static io.liaison.jdbc.SqlBuilder.junctionColumns;
import static io.liaison.jdbc.SqlBuilder.throughAttributes;

import io.liaison.InvalidCallException;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.RowLayout;
import io.liaison.spi.TargetRow;
import io.liaison.spi.TargetRows;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session's reads through associations, for every kind: the targets of many sources (with the
 * link's through attributes, ordered and paged per source where the query pages), their counts per
 * source, and which of the given pairs are linked. Each is one statement whatever the number of
 * sources: the sources travel as one list parameter, and the path from a source to its targets
 * ({@link Path}) is the only part that differs by kind. Table aliases: {@code t} the target model,
 * {@code s} the source model, {@code j} the junction.
 */
final class LinkReads {
  private final SqlRunner run;
  private final SqlBuilder build;
  private final Dialect dialect;

  LinkReads(SqlRunner run, SqlBuilder build, Dialect dialect) {
    this.run = run;
    this.build = build;
    this.dialect = dialect;
  }

  /**
   * The FROM clause, source expression and source condition shared by targets and count: the source
   * values reach the targets through the foreign key (hasOne/hasMany: on the target; belongsTo: on
   * the source, joined to the target; belongsToMany: the junction, joined to the target).
   */
  private record Path(
      String from, String sourceExpr, AttributeInfo sourceColumn, boolean junction) {}

  private Path path(AssociationInfo a) {
    ModelInfo target = a.target();
    return switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        AttributeInfo fk = attribute(target, a.foreignKey());
        yield new Path(q(target.table()) + " t", col("t", fk.column()), fk, false);
      }
      case BELONGS_TO -> {
        ModelInfo source = a.source();
        AttributeInfo fk = attribute(source, a.foreignKey());
        AttributeInfo tk = attribute(target, a.targetKey());
        AttributeInfo sid = source.id();
        yield new Path(
            q(source.table())
                + " s JOIN "
                + q(target.table())
                + " t ON "
                + col("t", tk.column())
                + " = "
                + col("s", fk.column()),
            col("s", sid.column()),
            sid,
            false);
      }
      case BELONGS_TO_MANY -> {
        JunctionInfo j = a.through();
        AttributeInfo fk = junctionAttribute(j, a.foreignKey());
        AttributeInfo other = junctionAttribute(j, a.otherKey());
        AttributeInfo tk = attribute(target, a.targetKey());
        yield new Path(
            q(j.table())
                + " j JOIN "
                + q(target.table())
                + " t ON "
                + col("t", tk.column())
                + " = "
                + col("j", other.column()),
            col("j", fk.column()),
            fk,
            true);
      }
    };
  }

  /**
   * Appends {@code WHERE source IN (list) AND (where) AND (throughWhere)}, as the dialect has it.
   */
  private void filter(
      StringBuilder sql,
      AssociationInfo a,
      Path path,
      Collection<?> sources,
      Query query,
      List<Param> params) {
    String join = dialect.keyJoin(path.sourceExpr(), path.sourceColumn().type());
    if (join != null) {
      sql.append(join).append(" WHERE 1 = 1");
    } else {
      sql.append(" WHERE ").append(dialect.inList(path.sourceExpr(), path.sourceColumn().type()));
    }
    params.add(Param.array(sources, path.sourceColumn().type(), "source of " + a.name()));
    if (query.where() != null) {
      sql.append(" AND ")
          .append(SqlWhere.compile(query.where(), build.columns(a.target(), "t"), params, dialect));
    }
    if (query.throughWhere() != null) {
      if (!path.junction()) {
        throw new InvalidCallException(
            "A through filter needs a belongsToMany association; " + a.name() + " is " + a.kind());
      }
      sql.append(" AND ")
          .append(
              SqlWhere.compile(
                  query.throughWhere(), junctionColumns(a.through(), "j"), params, dialect));
    }
  }

  List<TargetRow> targets(AssociationInfo a, Collection<?> sources, Query query) {
    TargetRows rows = read(a, sources, query);
    return rows == null ? List.of() : rows.list();
  }

  void targets(AssociationInfo a, Collection<?> sources, Query query, TargetRow.Visitor visitor) {
    TargetRows rows = read(a, sources, query);
    if (rows == null) {
      visitor.expect(0);
    } else {
      rows.visit(visitor);
    }
  }

  /**
   * The rows of {@link #targets}, in order; null when the query cannot match (no sources, limit 0).
   */
  private TargetRows read(AssociationInfo a, Collection<?> sources, Query query) {
    Query qy = query == null ? Query.ALL : query;
    Path path = path(a);
    if (sources.isEmpty() || qy.limit() != null && qy.limit() == 0) {
      validate(a, path, qy);
      return null;
    }
    ModelInfo target = a.target();
    JunctionInfo j = a.through();
    List<AttributeInfo> through = path.junction() ? throughAttributes(j) : List.of();
    // The junction's two keys repeat the source column read first and the target's key: they are
    // filled from those rather than read again (when their types agree, as the schema makes them).
    AttributeInfo targetKey = path.junction() ? attribute(target, a.targetKey()) : null;
    int[] keySlot = new int[through.size()];
    List<String> select = new ArrayList<>();
    select.add(path.sourceExpr());
    for (AttributeInfo x : target.attributes()) {
      select.add(col("t", x.column()));
    }
    for (int i = 0; i < through.size(); i++) {
      AttributeInfo x = through.get(i);
      if (x.name().equals(a.foreignKey())) {
        keySlot[i] = SOURCE_SLOT;
      } else if (x.name().equals(a.otherKey()) && x.type() == targetKey.type()) {
        keySlot[i] = TARGET_KEY_SLOT;
      } else {
        select.add(col("j", x.column()));
      }
    }
    boolean parallel = path.junction() && !j.unique() && j.id() != null;
    if (parallel) {
      select.add(col("j", j.id().column()));
    }
    // JDBC columns count from 1: the link id, read last, is the last select item
    int linkIdColumn = select.size();
    StringBuilder sql = new StringBuilder(" FROM ").append(path.from());
    List<Param> params = new ArrayList<>();
    filter(sql, a, path, sources, qy, params);
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
            dialect.orderTerm(
                col("j", junctionAttribute(j, o.attribute()).column()), o.ascending()));
      } else {
        order.add(
            dialect.orderTerm(col("t", attribute(target, o.attribute()).column()), o.ascending()));
      }
    }
    order.add(col("t", target.id().column()));
    order.add(path.sourceExpr());
    if (parallel) {
      order.add(col("j", j.id().column()));
    }
    // In the target id's order alone, and that id an integer, the rows are sorted here: the same
    // order as the store's, without a sort in the query, which would cost the database a sort of
    // every
    // row read.
    boolean sortHere = !parallel && TargetRow.sortableById(qy, target.id().type());
    String text;
    if (sources.size() > 1 && (qy.limit() != null || qy.offset() != null)) {
      text = perSource(select, sql.toString(), order, qy, params);
    } else {
      sql.insert(0, "SELECT " + String.join(", ", select));
      if (!sortHere) {
        sql.append(" ORDER BY ").append(String.join(", ", order));
      }
      build.page(sql, qy, params);
      text = sql.toString();
    }
    Map<Object, Object> given = ValueTypes.givenValues(sources, path.sourceColumn().type());
    ModelReader targetReader = ModelReader.of(target);
    Class<?> sourceType = path.sourceColumn().type();
    Class<?>[] throughTypes = through.stream().map(AttributeInfo::type).toArray(Class<?>[]::new);
    int throughFrom = 2 + target.attributes().size();
    int targetKeyAt = targetKey == null ? -1 : targetReader.layout().position(targetKey.name());
    int targetSize = targetReader.types().length;
    SourceRuns sourceRuns = new SourceRuns(sourceType, given);
    TargetRows rows = new TargetRows(targetReader.layout(), RowLayout.ofAttributes(through));
    run.read(
        "get " + a.name(),
        () ->
            run.queryEach(
                text,
                params,
                rs -> {
                  Object source = sourceRuns.read(rs, 1);
                  Object linkId = parallel ? Values.read(rs, linkIdColumn, j.id().type()) : null;
                  Object[] values = rows.add(source, linkId);
                  int at = rows.at();
                  targetReader.read(rs, 2, values, at);
                  int next = throughFrom;
                  int links = at + targetSize;
                  for (int i = 0; i < throughTypes.length; i++) {
                    values[links + i] =
                        switch (keySlot[i]) {
                          case SOURCE_SLOT -> source;
                          case TARGET_KEY_SLOT -> values[at + targetKeyAt];
                          default -> Values.read(rs, next++, throughTypes[i]);
                        };
                  }
                },
                false));
    if (sortHere) {
      rows.sortById(target.id().name());
    }
    return rows;
  }

  /** {@code keySlot} values: a junction key filled from the source column or the target's key. */
  private static final int SOURCE_SLOT = 1;

  private static final int TARGET_KEY_SLOT = 2;

  /**
   * Pages each source's targets on its own: numbers the rows per source in the query's order
   * ({@code ROW_NUMBER() OVER (PARTITION BY source ...)}) and keeps those in the window. The select
   * items are renamed {@code c0, c1, ...} so equal column names of the target and the junction do
   * not clash in the derived table; they keep their positions.
   *
   * @param select the select items, the source first
   * @param fromWhere the FROM and WHERE clauses
   */
  private static String perSource(
      List<String> select, String fromWhere, List<String> order, Query query, List<Param> params) {
    StringBuilder inner = new StringBuilder("SELECT ");
    StringBuilder outer = new StringBuilder("SELECT ");
    for (int i = 0; i < select.size(); i++) {
      inner.append(select.get(i)).append(" AS c").append(i).append(", ");
      outer.append(i > 0 ? ", " : "").append('c').append(i);
    }
    inner
        .append("ROW_NUMBER() OVER (PARTITION BY ")
        .append(select.get(0))
        .append(" ORDER BY ")
        .append(String.join(", ", order))
        .append(") AS rn")
        .append(fromWhere);
    long skip = query.offset() == null ? 0 : query.offset();
    outer.append(" FROM (").append(inner).append(") w WHERE rn > ?");
    params.add(Param.raw(skip, Long.class));
    if (query.limit() != null) {
      outer.append(" AND rn <= ?");
      params.add(Param.raw(skip + query.limit(), Long.class));
    }
    return outer.append(" ORDER BY c0, rn").toString();
  }

  Map<Object, Long> count(AssociationInfo a, Collection<?> sources, Query query) {
    Query qy = query == null ? Query.ALL : query;
    Path path = path(a);
    Map<Object, Long> out = new LinkedHashMap<>();
    for (Object s : sources) {
      out.put(s, 0L);
    }
    if (sources.isEmpty()) {
      validate(a, path, qy);
      return out;
    }
    // With no target filter, a belongsToMany count reads the junction alone: its foreign key
    // guarantees
    // every row's target exists, so joining the targets would only cost.
    String from =
        path.junction() && qy.where() == null ? q(a.through().table()) + " j" : path.from();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(path.sourceExpr())
            .append(", COUNT(*) FROM ")
            .append(from);
    List<Param> params = new ArrayList<>();
    filter(sql, a, path, sources, qy, params);
    sql.append(" GROUP BY ").append(path.sourceExpr());
    Map<Object, Object> given = ValueTypes.givenValues(sources, path.sourceColumn().type());
    String text = sql.toString();
    List<Object[]> counts =
        run.read(
            "count " + a.name(),
            () ->
                run.query(
                    text,
                    params,
                    rs ->
                        new Object[] {
                          Values.read(rs, 1, path.sourceColumn().type()), rs.getLong(2)
                        }));
    for (Object[] c : counts) {
      out.put(given.getOrDefault(c[0], c[0]), (Long) c[1]);
    }
    return out;
  }

  /**
   * belongsToMany: the junction's key pairs alone, the sources and targets each one list (the
   * sources joined where the dialect joins lists, as {@link SqlBuilder#withKeyIn}); no target row
   * is read or ordered. The session asks only for belongsToMany, with key lists within the
   * dialect's array size; other calls take the SPI's default.
   */
  Map<Object, Set<Object>> linkedAmong(
      AssociationInfo a, Collection<?> sources, Collection<?> targets) {
    Map<Object, Set<Object>> out = new HashMap<>();
    if (sources.isEmpty() || targets.isEmpty()) {
      return out;
    }
    JunctionInfo j = a.through();
    AttributeInfo fk = junctionAttribute(j, a.foreignKey());
    AttributeInfo other = junctionAttribute(j, a.otherKey());
    String join = dialect.keyJoin(col("j", fk.column()), fk.type());
    String sql =
        "SELECT "
            + col("j", fk.column())
            + ", "
            + col("j", other.column())
            + " FROM "
            + q(j.table())
            + " j"
            // a join for the sources alone, the targets tested (joining both lists made H2 scan the
            // second one for every row)
            + (join != null
                ? join + " WHERE "
                : " WHERE " + dialect.inList(col("j", fk.column()), fk.type()) + " AND ")
            + dialect.inList(col("j", other.column()), other.type());
    List<Param> params =
        List.of(
            Param.array(sources, fk.type(), "source of " + a.name()),
            Param.array(targets, other.type(), "target of " + a.name()));
    Map<Object, Object> givenSources = ValueTypes.givenValues(sources, fk.type());
    Map<Object, Object> givenTargets = ValueTypes.givenValues(targets, other.type());
    List<Object[]> pairs =
        run.read(
            "has " + a.name(),
            () ->
                run.query(
                    sql,
                    params,
                    rs ->
                        new Object[] {
                          Values.read(rs, 1, fk.type()), Values.read(rs, 2, other.type())
                        },
                    true));
    for (Object[] p : pairs) {
      out.computeIfAbsent(givenSources.getOrDefault(p[0], p[0]), k -> new HashSet<>())
          .add(givenTargets.getOrDefault(p[1], p[1]));
    }
    return out;
  }

  List<Object> linked(AssociationInfo a, Object source, Collection<?> targets) {
    if (targets.isEmpty() || source == null) {
      return List.of();
    }
    String sql;
    AttributeInfo sourceColumn;
    AttributeInfo targetColumn;
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        ModelInfo t = a.target();
        sourceColumn = attribute(t, a.foreignKey());
        targetColumn = t.id();
        sql =
            "SELECT "
                + q(targetColumn.column())
                + " FROM "
                + q(t.table())
                + " WHERE "
                + q(sourceColumn.column())
                + " = ? AND "
                + dialect.inList(q(targetColumn.column()), targetColumn.type());
      }
      case BELONGS_TO -> {
        ModelInfo s = a.source();
        sourceColumn = s.id();
        targetColumn = attribute(s, a.foreignKey());
        sql =
            "SELECT "
                + q(targetColumn.column())
                + " FROM "
                + q(s.table())
                + " WHERE "
                + q(sourceColumn.column())
                + " = ? AND "
                + dialect.inList(q(targetColumn.column()), targetColumn.type());
      }
      default -> {
        JunctionInfo j = a.through();
        sourceColumn = junctionAttribute(j, a.foreignKey());
        targetColumn = junctionAttribute(j, a.otherKey());
        sql =
            "SELECT DISTINCT "
                + q(targetColumn.column())
                + " FROM "
                + q(j.table())
                + " WHERE "
                + q(sourceColumn.column())
                + " = ? AND "
                + dialect.inList(q(targetColumn.column()), targetColumn.type());
      }
    }
    List<Param> params =
        List.of(
            Param.of(source, sourceColumn.type(), "source of " + a.name()),
            Param.array(targets, targetColumn.type(), "target of " + a.name()));
    Map<Object, Object> given = ValueTypes.givenValues(targets, targetColumn.type());
    String text = sql;
    List<Object> found =
        run.read(
            "has " + a.name(),
            () -> run.query(text, params, rs -> Values.read(rs, 1, targetColumn.type())));
    List<Object> out = new ArrayList<>(found.size());
    for (Object f : found) {
      out.add(given.getOrDefault(f, f));
    }
    return out;
  }

  /**
   * Checks the query's attributes when no statement runs (so bad input is refused the same way).
   */
  private void validate(AssociationInfo a, Path path, Query query) {
    List<Param> ignored = new ArrayList<>();
    if (query.where() != null) {
      SqlWhere.compile(query.where(), build.columns(a.target(), "t"), ignored, dialect);
    }
    if (query.throughWhere() != null) {
      if (!path.junction()) {
        throw new InvalidCallException(
            "A through filter needs a belongsToMany association; " + a.name() + " is " + a.kind());
      }
      SqlWhere.compile(query.throughWhere(), junctionColumns(a.through(), "j"), ignored, dialect);
    }
    for (Order o : query.order()) {
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
        junctionAttribute(a.through(), o.attribute());
      } else {
        attribute(a.target(), o.attribute());
      }
    }
  }
}

package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.col;
import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.attribute;
import static io.liaison.jdbc.SqlBuilder.selectList;
import static io.liaison.jdbc.SqlBuilder.what;

import io.liaison.InvalidCallException;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session's operations on a model's own rows: insert (ids the database generates read back in
 * the same batch), find by a key list, find and count by a {@link Where}, update (rows giving
 * different attributes share one statement, a flag per attribute saying whether to set it) and
 * delete by ids. Each is one statement or one batch whatever the number of rows (a find by more
 * keys than the dialect's array holds: one per slice); values are coerced before the first
 * statement, so bad input changes nothing.
 */
final class EntityOperations {
  private final SqlRunner run;
  private final SqlBuilder build;
  private final Dialect dialect;

  EntityOperations(SqlRunner run, SqlBuilder build, Dialect dialect) {
    this.run = run;
    this.build = build;
    this.dialect = dialect;
  }

  List<Map<String, Object>> insert(ModelInfo model, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    AttributeInfo id = model.id();
    List<Integer> generated = new ArrayList<>();
    List<Integer> explicit = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      model.requireAttributes(row.keySet());
      if (id.generated() && row.get(id.name()) == null) {
        generated.add(i);
      } else {
        explicit.add(i);
      }
    }
    List<AttributeInfo> all = model.attributes();
    List<AttributeInfo> withoutId = all.stream().filter(a -> !a.name().equals(id.name())).toList();
    // Coerce every value before the first statement, so that bad input changes nothing.
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> r = new LinkedHashMap<>();
      for (AttributeInfo a : all) {
        r.put(a.name(), ValueTypes.coerce(row.get(a.name()), a.type(), what(model, a)));
      }
      out.add(r);
    }
    return run.write(
        "insert " + model.name(),
        () -> {
          if (!explicit.isEmpty()) {
            insertRows(model, all, out, explicit, false);
          }
          if (!generated.isEmpty()) {
            insertRows(model, withoutId, out, generated, true);
          }
          return out;
        });
  }

  private void insertRows(
      ModelInfo model,
      List<AttributeInfo> columns,
      List<Map<String, Object>> rows,
      List<Integer> indexes,
      boolean generatedId)
      throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(model.table())).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i > 0 ? ", " : "").append(q(columns.get(i).column()));
      marks.append(i > 0 ? ", ?" : "?");
    }
    sql.append(") VALUES (").append(marks).append(')');
    List<List<Param>> batch = new ArrayList<>(indexes.size());
    for (int index : indexes) {
      Map<String, Object> row = rows.get(index);
      List<Param> params = new ArrayList<>(columns.size());
      for (AttributeInfo a : columns) {
        params.add(Param.raw(row.get(a.name()), a.type()));
      }
      batch.add(params);
    }
    String text = sql.toString();
    if (!generatedId) {
      run.batch(text, batch);
      return;
    }
    AttributeInfo id = model.id();
    int[] i = {0};
    run.batchReturningKeys(
        text,
        id.column(),
        batch,
        keys -> {
          if (i[0] < indexes.size()) {
            rows.get(indexes.get(i[0]++)).put(id.name(), Values.read(keys, 1, id.type()));
          }
        });
    if (i[0] != indexes.size()) {
      throw new SQLException(
          "the driver returned " + i[0] + " generated keys for " + indexes.size() + " rows");
    }
  }

  List<Map<String, Object>> findBy(ModelInfo model, String attribute, Collection<?> values) {
    AttributeInfo a = attribute(model, attribute);
    if (values.isEmpty()) {
      return List.of();
    }
    String sql = "SELECT " + selectList(model, "t") + build.withKeyIn(model, a);
    List<Object> all = new ArrayList<>(new LinkedHashSet<>(values));
    int max = dialect.maxArrayLength();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += max) {
      List<Param> params =
          List.of(
              Param.array(
                  all.subList(from, Math.min(all.size(), from + max)), a.type(), what(model, a)));
      ModelReader reader = ModelReader.of(model);
      out.addAll(
          run.read("find " + model.name(), () -> run.query(sql, params, rs -> reader.read(rs, 1))));
    }
    return out;
  }

  List<Map<String, Object>> find(ModelInfo model, Query query) {
    Query qy = query == null ? Query.ALL : query;
    if (qy.throughWhere() != null) {
      throw new InvalidCallException(
          "A through filter needs a belongsToMany association; "
              + model.name()
              + " is queried as a model");
    }
    if (qy.limit() != null && qy.limit() == 0) {
      return List.of();
    }
    List<Param> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(selectList(model, "t"))
            .append(" FROM ")
            .append(q(model.table()))
            .append(" t");
    if (qy.where() != null) {
      sql.append(" WHERE ")
          .append(SqlWhere.compile(qy.where(), build.columns(model, "t"), params, dialect));
    }
    List<String> order = new ArrayList<>();
    for (Order o : qy.order()) {
      if (o.onThrough()) {
        throw new InvalidCallException(
            "Ordering by through attribute '"
                + o.attribute()
                + "' needs a belongsToMany association");
      }
      order.add(
          dialect.orderTerm(col("t", attribute(model, o.attribute()).column()), o.ascending()));
    }
    order.add(col("t", model.id().column()));
    sql.append(" ORDER BY ").append(String.join(", ", order));
    build.page(sql, qy, params);
    String text = sql.toString();
    ModelReader reader = ModelReader.of(model);
    return run.read(
        "find " + model.name(), () -> run.query(text, params, rs -> reader.read(rs, 1)));
  }

  long count(ModelInfo model, Where where) {
    List<Param> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT COUNT(*) FROM ").append(q(model.table())).append(" t");
    if (where != null) {
      sql.append(" WHERE ")
          .append(SqlWhere.compile(where, build.columns(model, "t"), params, dialect));
    }
    String text = sql.toString();
    return run.read(
        "count " + model.name(), () -> run.query(text, params, rs -> rs.getLong(1)).get(0));
  }

  int update(ModelInfo model, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    AttributeInfo id = model.id();
    Map<Set<String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    Set<String> union = new LinkedHashSet<>();
    for (Map<String, Object> row : rows) {
      model.requireAttributes(row.keySet());
      if (row.get(id.name()) == null) {
        throw new InvalidCallException("update " + model.name() + ": a row without " + id.name());
      }
      Set<String> keys = new LinkedHashSet<>(row.keySet());
      keys.remove(id.name());
      groups.computeIfAbsent(keys, k -> new ArrayList<>()).add(row);
      union.addAll(keys);
    }
    List<AttributeInfo> set =
        model.attributes().stream().filter(a -> union.contains(a.name())).toList();
    boolean flags = groups.size() > 1;
    StringBuilder sql = new StringBuilder("UPDATE ").append(q(model.table())).append(" SET ");
    if (set.isEmpty()) {
      sql.append(q(id.column())).append(" = ").append(q(id.column()));
    }
    for (int i = 0; i < set.size(); i++) {
      String c = q(set.get(i).column());
      sql.append(i > 0 ? ", " : "").append(c).append(" = ");
      if (flags) {
        sql.append("CASE WHEN ")
            .append(dialect.flag())
            .append(" THEN ? ELSE ")
            .append(c)
            .append(" END");
      } else {
        sql.append('?');
      }
    }
    sql.append(" WHERE ").append(q(id.column())).append(" = ?");
    List<List<Param>> batch = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      List<Param> params = new ArrayList<>();
      for (AttributeInfo a : set) {
        boolean given = row.containsKey(a.name());
        if (flags) {
          params.add(Param.raw(given, Boolean.class));
        }
        params.add(Param.of(given ? row.get(a.name()) : null, a.type(), what(model, a)));
      }
      params.add(Param.of(row.get(id.name()), id.type(), what(model, id)));
      batch.add(params);
    }
    String text = sql.toString();
    return run.write("update " + model.name(), () -> sum(run.batch(text, batch)));
  }

  int delete(ModelInfo model, Collection<?> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    AttributeInfo id = model.id();
    List<Param> params = List.of(Param.array(ids, id.type(), what(model, id)));
    String sql =
        "DELETE FROM " + q(model.table()) + " WHERE " + dialect.inList(q(id.column()), id.type());
    return run.write("delete " + model.name(), () -> run.update(sql, params));
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int c : counts) {
      total += c == Statement.SUCCESS_NO_INFO ? 1 : Math.max(c, 0);
    }
    return total;
  }
}

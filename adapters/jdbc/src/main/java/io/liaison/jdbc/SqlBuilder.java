package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.col;
import static io.liaison.jdbc.Sql.q;

import io.liaison.InvalidCallException;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import java.util.List;
import java.util.Map;

/**
 * The pieces of statement text the session's parts share: select lists, inserts, key-list
 * restrictions and paging (as the {@link Dialect} renders them), the columns a {@link Where}
 * resolves to (association filters as {@code EXISTS} subqueries), and the attribute look-ups that
 * name the model in their errors. Identifiers are validated and quoted ({@link Sql#q}); values are
 * always parameters, added to the caller's list in the order of their markers.
 */
final class SqlBuilder {
  private final Dialect dialect;

  SqlBuilder(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * {@code FROM table t} restricted to the rows whose {@code key} is in one list parameter: joined
   * to it where the dialect has such a join ({@link Dialect#keyJoin}), else {@link Dialect#inList}.
   */
  String withKeyIn(ModelInfo model, AttributeInfo key) {
    String join = dialect.keyJoin(col("t", key.column()), key.type());
    return " FROM "
        + q(model.table())
        + " t"
        + (join != null ? join : " WHERE " + dialect.inList(col("t", key.column()), key.type()));
  }

  static String what(ModelInfo model, AttributeInfo a) {
    return "attribute '" + a.name() + "' of " + model.name();
  }

  static AttributeInfo attribute(ModelInfo model, String name) {
    return model.requireAttribute(name);
  }

  static AttributeInfo junctionAttribute(JunctionInfo j, String name) {
    return j.requireAttribute(name);
  }

  /**
   * The columns of {@code model}'s rows under {@code alias}; association filters become EXISTS
   * subqueries.
   */
  SqlWhere.Columns columns(ModelInfo model, String alias) {
    return new SqlWhere.Columns() {
      @Override
      public SqlWhere.Column resolve(String name) {
        AttributeInfo a = attribute(model, name);
        return new SqlWhere.Column(col(alias, a.column()), a);
      }

      @Override
      public String exists(Where.Has has, List<Param> params) {
        return existsSql(has, model, alias, params);
      }
    };
  }

  /**
   * {@code EXISTS (SELECT 1 FROM ... WHERE <correlated key> AND <where> AND <through>)} for an
   * association filter on the rows of {@code model} under {@code alias}. Nested filters get aliases
   * derived from the outer one, so they never clash.
   */
  String existsSql(Where.Has has, ModelInfo model, String alias, List<Param> params) {
    AssociationInfo a = has.info();
    if (a == null) {
      throw new InvalidCallException(
          "Where.has("
              + has.association()
              + ") reached the store unresolved; filters go "
              + "through a Liaison session");
    }
    if (!a.source().name().equals(model.name())) {
      throw new InvalidCallException(
          "Where.has(" + a.name() + ") filters " + a.source().name() + ", not " + model.name());
    }
    ModelInfo target = a.target();
    String t = alias + "h";
    String j = alias + "hj";
    StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM ");
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY ->
          sql.append(q(target.table()))
              .append(' ')
              .append(t)
              .append(" WHERE ")
              .append(col(t, attribute(target, a.foreignKey()).column()))
              .append(" = ")
              .append(col(alias, attribute(model, a.sourceKey()).column()));
      case BELONGS_TO ->
          sql.append(q(target.table()))
              .append(' ')
              .append(t)
              .append(" WHERE ")
              .append(col(t, attribute(target, a.targetKey()).column()))
              .append(" = ")
              .append(col(alias, attribute(model, a.foreignKey()).column()));
      case BELONGS_TO_MANY -> {
        JunctionInfo jn = a.through();
        sql.append(q(jn.table()))
            .append(' ')
            .append(j)
            .append(" JOIN ")
            .append(q(target.table()))
            .append(' ')
            .append(t)
            .append(" ON ")
            .append(col(t, attribute(target, a.targetKey()).column()))
            .append(" = ")
            .append(col(j, junctionAttribute(jn, a.otherKey()).column()))
            .append(" WHERE ")
            .append(col(j, junctionAttribute(jn, a.foreignKey()).column()))
            .append(" = ")
            .append(col(alias, attribute(model, a.sourceKey()).column()));
      }
    }
    if (has.where() != null) {
      sql.append(" AND ")
          .append(SqlWhere.compile(has.where(), columns(target, t), params, dialect));
    }
    if (has.through() != null) {
      if (a.through() == null) {
        throw new InvalidCallException(
            "A through filter needs a belongsToMany association; " + a.name() + " is " + a.kind());
      }
      sql.append(" AND ")
          .append(
              SqlWhere.compile(has.through(), junctionColumns(a.through(), j), params, dialect));
    }
    return sql.append(')').toString();
  }

  static SqlWhere.Columns junctionColumns(JunctionInfo j, String alias) {
    return name -> {
      AttributeInfo a = junctionAttribute(j, name);
      return new SqlWhere.Column(col(alias, a.column()), a);
    };
  }

  /**
   * The junction attributes read back with a link: the keys and the through attributes (not the
   * link id).
   */
  static List<AttributeInfo> throughAttributes(JunctionInfo j) {
    return j.attributes().stream()
        .filter(x -> j.id() == null || !x.name().equals(j.id().name()))
        .toList();
  }

  static String selectList(ModelInfo model, String alias) {
    StringBuilder sb = new StringBuilder();
    for (AttributeInfo a : model.attributes()) {
      sb.append(sb.length() > 0 ? ", " : "").append(col(alias, a.column()));
    }
    return sb.toString();
  }

  /** Appends the dialect's paging clause ({@link Dialect#page}) and its parameters. */
  void page(StringBuilder sql, Query query, List<Param> params) {
    sql.append(dialect.page(query.offset() != null, query.limit() != null));
    if (query.offset() != null) {
      params.add(Param.raw(query.offset(), Integer.class));
    }
    if (query.limit() != null) {
      params.add(Param.raw(query.limit(), Integer.class));
    }
  }

  static String insertSql(String table, List<AttributeInfo> columns) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(table)).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i > 0 ? ", " : "").append(q(columns.get(i).column()));
      marks.append(i > 0 ? ", ?" : "?");
    }
    return sql.append(") VALUES (").append(marks).append(')').toString();
  }

  /**
   * {@code AND col = ?} for each value of the association's through scope, its values added to
   * {@code params}: associations that share a junction and differ by their through scope (a
   * polymorphic junction whose key holds the ids of several models) each delete only their own
   * rows.
   */
  static String inThroughScope(AssociationInfo a, List<Param> params) {
    StringBuilder sql = new StringBuilder();
    for (Map.Entry<String, Object> e : a.throughScope().entrySet()) {
      AttributeInfo attr = junctionAttribute(a.through(), e.getKey());
      sql.append(" AND ").append(q(attr.column())).append(" = ?");
      params.add(Param.of(e.getValue(), attr.type(), "through scope of " + a.name()));
    }
    return sql.toString();
  }
}

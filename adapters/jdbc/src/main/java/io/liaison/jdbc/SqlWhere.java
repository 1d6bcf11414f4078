package io.liaison.jdbc;

import io.liaison.InvalidCallException;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a {@link Where} to a SQL condition. Attribute names become quoted, qualified columns;
 * every value becomes a parameter (IN / NOT IN: one list parameter, {@link Dialect#inList}).
 */
final class SqlWhere {

  /** A column a filter may name. */
  record Column(String sql, AttributeInfo attribute) {}

  /**
   * Resolves an attribute name to its column, or throws {@link InvalidCallException} naming it; and
   * compiles {@link Where.Has} on the same row to a correlated {@code EXISTS} subquery.
   */
  @FunctionalInterface
  interface Columns {
    Column resolve(String attribute);

    /** The condition for an association filter on these rows, appending its parameters. */
    default String exists(Where.Has has, List<Param> params) {
      throw new InvalidCallException(
          "Where.has(" + has.association() + ") filters entities, not through attributes");
    }
  }

  private SqlWhere() {}

  /** The condition for {@code where} (never null or empty), appending its parameters. */
  static String compile(Where where, Columns columns, List<Param> params, Dialect dialect) {
    StringBuilder sql = new StringBuilder();
    append(sql, where, columns, params, dialect);
    return sql.toString();
  }

  private static void append(
      StringBuilder sql, Where where, Columns columns, List<Param> params, Dialect dialect) {
    if (where == null) {
      sql.append("1 = 1");
    } else if (where instanceof Where.Compare c) {
      compare(sql, c, columns, params, dialect);
    } else if (where instanceof Where.And and) {
      junction(sql, and.parts(), " AND ", "1 = 1", columns, params, dialect);
    } else if (where instanceof Where.Or or) {
      junction(sql, or.parts(), " OR ", "1 = 0", columns, params, dialect);
    } else if (where instanceof Where.Not not) {
      sql.append("NOT (");
      append(sql, not.part(), columns, params, dialect);
      sql.append(')');
    } else if (where instanceof Where.Has has) {
      sql.append(columns.exists(has, params));
    } else {
      throw new InvalidCallException("Unsupported filter: " + where);
    }
  }

  private static void junction(
      StringBuilder sql,
      List<Where> parts,
      String op,
      String empty,
      Columns columns,
      List<Param> params,
      Dialect dialect) {
    if (parts.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append('(');
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(op);
      }
      append(sql, parts.get(i), columns, params, dialect);
    }
    sql.append(')');
  }

  private static void compare(
      StringBuilder sql, Where.Compare c, Columns columns, List<Param> params, Dialect dialect) {
    Column column = columns.resolve(c.attribute());
    AttributeInfo a = column.attribute();
    String what = "attribute '" + c.attribute() + "'";
    Object value = c.value();
    switch (c.op()) {
      case IS_NULL -> sql.append(column.sql()).append(" IS NULL");
      case NOT_NULL -> sql.append(column.sql()).append(" IS NOT NULL");
      case EQ, NE, GT, GTE, LT, LTE -> {
        if (value == null) {
          if (c.op() == Where.Op.EQ) {
            sql.append(column.sql()).append(" IS NULL");
            return;
          }
          if (c.op() == Where.Op.NE) {
            sql.append(column.sql()).append(" IS NOT NULL");
            return;
          }
          throw new InvalidCallException("Filter " + c.op() + " on " + what + " needs a value");
        }
        params.add(Param.of(value, a.type(), what));
        sql.append(column.sql()).append(' ').append(operator(c.op())).append(" ?");
      }
      case IN, NOT_IN -> {
        Collection<?> values = collection(value, what);
        params.add(Param.array(values, a.type(), what));
        if (c.op() == Where.Op.IN) {
          sql.append(dialect.inList(column.sql(), a.type()));
        } else {
          sql.append("NOT (").append(dialect.inList(column.sql(), a.type())).append(')');
        }
      }
      case BETWEEN, NOT_BETWEEN -> {
        if (!(value instanceof List<?> bounds)
            || bounds.size() != 2
            || bounds.get(0) == null
            || bounds.get(1) == null) {
          throw new InvalidCallException(
              "Filter " + c.op() + " on " + what + " needs two bounds, got " + value);
        }
        params.add(Param.of(bounds.get(0), a.type(), what));
        params.add(Param.of(bounds.get(1), a.type(), what));
        sql.append(column.sql())
            .append(c.op() == Where.Op.BETWEEN ? " BETWEEN ? AND ?" : " NOT BETWEEN ? AND ?");
      }
      case LIKE, ILIKE, STARTS_WITH, ENDS_WITH, SUBSTRING -> {
        if (!(value instanceof String text)) {
          throw new InvalidCallException(
              "Filter " + c.op() + " on " + what + " needs a String, got " + value);
        }
        String target =
            a.type() == String.class ? column.sql() : "CAST(" + column.sql() + " AS VARCHAR(4000))";
        switch (c.op()) {
          case LIKE -> {
            params.add(Param.raw(text, String.class));
            sql.append(target).append(" LIKE ?");
          }
          case ILIKE -> {
            params.add(Param.raw(text.toLowerCase(Locale.ROOT), String.class));
            sql.append("LOWER(").append(target).append(") LIKE ?");
          }
          default -> {
            String literal = escapeLike(text);
            String pattern =
                switch (c.op()) {
                  case STARTS_WITH -> literal + "%";
                  case ENDS_WITH -> "%" + literal;
                  default -> "%" + literal + "%";
                };
            params.add(Param.raw(pattern, String.class));
            sql.append(target).append(" LIKE ? ESCAPE '").append(ESCAPE).append('\'');
          }
        }
      }
      default -> throw new InvalidCallException("Unsupported operator " + c.op());
    }
  }

  /**
   * The escape character of the literal text operators' LIKE patterns: not a backslash, which
   * MariaDB's string literals would read as an escape of their own.
   */
  static final char ESCAPE = '!';

  /**
   * {@code text} as a LIKE pattern matching only itself under {@code ESCAPE '!'}: {@code %}, {@code
   * _} and {@code !} are escaped; a backslash is an ordinary character under that clause.
   */
  static String escapeLike(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '%' || ch == '_' || ch == ESCAPE) {
        out.append(ESCAPE);
      }
      out.append(ch);
    }
    return out.toString();
  }

  private static Collection<?> collection(Object value, String what) {
    if (value instanceof Collection<?> col) {
      return col;
    }
    if (value instanceof Object[] arr) {
      return List.of(arr);
    }
    if (value == null) {
      throw new InvalidCallException("Filter IN on " + what + " needs a collection of values");
    }
    return List.of(value);
  }

  private static String operator(Where.Op op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case GT -> ">";
      case GTE -> ">=";
      case LT -> "<";
      case LTE -> "<=";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }
}

package io.liaison.neo4j;

import io.liaison.InvalidCallException;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Where} to a Cypher predicate. Attribute names become quoted property accesses;
 * every value becomes a parameter. Comparisons follow SQL's three-valued logic, which Cypher
 * shares. LIKE becomes a regular expression ({@code =~}) in which {@code %} is any run, {@code _}
 * one character, a backslash makes the next character literal (as in PostgreSQL and H2), and
 * everything else is quoted. BigDecimal properties (canonical text) compare and order through
 * {@code toFloat}.
 */
final class CypherWhere {

  /** A property a filter may name: its Cypher expression and attribute. */
  record Prop(String expr, AttributeInfo attribute) {}

  /**
   * Resolves an attribute name, or throws {@link InvalidCallException} naming it; and compiles
   * {@link Where.Has} on the same node to an {@code EXISTS} subquery.
   */
  @FunctionalInterface
  interface Props {
    Prop resolve(String attribute);

    /** The predicate for an association filter on these nodes, adding its parameters. */
    default String exists(Where.Has has, Cypher.Params params) {
      throw new InvalidCallException(
          "Where.has(" + has.association() + ") filters entities, not through attributes");
    }
  }

  private CypherWhere() {}

  /** The predicate for {@code where} (never empty), adding its parameters. */
  static String compile(Where where, Props props, Cypher.Params params) {
    StringBuilder out = new StringBuilder();
    append(out, where, props, params);
    return out.toString();
  }

  /** The expression to sort a property by (numerically for decimals). */
  static String orderExpr(Prop p) {
    return p.attribute().type() == BigDecimal.class ? "toFloat(" + p.expr() + ")" : p.expr();
  }

  private static void append(StringBuilder out, Where where, Props props, Cypher.Params params) {
    if (where == null) {
      out.append("true");
    } else if (where instanceof Where.Compare c) {
      compare(out, c, props, params);
    } else if (where instanceof Where.And and) {
      junction(out, and.parts(), " AND ", "true", props, params);
    } else if (where instanceof Where.Or or) {
      junction(out, or.parts(), " OR ", "false", props, params);
    } else if (where instanceof Where.Not not) {
      out.append("NOT (");
      append(out, not.part(), props, params);
      out.append(')');
    } else if (where instanceof Where.Has has) {
      out.append(props.exists(has, params));
    } else {
      throw new InvalidCallException("Unsupported filter: " + where);
    }
  }

  private static void junction(
      StringBuilder out,
      List<Where> parts,
      String op,
      String empty,
      Props props,
      Cypher.Params params) {
    if (parts.isEmpty()) {
      out.append(empty);
      return;
    }
    out.append('(');
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(op);
      }
      append(out, parts.get(i), props, params);
    }
    out.append(')');
  }

  private static void compare(
      StringBuilder out, Where.Compare c, Props props, Cypher.Params params) {
    Prop p = props.resolve(c.attribute());
    AttributeInfo a = p.attribute();
    String what = "attribute '" + c.attribute() + "'";
    Object value = c.value();
    boolean decimal = a.type() == BigDecimal.class;
    switch (c.op()) {
      case IS_NULL -> out.append(p.expr()).append(" IS NULL");
      case NOT_NULL -> out.append(p.expr()).append(" IS NOT NULL");
      case EQ, NE -> {
        if (value == null) {
          out.append(p.expr()).append(c.op() == Where.Op.EQ ? " IS NULL" : " IS NOT NULL");
          return;
        }
        out.append(p.expr())
            .append(c.op() == Where.Op.EQ ? " = " : " <> ")
            .append(params.add(GraphValues.param(value, a.type(), what)));
      }
      case GT, GTE, LT, LTE -> {
        if (value == null) {
          throw new InvalidCallException("Filter " + c.op() + " on " + what + " needs a value");
        }
        String param = params.add(GraphValues.param(value, a.type(), what));
        String left = decimal ? "toFloat(" + p.expr() + ")" : p.expr();
        String right = decimal ? "toFloat(" + param + ")" : param;
        out.append(left).append(' ').append(operator(c.op())).append(' ').append(right);
      }
      case IN, NOT_IN -> {
        String list = params.add(GraphValues.params(collection(value, what), a.type(), what));
        if (c.op() == Where.Op.IN) {
          out.append(p.expr()).append(" IN ").append(list);
        } else {
          out.append("NOT (").append(p.expr()).append(" IN ").append(list).append(')');
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
        String lo = params.add(GraphValues.param(bounds.get(0), a.type(), what));
        String hi = params.add(GraphValues.param(bounds.get(1), a.type(), what));
        String x = decimal ? "toFloat(" + p.expr() + ")" : p.expr();
        if (decimal) {
          lo = "toFloat(" + lo + ")";
          hi = "toFloat(" + hi + ")";
        }
        String range = lo + " <= " + x + " <= " + hi;
        out.append(c.op() == Where.Op.BETWEEN ? range : "NOT (" + range + ")");
      }
      case LIKE, ILIKE, STARTS_WITH, ENDS_WITH, SUBSTRING -> {
        if (!(value instanceof String text)) {
          throw new InvalidCallException(
              "Filter " + c.op() + " on " + what + " needs a String, got " + value);
        }
        String target = a.type() == String.class ? p.expr() : "toString(" + p.expr() + ")";
        switch (c.op()) {
          case LIKE -> out.append(target).append(" =~ ").append(params.add(likeToRegex(text)));
          case ILIKE ->
              out.append("toLower(")
                  .append(target)
                  .append(") =~ ")
                  .append(params.add(likeToRegex(text.toLowerCase(Locale.ROOT))));
          case STARTS_WITH -> out.append(target).append(" STARTS WITH ").append(params.add(text));
          case ENDS_WITH -> out.append(target).append(" ENDS WITH ").append(params.add(text));
          default -> out.append(target).append(" CONTAINS ").append(params.add(text));
        }
      }
      default -> throw new InvalidCallException("Unsupported operator " + c.op());
    }
  }

  /**
   * A Java regular expression (Cypher's {@code =~} dialect, matched against the whole value) for a
   * LIKE pattern: {@code %} any run, {@code _} one character, backslash escapes the next character,
   * every other character literal; {@code .} also matches line breaks, as LIKE's wildcards do.
   */
  static String likeToRegex(String pattern) {
    StringBuilder regex = new StringBuilder("(?s)");
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (ch == '%' || ch == '_') {
        flush(literal, regex);
        regex.append(ch == '%' ? ".*" : ".");
      } else {
        literal.append(ch);
      }
    }
    flush(literal, regex);
    return regex.toString();
  }

  private static void flush(StringBuilder literal, StringBuilder regex) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
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
      case GT -> ">";
      case GTE -> ">=";
      case LT -> "<";
      case LTE -> "<=";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }
}

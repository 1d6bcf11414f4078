package io.liaison.memory;

import io.liaison.InvalidCallException;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Where} into a test of rows, with SQL's semantics: three-valued logic (a
 * comparison with a null is unknown, and {@code NOT} of unknown stays unknown, so {@code ne} and
 * {@code notIn} never match a null), values compared in their natural order after being coerced to
 * the attribute's type, {@code like} with {@code %} and {@code _}, and {@link Where.Has} as a
 * semi-join: a row matches when some link of it does, whatever their number. Compiling resolves
 * every attribute and coerces every value first, so a bad filter is refused even when no row would
 * be tested.
 */
final class Filters {

  /** A compiled filter: TRUE, FALSE, or null for unknown. */
  @FunctionalInterface
  interface Test {
    Boolean test(Map<String, Object> row);

    /** Whether the row matches (unknown does not). */
    default boolean matches(Map<String, Object> row) {
      return Boolean.TRUE.equals(test(row));
    }
  }

  private final Paths paths;

  Filters(Paths paths) {
    this.paths = paths;
  }

  /** A filter on a model's rows; null {@code where} matches every row. */
  Test onModel(Where where, ModelInfo model) {
    return compile(where, model::requireAttribute, model);
  }

  /** A filter on a junction's rows (an association's through attributes). */
  Test onLink(Where where, AssociationInfo a) {
    if (where != null && a.through() == null) {
      throw new InvalidCallException(
          "A through filter needs a belongsToMany association; " + a.name() + " is " + a.kind());
    }
    return compile(where, name -> a.through().requireAttribute(name), null);
  }

  /**
   * @param model the model whose rows are tested, for {@link Where.Has}; null on a junction, where
   *     an association filter is refused
   */
  private Test compile(Where where, Function<String, AttributeInfo> attributes, ModelInfo model) {
    if (where == null) {
      return row -> Boolean.TRUE;
    }
    if (where instanceof Where.Compare c) {
      return compare(c, attributes.apply(c.attribute()));
    }
    if (where instanceof Where.And and) {
      List<Test> parts = parts(and.parts(), attributes, model);
      return row -> {
        Boolean out = Boolean.TRUE;
        for (Test p : parts) {
          Boolean b = p.test(row);
          if (Boolean.FALSE.equals(b)) {
            return false;
          }
          if (b == null) {
            out = null;
          }
        }
        return out;
      };
    }
    if (where instanceof Where.Or or) {
      List<Test> parts = parts(or.parts(), attributes, model);
      return row -> {
        Boolean out = Boolean.FALSE;
        for (Test p : parts) {
          Boolean b = p.test(row);
          if (Boolean.TRUE.equals(b)) {
            return true;
          }
          if (b == null) {
            out = null;
          }
        }
        return out;
      };
    }
    if (where instanceof Where.Not not) {
      Test part = compile(not.part(), attributes, model);
      return row -> {
        Boolean b = part.test(row);
        return b == null ? null : !b;
      };
    }
    if (where instanceof Where.Has has) {
      return has(has, model);
    }
    throw new InvalidCallException("Unsupported filter: " + where);
  }

  private List<Test> parts(
      List<Where> parts, Function<String, AttributeInfo> attributes, ModelInfo model) {
    List<Test> out = new ArrayList<>(parts.size());
    for (Where w : parts) {
      out.add(compile(w, attributes, model));
    }
    return out;
  }

  /**
   * Some link of the row, reached through the association, has a target and a link matching the
   * filters.
   */
  private Test has(Where.Has has, ModelInfo model) {
    if (model == null) {
      throw new InvalidCallException(
          "Where.has(" + has.association() + ") filters entities, not through attributes");
    }
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
    Test target = onModel(has.where(), a.target());
    Test link = onLink(has.through(), a);
    String match = a.sourceMatch();
    return row -> {
      for (Paths.Reach r : paths.from(a, row.get(match))) {
        if (target.matches(r.target()) && (r.link() == null || link.matches(r.link()))) {
          return true;
        }
      }
      return false;
    };
  }

  private static Test compare(Where.Compare c, AttributeInfo a) {
    String name = a.name();
    String what = "attribute '" + c.attribute() + "'";
    Object value = c.value();
    return switch (c.op()) {
      case IS_NULL -> row -> row.get(name) == null;
      case NOT_NULL -> row -> row.get(name) != null;
      case EQ, NE, GT, GTE, LT, LTE -> {
        if (value == null) {
          if (c.op() == Where.Op.EQ || c.op() == Where.Op.NE) {
            boolean eq = c.op() == Where.Op.EQ;
            yield row -> (row.get(name) == null) == eq;
          }
          throw new InvalidCallException("Filter " + c.op() + " on " + what + " needs a value");
        }
        Object v = ValueTypes.coerce(value, a.type(), what);
        Where.Op op = c.op();
        yield row -> {
          Object x = row.get(name);
          if (x == null) {
            return null;
          }
          int cmp = Values.compare(x, v);
          return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
            case LT -> cmp < 0;
            default -> cmp <= 0;
          };
        };
      }
      case IN, NOT_IN -> {
        Set<Object> values = new HashSet<>();
        for (Object o : collection(value, what)) {
          if (o != null) {
            values.add(Values.normal(ValueTypes.coerce(o, a.type(), what)));
          }
        }
        boolean in = c.op() == Where.Op.IN;
        yield row -> {
          Object x = row.get(name);
          if (x == null) {
            return values.isEmpty() ? !in : null;
          }
          return values.contains(Values.normal(x)) == in;
        };
      }
      case BETWEEN, NOT_BETWEEN -> {
        if (!(value instanceof List<?> bounds)
            || bounds.size() != 2
            || bounds.get(0) == null
            || bounds.get(1) == null) {
          throw new InvalidCallException(
              "Filter " + c.op() + " on " + what + " needs two bounds, got " + value);
        }
        Object lo = ValueTypes.coerce(bounds.get(0), a.type(), what);
        Object hi = ValueTypes.coerce(bounds.get(1), a.type(), what);
        boolean between = c.op() == Where.Op.BETWEEN;
        yield row -> {
          Object x = row.get(name);
          if (x == null) {
            return null;
          }
          return (Values.compare(x, lo) >= 0 && Values.compare(x, hi) <= 0) == between;
        };
      }
      case LIKE, ILIKE, STARTS_WITH, ENDS_WITH, SUBSTRING -> {
        if (!(value instanceof String text)) {
          throw new InvalidCallException(
              "Filter " + c.op() + " on " + what + " needs a String, got " + value);
        }
        Predicate<String> test = text(c.op(), text);
        yield row -> {
          Object x = row.get(name);
          return x == null ? null : test.test(String.valueOf(x));
        };
      }
    };
  }

  /**
   * The test of a value's text: LIKE patterns as regular expressions (ILIKE: both sides
   * lower-cased), the literal operators as plain string tests.
   */
  private static Predicate<String> text(Where.Op op, String text) {
    return switch (op) {
      case ILIKE -> {
        Pattern regex = like(lower(text));
        yield x -> regex.matcher(lower(x)).matches();
      }
      case STARTS_WITH -> x -> x.startsWith(text);
      case ENDS_WITH -> x -> x.endsWith(text);
      case SUBSTRING -> x -> x.contains(text);
      default -> {
        Pattern regex = like(text);
        yield x -> regex.matcher(x).matches();
      }
    };
  }

  /** Lower case by Unicode's mapping of each character, whatever the default locale. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * SQL LIKE as a regular expression: {@code %} any run, {@code _} one character, a backslash makes
   * the next character literal (LIKE's default escape in H2, PostgreSQL and MariaDB, and the graph
   * adapter's), the rest literal.
   */
  static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (ch == '%' || ch == '_') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(ch == '%' ? ".*" : ".");
      } else {
        literal.append(ch);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
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
}

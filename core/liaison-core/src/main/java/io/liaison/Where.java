package io.liaison;

import io.liaison.internal.Args;
import java.util.Collection;
import java.util.List;

/**
 * A filter on attributes, portable across stores (compiled to SQL or Cypher with every value as a
 * parameter). Sequelize's {@code where: {role: 'editor', year: {[Op.gt]: 2000}}} reads {@code
 * Where.eq("role", "editor").and(Where.gt("year", 2000))}.
 *
 * <p>{@link #has} filters over an association (Sequelize's required include used as a filter):
 * books that have an article with role 'editor' are {@code Where.has(ARTICLES, null,
 * Where.eq("role", "editor"))}. It is a semi-join, so counts are never inflated by the number of
 * matching links, and {@code Where.not(Where.has(ARTICLES))} finds books without articles.
 */
public sealed interface Where {

  /** Comparison operators. */
  enum Op {
    EQ,
    NE,
    GT,
    GTE,
    LT,
    LTE,
    IN,
    NOT_IN,
    LIKE,
    IS_NULL,
    NOT_NULL,
    /** Value: a two-element list, the bounds, both included. */
    BETWEEN,
    /** Value: a two-element list, the bounds. */
    NOT_BETWEEN,
    /** Value: a LIKE pattern, matched after lower-casing both sides. */
    ILIKE,
    /** Value: a text, literal (no wildcard), that starts the attribute's value. */
    STARTS_WITH,
    /** Value: a text, literal, that ends the attribute's value. */
    ENDS_WITH,
    /** Value: a text, literal, found anywhere in the attribute's value. */
    SUBSTRING
  }

  /** {@code attribute op value}. */
  record Compare(String attribute, Op op, Object value) implements Where {
    public Compare {
      Args.notNull(attribute, "Where.Compare", "attribute");
      Args.notNull(op, "Where.Compare('" + attribute + "')", "op");
    }
  }

  /** All of the parts hold. */
  record And(List<Where> parts) implements Where {
    public And {
      parts = Args.noNulls(parts, "Where.And", "parts");
    }
  }

  /** Any of the parts holds. */
  record Or(List<Where> parts) implements Where {
    public Or {
      parts = Args.noNulls(parts, "Where.Or", "parts");
    }
  }

  /** The part does not hold. */
  record Not(Where part) implements Where {
    public Not {
      Args.notNull(part, "Where.not", "part");
    }
  }

  /**
   * Some target linked through {@code association} matches {@code where}, through a link matching
   * {@code through} (belongsToMany only); either may be null. The association's source must be the
   * model being filtered.
   *
   * @param info the resolved association: null when built by an application, set by the engine
   *     before the filter reaches a {@link io.liaison.spi.StoreSession}
   */
  record Has(
      Association<?, ?> association,
      Where where,
      Where through,
      io.liaison.spi.AssociationInfo info)
      implements Where {
    public Has {
      Args.notNull(association, "Where.has", "association");
    }
  }

  /** {@code attribute = value}; a null value means IS NULL, as in Sequelize. */
  static Where eq(String attribute, Object value) {
    Args.notNull(attribute, "Where.eq", "attribute");
    return value == null
        ? new Compare(attribute, Op.IS_NULL, null)
        : new Compare(attribute, Op.EQ, value);
  }

  /** {@code attribute <> value}; a null value means IS NOT NULL, as in Sequelize. */
  static Where ne(String attribute, Object value) {
    Args.notNull(attribute, "Where.ne", "attribute");
    return value == null
        ? new Compare(attribute, Op.NOT_NULL, null)
        : new Compare(attribute, Op.NE, value);
  }

  static Where gt(String attribute, Object value) {
    return new Compare(attribute, Op.GT, compared(attribute, value, "gt"));
  }

  static Where gte(String attribute, Object value) {
    return new Compare(attribute, Op.GTE, compared(attribute, value, "gte"));
  }

  static Where lt(String attribute, Object value) {
    return new Compare(attribute, Op.LT, compared(attribute, value, "lt"));
  }

  static Where lte(String attribute, Object value) {
    return new Compare(attribute, Op.LTE, compared(attribute, value, "lte"));
  }

  static Where in(String attribute, Collection<?> values) {
    return new Compare(attribute, Op.IN, listed(attribute, values, "in"));
  }

  static Where notIn(String attribute, Collection<?> values) {
    return new Compare(attribute, Op.NOT_IN, listed(attribute, values, "notIn"));
  }

  /** SQL LIKE semantics: {@code %} any run, {@code _} one character. */
  static Where like(String attribute, String pattern) {
    return new Compare(
        attribute,
        Op.LIKE,
        Args.notNull(
            pattern,
            "Where.like('" + Args.notNull(attribute, "Where.like", "attribute") + "')",
            "pattern"));
  }

  /**
   * {@code lo <= attribute <= hi}, both bounds included (Sequelize's {@code Op.between}: {@code
   * BETWEEN lo AND hi}); bounds in the wrong order match nothing. Null bounds are refused, as for
   * {@link #gt}.
   */
  static Where between(String attribute, Object lo, Object hi) {
    return new Compare(attribute, Op.BETWEEN, bounds(attribute, lo, hi, "between"));
  }

  /**
   * {@code attribute < lo or attribute > hi} (Sequelize's {@code Op.notBetween}); a null attribute
   * matches neither this nor {@link #between}, as in SQL.
   */
  static Where notBetween(String attribute, Object lo, Object hi) {
    return new Compare(attribute, Op.NOT_BETWEEN, bounds(attribute, lo, hi, "notBetween"));
  }

  /**
   * Case-insensitive {@link #like} (Sequelize's {@code Op.iLike}, PostgreSQL's ILIKE, on every
   * store): both the value and the pattern are lower-cased, character by character, by Unicode's
   * lower-case mapping ({@code É} matches {@code é}), then matched as LIKE matches.
   */
  static Where iLike(String attribute, String pattern) {
    return new Compare(attribute, Op.ILIKE, text(attribute, pattern, "iLike", "pattern"));
  }

  /**
   * The value starts with {@code text} (Sequelize's {@code Op.startsWith}). The text is literal:
   * {@code %}, {@code _} and backslashes in it match only themselves (v7 pastes them into a LIKE
   * pattern, where they are wildcards). Case-sensitive.
   */
  static Where startsWith(String attribute, String text) {
    return new Compare(attribute, Op.STARTS_WITH, text(attribute, text, "startsWith", "text"));
  }

  /** The value ends with {@code text}, literal as in {@link #startsWith}. */
  static Where endsWith(String attribute, String text) {
    return new Compare(attribute, Op.ENDS_WITH, text(attribute, text, "endsWith", "text"));
  }

  /**
   * The value contains {@code text} (Sequelize's {@code Op.substring}), literal as in {@link
   * #startsWith}.
   */
  static Where substring(String attribute, String text) {
    return new Compare(attribute, Op.SUBSTRING, text(attribute, text, "substring", "text"));
  }

  static Where isNull(String attribute) {
    return new Compare(Args.notNull(attribute, "Where.isNull", "attribute"), Op.IS_NULL, null);
  }

  static Where notNull(String attribute) {
    return new Compare(Args.notNull(attribute, "Where.notNull", "attribute"), Op.NOT_NULL, null);
  }

  /** Sources that have at least one target through {@code association}. */
  static Where has(Association<?, ?> association) {
    return new Has(association, null, null, null);
  }

  /** Sources that have a target through {@code association} matching {@code where}. */
  static Where has(Association<?, ?> association, Where where) {
    return new Has(association, where, null, null);
  }

  /**
   * Sources that have a target matching {@code where} (may be null) through a link whose through
   * attributes match {@code through} (belongsToMany).
   */
  static Where has(Association<?, ?> association, Where where, Where through) {
    return new Has(association, where, through, null);
  }

  static Where allOf(Where... parts) {
    return new And(Args.noNulls(parts, "Where.allOf", "parts"));
  }

  static Where anyOf(Where... parts) {
    return new Or(Args.noNulls(parts, "Where.anyOf", "parts"));
  }

  static Where not(Where part) {
    return new Not(part);
  }

  default Where and(Where other) {
    return new And(List.of(this, Args.notNull(other, "Where.and", "other")));
  }

  default Where or(Where other) {
    return new Or(List.of(this, Args.notNull(other, "Where.or", "other")));
  }

  /**
   * The value of a comparison, refused when null: only equality has a meaning for null (IS NULL).
   */
  private static Object compared(String attribute, Object value, String op) {
    Args.notNull(attribute, "Where." + op, "attribute");
    return Args.notNull(
        value,
        "Where." + op + "('" + attribute + "')",
        "value",
        "compare with null only through " + "Where.eq/ne or Where.isNull/notNull");
  }

  /** The two bounds of BETWEEN, each refused when null. */
  private static List<Object> bounds(String attribute, Object lo, Object hi, String op) {
    Args.notNull(attribute, "Where." + op, "attribute");
    String call = "Where." + op + "('" + attribute + "')";
    String hint = "a bound may not be null; use Where.gte or Where.lte for one bound";
    return List.of(Args.notNull(lo, call, "lo", hint), Args.notNull(hi, call, "hi", hint));
  }

  private static String text(String attribute, String text, String op, String argument) {
    Args.notNull(attribute, "Where." + op, "attribute");
    return Args.notNull(text, "Where." + op + "('" + attribute + "')", argument);
  }

  /**
   * The values of IN / NOT IN: an unmodifiable copy, refused when the collection or an element is
   * null.
   */
  private static List<?> listed(String attribute, Collection<?> values, String op) {
    Args.notNull(attribute, "Where." + op, "attribute");
    return Args.noNulls(values, "Where." + op + "('" + attribute + "')", "values");
  }
}

package io.liaison;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A filter on attributes, portable across stores (compiled to SQL or Cypher with every value as a
 * parameter). Sequelize's {@code where: {role: 'editor', year: {[Op.gt]: 2000}}} reads
 * {@code Where.eq("role", "editor").and(Where.gt("year", 2000))}.
 *
 * <p>{@link #has} filters over an association (Sequelize's required include used as a filter): books
 * that have an article with role 'editor' are
 * {@code Where.has(ARTICLES, null, Where.eq("role", "editor"))}. It is a semi-join, so counts are never
 * inflated by the number of matching links, and {@code Where.not(Where.has(ARTICLES))} finds books
 * without articles.
 */
public sealed interface Where {

  /** Comparison operators. */
  enum Op { EQ, NE, GT, GTE, LT, LTE, IN, NOT_IN, LIKE, IS_NULL, NOT_NULL }

  /** {@code attribute op value}. */
  record Compare(String attribute, Op op, Object value) implements Where {
    public Compare {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(op, "op");
    }
  }

  /** All of the parts hold. */
  record And(List<Where> parts) implements Where {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** Any of the parts holds. */
  record Or(List<Where> parts) implements Where {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** The part does not hold. */
  record Not(Where part) implements Where {
    public Not {
      Objects.requireNonNull(part, "part");
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
  record Has(Association<?, ?> association, Where where, Where through, io.liaison.spi.AssociationInfo info)
      implements Where {
    public Has {
      Objects.requireNonNull(association, "association");
    }
  }

  static Where eq(String attribute, Object value) {
    return value == null ? new Compare(attribute, Op.IS_NULL, null) : new Compare(attribute, Op.EQ, value);
  }

  static Where ne(String attribute, Object value) {
    return value == null ? new Compare(attribute, Op.NOT_NULL, null) : new Compare(attribute, Op.NE, value);
  }

  static Where gt(String attribute, Object value) {
    return new Compare(attribute, Op.GT, Objects.requireNonNull(value, "value"));
  }

  static Where gte(String attribute, Object value) {
    return new Compare(attribute, Op.GTE, Objects.requireNonNull(value, "value"));
  }

  static Where lt(String attribute, Object value) {
    return new Compare(attribute, Op.LT, Objects.requireNonNull(value, "value"));
  }

  static Where lte(String attribute, Object value) {
    return new Compare(attribute, Op.LTE, Objects.requireNonNull(value, "value"));
  }

  static Where in(String attribute, Collection<?> values) {
    return new Compare(attribute, Op.IN, List.copyOf(values));
  }

  static Where notIn(String attribute, Collection<?> values) {
    return new Compare(attribute, Op.NOT_IN, List.copyOf(values));
  }

  /** SQL LIKE semantics: {@code %} any run, {@code _} one character. */
  static Where like(String attribute, String pattern) {
    return new Compare(attribute, Op.LIKE, Objects.requireNonNull(pattern, "pattern"));
  }

  static Where isNull(String attribute) {
    return new Compare(attribute, Op.IS_NULL, null);
  }

  static Where notNull(String attribute) {
    return new Compare(attribute, Op.NOT_NULL, null);
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
    return new And(List.of(parts));
  }

  static Where anyOf(Where... parts) {
    return new Or(List.of(parts));
  }

  static Where not(Where part) {
    return new Not(part);
  }

  default Where and(Where other) {
    return new And(List.of(this, other));
  }

  default Where or(Where other) {
    return new Or(List.of(this, other));
  }
}

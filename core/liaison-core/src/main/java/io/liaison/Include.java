package io.liaison;

import io.liaison.internal.Args;
import java.util.ArrayList;
import java.util.List;

/**
 * One association to load eagerly with {@link Session#findAll(Class, Query, List)}, with its own
 * options and nested includes: Sequelize's {@code include: [{association, where, through, required,
 * order, limit, include}]}. Immutable; each method returns a new include.
 *
 * <pre>{@code
 * Loaded<Author> authors = db.findAll(Author.class, Query.all().limit(20), List.of(
 *     Include.of(BOOKS).orderBy(Order.desc("year")).limit(3)
 *         .include(Include.of(ARTICLES).through(Where.eq("role", "editor")).throughAttributes("role"))));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #where} filters the targets and, as in Sequelize, makes the include required unless
 *       {@link #required(boolean) required(false)} says otherwise;
 *   <li>{@link #through} filters the links by their through attributes (belongsToMany) without
 *       making the include required;
 *   <li>a required include keeps only parents that have a matching target, like an inner join; the
 *       filter is applied by the store before the parents' own limit, so paging stays right;
 *   <li>{@link #limit} and {@link #offset} apply per parent (the first 3 books of each author), in
 *       the include's order, ties broken by the target's id.
 * </ul>
 *
 * @param <S> the source model (the parent's model)
 * @param <T> the target model
 */
public final class Include<S, T> {

  private final Association<S, T> association;
  private final Where where;
  private final Where through;
  private final List<String> throughAttributes;
  private final Boolean required;
  private final List<Order> order;
  private final Integer limit;
  private final Integer offset;
  private final List<Include<T, ?>> includes;

  private Include(
      Association<S, T> association,
      Where where,
      Where through,
      List<String> throughAttributes,
      Boolean required,
      List<Order> order,
      Integer limit,
      Integer offset,
      List<Include<T, ?>> includes) {
    this.association = association;
    this.where = where;
    this.through = through;
    this.throughAttributes = throughAttributes;
    this.required = required;
    this.order = order;
    this.limit = limit;
    this.offset = offset;
    this.includes = includes;
  }

  /** Loads the targets of {@code association} for every parent. */
  public static <S, T> Include<S, T> of(Association<S, T> association) {
    Args.notNull(association, "Include.of", "association");
    return new Include<>(association, null, null, null, null, List.of(), null, null, List.of());
  }

  /**
   * Adds a filter on the targets (AND); makes the include required unless {@code required(false)}.
   */
  public Include<S, T> where(Where where) {
    Args.notNull(where, call("where"), "where");
    return new Include<>(
        association,
        this.where == null ? where : this.where.and(where),
        through,
        throughAttributes,
        required,
        order,
        limit,
        offset,
        includes);
  }

  /** Adds a filter on the links' through attributes (belongsToMany). */
  public Include<S, T> through(Where throughWhere) {
    Args.notNull(throughWhere, call("through"), "throughWhere");
    return new Include<>(
        association,
        where,
        through == null ? throughWhere : through.and(throughWhere),
        throughAttributes,
        required,
        order,
        limit,
        offset,
        includes);
  }

  /**
   * The through attributes each {@link LinkedTarget} carries (Sequelize's {@code
   * through.attributes}); none given means none. Default: all of them, keys included.
   */
  public Include<S, T> throughAttributes(String... names) {
    return new Include<>(
        association,
        where,
        through,
        Args.noNulls(names, call("throughAttributes"), "names"),
        required,
        order,
        limit,
        offset,
        includes);
  }

  /** Keep only parents with a matching target (true), or every parent (false). */
  public Include<S, T> required(boolean value) {
    return new Include<>(
        association, where, through, throughAttributes, value, order, limit, offset, includes);
  }

  /**
   * Order of each parent's targets (attributes of the target, or of the link with {@link
   * Order#through}).
   */
  public Include<S, T> orderBy(Order... orders) {
    return new Include<>(
        association,
        where,
        through,
        throughAttributes,
        required,
        Args.noNulls(orders, call("orderBy"), "orders"),
        limit,
        offset,
        includes);
  }

  /** At most {@code n} targets per parent (hasMany and belongsToMany). */
  public Include<S, T> limit(int n) {
    if (n < 0) {
      throw new InvalidCallException(this + ": limit must be >= 0, was " + n);
    }
    return new Include<>(
        association, where, through, throughAttributes, required, order, n, offset, includes);
  }

  /** Skips the first {@code n} targets of each parent (hasMany and belongsToMany). */
  public Include<S, T> offset(int n) {
    if (n < 0) {
      throw new InvalidCallException(this + ": offset must be >= 0, was " + n);
    }
    return new Include<>(
        association, where, through, throughAttributes, required, order, limit, n, includes);
  }

  /** Also loads {@code child} for every target of this include. */
  public Include<S, T> include(Include<T, ?> child) {
    Args.notNull(child, call("include"), "child");
    List<Include<T, ?>> list = new ArrayList<>(includes);
    list.add(child);
    return new Include<>(
        association,
        where,
        through,
        throughAttributes,
        required,
        order,
        limit,
        offset,
        List.copyOf(list));
  }

  public Association<S, T> association() {
    return association;
  }

  /** The target filter, or null. */
  public Where where() {
    return where;
  }

  /** The through filter, or null. */
  public Where throughWhere() {
    return through;
  }

  /** The through attributes to return, or null for all. */
  public List<String> returnedThroughAttributes() {
    return throughAttributes;
  }

  /**
   * Whether only parents with a matching target are kept: as set, else true exactly when a target
   * filter is given.
   */
  public boolean isRequired() {
    return required != null ? required : where != null;
  }

  public List<Order> order() {
    return order;
  }

  /** The per-parent limit, or null. */
  public Integer limit() {
    return limit;
  }

  /** The per-parent offset, or null. */
  public Integer offset() {
    return offset;
  }

  public List<Include<T, ?>> includes() {
    return includes;
  }

  @Override
  public String toString() {
    return "Include(" + association + ")";
  }

  /**
   * Names a call on this include in errors, e.g. {@code
   * Include(Book.belongsToMany(Article)).where}.
   */
  private String call(String method) {
    return this + "." + method;
  }
}

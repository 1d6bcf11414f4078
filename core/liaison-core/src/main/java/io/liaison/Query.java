package io.liaison;

import io.liaison.internal.Args;
import java.util.List;

/**
 * Options of {@code get} and {@code count}: a filter on the targets, a filter on the link's through
 * attributes, an order and a limit/offset ({@code count} ignores order and paging). Immutable.
 *
 * <pre>{@code
 * db.on(book, ARTICLES).get(Query.matching(Where.like("title", "Graph%"))
 *     .through(Where.eq("role", "editor")).orderBy(Order.asc("title")).limit(10));
 * }</pre>
 */
public record Query(
    Where where, Where throughWhere, List<Order> order, Integer limit, Integer offset) {

  public static final Query ALL = new Query(null, null, List.of(), null, null);

  public Query {
    order = Args.noNulls(order, "Query", "order");
    if (limit != null && limit < 0) {
      throw new InvalidCallException("Query limit must be >= 0, was " + limit);
    }
    if (offset != null && offset < 0) {
      throw new InvalidCallException("Query offset must be >= 0, was " + offset);
    }
  }

  public static Query all() {
    return ALL;
  }

  /**
   * A query for the targets matching {@code where}. (Named apart from the record's {@link
   * #where()}, the filter a query holds.)
   */
  public static Query matching(Where where) {
    return new Query(Args.notNull(where, "Query.matching", "where"), null, List.of(), null, null);
  }

  /** Adds a filter on the targets (combined with AND). */
  public Query and(Where where) {
    Args.notNull(where, "Query.and", "where");
    return new Query(
        this.where == null ? where : this.where.and(where), throughWhere, order, limit, offset);
  }

  /** Adds a filter on the through attributes of each link (belongsToMany only). */
  public Query through(Where throughWhere) {
    Args.notNull(throughWhere, "Query.through", "throughWhere");
    return new Query(
        where,
        this.throughWhere == null ? throughWhere : this.throughWhere.and(throughWhere),
        order,
        limit,
        offset);
  }

  public Query orderBy(Order... orders) {
    return new Query(
        where, throughWhere, Args.noNulls(orders, "Query.orderBy", "orders"), limit, offset);
  }

  public Query limit(int n) {
    return new Query(where, throughWhere, order, n, offset);
  }

  public Query offset(int n) {
    return new Query(where, throughWhere, order, limit, n);
  }
}

package io.liaison.spi;

import io.liaison.Query;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target read through an association.
 *
 * @param source the source's match value it was reached from
 * @param target the target row, keyed by attribute name (implicit attributes included)
 * @param through the link's junction attributes, keys included (belongsToMany), else empty
 * @param linkId the link id for parallel links, else null
 */
public record TargetRow(
    Object source, Map<String, Object> target, Map<String, Object> through, Object linkId) {

  private static final Set<Class<?>> INTEGERS =
      Set.of(Long.class, Integer.class, Short.class, Byte.class);

  /**
   * Whether ids of this type sort the same in Java as in every store (integers do; text does not,
   * since a database's collation decides its order), so that an adapter may read the rows of {@link
   * StoreSession#targets} unordered and put them in id order with {@link #sortById}.
   */
  public static boolean sortableById(Class<?> idType) {
    return INTEGERS.contains(idType);
  }

  /**
   * Whether {@link StoreSession#targets} rows for this query may be read unordered and put in order
   * with {@link #sortById}: the query asks for no order of its own and no page (so the id order is
   * the whole order, rule 34), and the id is {@link #sortableById(Class) sortable by id}. Parallel
   * links, whose ties the link id breaks, are the adapter's to exclude.
   */
  public static boolean sortableById(Query query, Class<?> idType) {
    return query.order().isEmpty()
        && query.limit() == null
        && query.offset() == null
        && sortableById(idType);
  }

  /**
   * Sorts rows in place by the target's id, ascending; stable, so rows of equal ids keep their
   * order. For ids {@link #sortableById sortable by id} only.
   *
   * @param rows a mutable list
   * @param idAttribute the name of the target's id attribute
   */
  public static void sortById(List<TargetRow> rows, String idAttribute) {
    RowLayout.Column ids = new RowLayout.Column(idAttribute);
    long[] keys = new long[rows.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ((Number) ids.of(rows.get(i).target())).longValue();
    }
    int[] order = IdOrder.of(keys);
    TargetRow[] sorted = new TargetRow[keys.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = rows.get(order[i]);
    }
    for (int i = 0; i < sorted.length; i++) {
      rows.set(i, sorted[i]);
    }
  }

  /**
   * Receives the rows of one {@link StoreSession#targets(AssociationInfo, java.util.Collection,
   * Query, Visitor) read} one at a time, in the order the list would hold them.
   */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Announces how many rows follow, before the first: a receiver may size what it builds.
     * Adapters that cannot know say nothing (the default does nothing).
     */
    default void expect(int rows) {}

    /**
     * One row, as {@link TargetRow} holds it; both maps are immutable and the receiver's to keep.
     */
    void row(Object source, Map<String, Object> target, Map<String, Object> through, Object linkId);
  }
}

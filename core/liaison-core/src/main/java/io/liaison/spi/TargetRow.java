package io.liaison.spi;

import io.liaison.Query;
import java.util.Arrays;
import java.util.Comparator;
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
public record TargetRow(Object source, Map<String, Object> target, Map<String, Object> through, Object linkId) {

  private static final Set<Class<?>> INTEGERS = Set.of(Long.class, Integer.class, Short.class, Byte.class);

  /**
   * Whether ids of this type sort the same in Java as in every store (integers do; text does not,
   * since a database's collation decides its order), so that an adapter may read the rows of
   * {@link StoreSession#targets} unordered and put them in id order with {@link #sortById}.
   */
  public static boolean sortableById(Class<?> idType) {
    return INTEGERS.contains(idType);
  }

  /**
   * Whether {@link StoreSession#targets} rows for this query may be read unordered and put in order
   * with {@link #sortById}: the query asks for no order of its own and no page (so the id order is the
   * whole order, rule 34), and the id is {@link #sortableById(Class) sortable by id}. Parallel links,
   * whose ties the link id breaks, are the adapter's to exclude.
   */
  public static boolean sortableById(Query query, Class<?> idType) {
    return query.order().isEmpty() && query.limit() == null && query.offset() == null && sortableById(idType);
  }

  /**
   * Sorts rows in place by the target's id, ascending; stable, so rows of equal ids keep their
   * order. For ids {@link #sortableById sortable by id} only.
   *
   * @param rows a mutable list
   * @param idAttribute the name of the target's id attribute
   */
  public static void sortById(List<TargetRow> rows, String idAttribute) {
    int n = rows.size();
    RowLayout.Column ids = new RowLayout.Column(idAttribute);
    // Each id read once, not twice per comparison; ids and positions that fit are packed into one long
    // (id above, position below), so the sort is one of primitives, stable by construction.
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    long limit = 1L << (63 - bits);
    long[] packed = new long[n];
    boolean fits = true;
    for (int i = 0; i < n && fits; i++) {
      long id = ((Number) ids.of(rows.get(i).target())).longValue();
      fits = id >= 0 && id < limit;
      packed[i] = id << bits | i;
    }
    if (fits) {
      Arrays.sort(packed);
      TargetRow[] sorted = new TargetRow[n];
      long mask = (1L << bits) - 1;
      for (int i = 0; i < n; i++) {
        sorted[i] = rows.get((int) (packed[i] & mask));
      }
      for (int i = 0; i < n; i++) {
        rows.set(i, sorted[i]);
      }
      return;
    }
    ById[] keyed = new ById[rows.size()];
    for (int i = 0; i < keyed.length; i++) {
      TargetRow r = rows.get(i);
      keyed[i] = new ById(((Number) ids.of(r.target())).longValue(), r);
    }
    Arrays.sort(keyed, Comparator.comparingLong(ById::id));
    for (int i = 0; i < keyed.length; i++) {
      rows.set(i, keyed[i].row());
    }
  }

  private record ById(long id, TargetRow row) {
  }
}

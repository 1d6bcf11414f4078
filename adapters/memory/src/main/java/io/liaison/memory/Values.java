package io.liaison.memory;

import io.liaison.Order;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Comparing stored values. Values are of their attribute's type (the engine and the session coerce
 * them before they are stored or compared), so natural ordering is the store's order: numbers by
 * value, text by its characters, dates in time.
 */
final class Values {
  private Values() {}

  /** Natural order of two non-null values of one type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Comparable c && a.getClass() == b.getClass()) {
      return c.compareTo(b);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return a.equals(b) ? 0 : String.valueOf(a).compareTo(String.valueOf(b));
  }

  /**
   * The value in a form whose equals agrees with {@link #compare} (1.0 and 1.00 are one decimal).
   */
  static Object normal(Object v) {
    return v instanceof BigDecimal d
        ? (d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros())
        : v;
  }

  /**
   * Order by one value: nulls last ascending and first descending, as every store here sorts them.
   */
  static <T> Comparator<T> by(Function<T, Object> value, boolean ascending) {
    return (x, y) -> {
      Object a = value.apply(x);
      Object b = value.apply(y);
      if (a == null || b == null) {
        int nulls = a == null ? (b == null ? 0 : 1) : -1;
        return ascending ? nulls : -nulls;
      }
      int c = compare(a, b);
      return ascending ? c : -c;
    };
  }

  /**
   * The query's order on rows that hold a target and, for belongsToMany, a link: each {@link Order}
   * on the target's or the link's attribute, in turn.
   */
  static <T> Comparator<T> of(
      List<Order> order,
      Function<T, Map<String, Object>> target,
      Function<T, Map<String, Object>> link) {
    Comparator<T> out = (x, y) -> 0;
    for (Order o : order) {
      String name = o.attribute();
      Function<T, Map<String, Object>> rowOf = o.onThrough() ? link : target;
      out =
          out.thenComparing(
              by(
                  r -> {
                    Map<String, Object> row = rowOf.apply(r);
                    return row == null ? null : row.get(name);
                  },
                  o.ascending()));
    }
    return out;
  }
}

package io.liaison.internal;

import io.liaison.spi.TargetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity per target of one read, however many of the read's rows (sources, parallel links)
 * reach it; the rows are given one at a time, as they come. Rows in the default order come by
 * target id (rule 34), so all the rows of one target are adjacent and only the previous row's
 * target needs comparing: no map of every target read. That order is checked as the rows come, not
 * trusted: at the first row whose id is lower than the previous one (another order, a page per
 * source, an adapter that sorts otherwise), the instances made so far go into a map by id, which
 * serves every later row.
 *
 * @param <T> the target model's class
 */
final class TargetInstances<T> {
  private final Class<T> type;
  private final EntityMapper.RowReader reader;

  /**
   * Instances in the order they were made, and their ids, while the rows are in id order; null
   * after.
   */
  private List<T> made;

  private List<Object> madeIds;
  private Map<Object, T> byId;
  private Object lastId;
  private T last;

  /**
   * @param inIdOrder whether the rows should come in ascending integer id order (the query asks for
   *     no order of its own and the id is an integer: {@link TargetRow#sortableById(Class)})
   */
  TargetInstances(ModelMeta meta, Class<T> type, boolean inIdOrder) {
    this.type = type;
    this.reader = new EntityMapper.RowReader(meta);
    if (inIdOrder) {
      made = new ArrayList<>();
      madeIds = new ArrayList<>();
    } else {
      byId = new HashMap<>();
    }
  }

  /**
   * Sizes what is kept for a read of this many rows (at most one instance each), before the first
   * row.
   */
  void expect(int rows) {
    if (made != null) {
      made = new ArrayList<>(rows);
      madeIds = new ArrayList<>(rows);
    } else {
      byId = new HashMap<>((int) (rows / 0.75f) + 1);
    }
  }

  /** The instance for the next row of the read. */
  T of(Map<String, Object> row) {
    Object id = reader.id(row);
    if (byId == null) {
      if (last != null && id.equals(lastId)) {
        return last;
      }
      if (last == null || ((Number) id).longValue() > ((Number) lastId).longValue()) {
        T t = type.cast(reader.toEntity(row));
        made.add(t);
        madeIds.add(id);
        lastId = id;
        last = t;
        return t;
      }
      leaveIdOrder();
    }
    T t = byId.get(id);
    if (t == null) {
      t = type.cast(reader.toEntity(row));
      byId.put(id, t);
    }
    return t;
  }

  /** The rows so far were in id order and the next is not: index what was made by id. */
  private void leaveIdOrder() {
    byId = new HashMap<>((int) (made.size() / 0.75f) + 1);
    for (int i = 0; i < made.size(); i++) {
      byId.put(madeIds.get(i), made.get(i));
    }
    made = null;
    madeIds = null;
  }
}

package io.liaison.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one {@link StoreSession#targets} read, for an adapter to fill as it reads its result
 * and then hand on: all values in a few large arrays, a row per slice (the source, the link id, the
 * target's values, the link's values), and each row's two maps handed out as {@link RowLayout.Row}
 * views of its slice. Reading 10,000 links makes no object per row beyond its values and those two
 * views: a list of {@link TargetRow}s costs a record, two maps and two arrays per row, which on an
 * in-process store were a quarter of the memory one read allocates.
 *
 * <p>Fill it with {@link #add}, writing the row's values into the returned array; then optionally
 * {@link #sortById}, then {@link #visit} or {@link #list} (once each, or more: the slices are not
 * changed after they are written). Not for concurrent use.
 */
public final class TargetRows {
  /**
   * Rows of the first array; each next one holds twice as many, up to {@link #LARGEST}, so growing
   * copies nothing and a read of a few rows allocates little.
   */
  private static final int FIRST = 16;

  private static final int LARGEST = 1024;

  /** Rows held by the arrays smaller than {@link #LARGEST}: 16 + 32 + ... + 512. */
  private static final int BEFORE_LARGEST = LARGEST - FIRST;

  private static final int SMALLER = Integer.numberOfTrailingZeros(LARGEST / FIRST);

  private final RowLayout target;
  private final RowLayout through;
  private final int width;
  private final List<Object[]> chunks = new ArrayList<>();
  private Object[] chunk;
  private int chunkRows;
  private int size;
  private int at;
  private int[] order;

  /**
   * @param target the layout of the target's values
   * @param through the layout of the link's values (empty for associations without a junction)
   */
  public TargetRows(RowLayout target, RowLayout through) {
    this.target = target;
    this.through = through;
    this.width = 2 + target.size() + through.size();
  }

  /**
   * Starts a row. The caller then writes the target's values into the returned array from {@link
   * #at()} on, in the target layout's order, followed by the link's, in the through layout's order.
   */
  public Object[] add(Object source, Object linkId) {
    if (chunk == null || chunkRows == chunk.length / width) {
      chunk = new Object[capacity(chunks.size()) * width];
      chunks.add(chunk);
      chunkRows = 0;
    }
    int base = chunkRows++ * width;
    chunk[base] = source;
    chunk[base + 1] = linkId;
    at = base + 2;
    size++;
    order = null;
    return chunk;
  }

  /** Where the row {@link #add} started takes its first target value in the array it returned. */
  public int at() {
    return at;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /**
   * The value at a position of the target layout in row {@code row} (in the order rows were added).
   */
  public Object targetValue(int row, int position) {
    int k = chunkOf(row);
    return chunks.get(k)[(row - start(k)) * width + 2 + position];
  }

  /** Rows the k-th array holds. */
  private static int capacity(int k) {
    return k < SMALLER ? FIRST << k : LARGEST;
  }

  /** The first row the k-th array holds. */
  private static int start(int k) {
    return k < SMALLER ? FIRST * ((1 << k) - 1) : BEFORE_LARGEST + (k - SMALLER) * LARGEST;
  }

  /** The array holding a row. */
  private static int chunkOf(int row) {
    return row < BEFORE_LARGEST
        ? 31 - Integer.numberOfLeadingZeros(row / FIRST + 1)
        : SMALLER + (row - BEFORE_LARGEST) / LARGEST;
  }

  /**
   * Puts the rows in ascending order of the target's id, keeping the order of rows with equal ids,
   * as {@link TargetRow#sortById} does; for ids {@link TargetRow#sortableById(Class) sortable by
   * id}.
   *
   * @param idAttribute the name of the target's id attribute in the target layout
   */
  public void sortById(String idAttribute) {
    int p = target.position(idAttribute);
    if (p < 0) {
      throw new IllegalArgumentException("No attribute " + idAttribute + " in the target layout");
    }
    long[] ids = new long[size];
    for (int i = 0; i < size; i++) {
      ids[i] = ((Number) targetValue(i, p)).longValue();
    }
    order = IdOrder.of(ids);
  }

  /** Hands every row to the visitor, in order, after announcing their number. */
  public void visit(TargetRow.Visitor visitor) {
    visitor.expect(size);
    for (int i = 0; i < size; i++) {
      int row = order == null ? i : order[i];
      int k = chunkOf(row);
      Object[] c = chunks.get(k);
      int base = (row - start(k)) * width;
      visitor.row(
          c[base], target.row(c, base + 2), through.row(c, base + 2 + target.size()), c[base + 1]);
    }
  }

  /** The rows as a mutable list of {@link TargetRow}s, in order. */
  public List<TargetRow> list() {
    List<TargetRow> out = new ArrayList<>(size);
    visit((source, t, link, linkId) -> out.add(new TargetRow(source, t, link, linkId)));
    return out;
  }
}

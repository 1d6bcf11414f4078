package io.liaison.spi;

import java.util.Arrays;

/**
 * Stable orders of rows by integer ids, shared by {@link TargetRow#sortById} and {@link
 * TargetRows}.
 */
final class IdOrder {
  /**
   * Below this many rows a comparison sort of the packed keys beats the radix sort's fixed cost.
   */
  private static final int RADIX_FROM = 256;

  private static final int DIGIT_BITS = 11;

  private IdOrder() {}

  /**
   * The positions {@code 0..ids.length-1} ordered by their ids, ascending; positions of equal ids
   * keep their order. Ids already in order cost one pass. Otherwise each id, less the smallest, is
   * packed with its position into one long (id above, position below), so the keys are distinct and
   * any sort of them is stable; many keys are sorted by their digits (a least-significant-digit
   * radix sort, a few passes over the rows: for 10,000 rows it took a third of the time {@link
   * Arrays#sort(long[])} did), few by comparison. Ids spread too wide to pack take a comparison
   * sort of the positions.
   */
  static int[] of(long[] ids) {
    int n = ids.length;
    int[] order = new int[n];
    boolean sorted = true;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long id = ids[i];
      sorted &= i == 0 || ids[i - 1] <= id;
      min = Math.min(min, id);
      max = Math.max(max, id);
      order[i] = i;
    }
    if (sorted) {
      return order;
    }
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    long span = max - min;
    if (span < 0 || span >= 1L << (63 - bits)) {
      return byComparison(ids);
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = (ids[i] - min) << bits | i;
    }
    if (n < RADIX_FROM) {
      Arrays.sort(packed);
    } else {
      packed = byDigits(packed, bits + 64 - Long.numberOfLeadingZeros(span));
    }
    long mask = (1L << bits) - 1;
    for (int i = 0; i < n; i++) {
      order[i] = (int) (packed[i] & mask);
    }
    return order;
  }

  /** Sorts non-negative keys of at most {@code width} bits, by digits of {@link #DIGIT_BITS}. */
  private static long[] byDigits(long[] keys, int width) {
    long[] from = keys;
    long[] to = new long[keys.length];
    int[] starts = new int[1 << DIGIT_BITS];
    int digitMask = starts.length - 1;
    for (int shift = 0; shift < width; shift += DIGIT_BITS) {
      Arrays.fill(starts, 0);
      for (long k : from) {
        starts[(int) (k >>> shift) & digitMask]++;
      }
      int sum = 0;
      for (int d = 0; d < starts.length; d++) {
        int count = starts[d];
        starts[d] = sum;
        sum += count;
      }
      for (long k : from) {
        to[starts[(int) (k >>> shift) & digitMask]++] = k;
      }
      long[] swap = from;
      from = to;
      to = swap;
    }
    return from;
  }

  private static int[] byComparison(long[] ids) {
    Integer[] positions = new Integer[ids.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    // Arrays.sort on objects is a stable merge sort
    Arrays.sort(positions, (x, y) -> Long.compare(ids[x], ids[y]));
    int[] order = new int[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = positions[i];
    }
    return order;
  }
}

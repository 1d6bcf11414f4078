package io.liaison.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every way of ordering rows by id gives the stable order a comparison sort gives. */
class IdOrderTest {

  /** The positions in id order by a plain stable sort, to compare with. */
  private static int[] expected(long[] ids) {
    return IntStream.range(0, ids.length)
        .boxed()
        .sorted(Comparator.comparingLong(i -> ids[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static void check(String what, long[] ids) {
    assertThat(IdOrder.of(ids)).as(what).containsExactly(expected(ids));
  }

  @Test
  void manyRowsAreOrderedStablyByTheirDigits() {
    Random random = new Random(3);
    for (int n : new int[] {256, 1_000, 10_000, 70_000}) {
      long[] repeated = new long[n];
      long[] offset = new long[n];
      long[] wide = new long[n];
      for (int i = 0; i < n; i++) {
        repeated[i] = random.nextInt(n / 4 + 1);
        offset[i] = 1_000_000_000_000L + random.nextInt(5_000);
        wide[i] = random.nextLong() >>> 30;
      }
      check(n + " ids repeating", repeated);
      check(n + " ids far from zero", offset);
      check(n + " ids over 34 bits", wide);
    }
  }

  @Test
  void rowsInOrderFewRowsAndIdsTooWideToPackAreOrderedToo() {
    long[] inOrder = longs(0, 5, 5, 9, 12);
    long[] few = {9, 2, 9, -4, 7, 2};
    long[] tooWide = {Long.MAX_VALUE, -1, Long.MIN_VALUE, 0, -1};

    assertThat(IdOrder.of(inOrder)).containsExactly(0, 1, 2, 3, 4);
    check("few", few);
    check("too wide", tooWide);
    check("none", new long[0]);
    check("one", new long[] {42});
  }

  private static long[] longs(long... ids) {
    return Arrays.copyOf(ids, ids.length);
  }
}

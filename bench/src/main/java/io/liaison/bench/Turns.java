package io.liaison.bench;

/**
 * Parameter arrays computed once per trial and handed out in turn, one per call, so consecutive
 * calls of a read workload ask different questions at the cost of an array index (no per-invocation
 * JMH setup on microsecond operations).
 */
final class Turns {
  private final int[][] variants;
  private int next;

  Turns(int[][] variants) {
    if (variants.length == 0) {
      throw new IllegalArgumentException("no variants");
    }
    this.variants = variants;
  }

  /** The array for this call; the next call gets the following one (after the last, the first). */
  int[] next() {
    int[] out = variants[next];
    next = next + 1 == variants.length ? 0 : next + 1;
    return out;
  }
}

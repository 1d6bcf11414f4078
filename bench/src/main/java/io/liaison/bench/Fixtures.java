package io.liaison.bench;

import io.liaison.bench.Contender.LinkSpec;
import io.liaison.bench.Contender.SourceLinks;
import java.util.ArrayList;
import java.util.List;

/**
 * The links each workload writes or reads; deterministic, so every contender does the same work.
 */
public final class Fixtures {
  static final String[] ROLES = {"author", "editor", "reviewer"};

  private Fixtures() {}

  public static String title(String prefix, int index) {
    return prefix + index;
  }

  /**
   * Articles {@code first..first+n-1}, link k with role {@code ROLES[(k + shift) % 3]} and position
   * k.
   */
  public static List<LinkSpec> range(int first, int n, int shift) {
    List<LinkSpec> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(new LinkSpec(first + k, ROLES[(k + shift) % ROLES.length], k));
    }
    return out;
  }

  /** Book i linked to articles {@code i*perSource .. i*perSource+perSource-1}. */
  public static List<SourceLinks> spread(int sources, int perSource) {
    List<SourceLinks> out = new ArrayList<>(sources);
    for (int i = 0; i < sources; i++) {
      out.add(new SourceLinks(i, range(i * perSource, perSource, i)));
    }
    return out;
  }

  /**
   * How many orders of the books the read workloads take turns with (fewer if there are fewer
   * books).
   */
  static final int ORDERS = 4;

  /** Books {@code 0..sources-1}. */
  public static int[] books(int sources) {
    return books(sources, 0);
  }

  /**
   * Books {@code 0..sources-1} rotated to start at {@code first % sources}: the same books in
   * another order.
   */
  public static int[] books(int sources, int first) {
    int[] out = new int[sources];
    for (int i = 0; i < sources; i++) {
      out[i] = (first + i) % sources;
    }
    return out;
  }

  /**
   * The orders in which the read workloads ask about their books, one call after the other: {@link
   * #ORDERS} distinct rotations of {@code 0..sources-1} (fewer if there are fewer books). The
   * answers are the same whatever the order, but the parameters differ from one call to the next,
   * so no store can hand back the previous call's result (H2 does when a statement runs again with
   * equal parameters on unchanged tables).
   */
  public static int[][] bookOrders(int sources) {
    int[][] out = new int[Math.max(1, Math.min(sources, ORDERS))][];
    for (int v = 0; v < out.length; v++) {
      out[v] = books(sources, v);
    }
    return out;
  }

  /**
   * The article asked about for each book in {@link #spread}, variant {@code variant}: one of its
   * own for even books (linked), one of the next book's for odd ones (not linked), so half the
   * answers are true whatever the variant. Variants {@code v} and {@code v+1} (mod {@code
   * perSource}) differ for every book when {@code perSource > 1}.
   */
  public static int[] hasProbes(int sources, int perSource, int variant) {
    int[] out = new int[sources];
    for (int i = 0; i < sources; i++) {
      out[i] =
          i % 2 == 0
              ? i * perSource + (i + variant) % perSource
              : ((i + 1) % sources) * perSource + variant % perSource;
    }
    return out;
  }

  /**
   * {@code perSource} variants of {@link #hasProbes}, for the calls of workload 5a to take in turn.
   */
  public static int[][] hasProbeVariants(int sources, int perSource) {
    int[][] out = new int[perSource][];
    for (int v = 0; v < perSource; v++) {
      out[v] = hasProbes(sources, perSource, v);
    }
    return out;
  }
}

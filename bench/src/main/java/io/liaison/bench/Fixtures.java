package io.liaison.bench;

import io.liaison.bench.Contender.LinkSpec;
import io.liaison.bench.Contender.SourceLinks;
import java.util.ArrayList;
import java.util.List;

/** The links each workload writes or reads; deterministic, so every contender does the same work. */
public final class Fixtures {
  static final String[] ROLES = {"author", "editor", "reviewer"};

  private Fixtures() {
  }

  public static String title(String prefix, int index) {
    return prefix + index;
  }

  /** Articles {@code first..first+n-1}, link k with role {@code ROLES[(k + shift) % 3]} and position k. */
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

  /** Books {@code 0..sources-1}. */
  public static int[] books(int sources) {
    int[] out = new int[sources];
    for (int i = 0; i < sources; i++) {
      out[i] = i;
    }
    return out;
  }

  /**
   * The article asked about for each book in {@link #spread}: one of its own for even books (linked),
   * the first article of the next book for odd ones (not linked), so half the answers are true.
   */
  public static int[] hasProbes(int sources, int perSource) {
    int[] out = new int[sources];
    for (int i = 0; i < sources; i++) {
      out[i] = i % 2 == 0 ? i * perSource + i % perSource : ((i + 1) % sources) * perSource;
    }
    return out;
  }
}

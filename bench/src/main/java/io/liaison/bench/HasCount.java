package io.liaison.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 5: over {@code sources} books of {@code perSource} links each, in one transaction:
 * {@code has} (one article per book, half of them linked) and {@code count}.
 */
@State(Scope.Benchmark)
public class HasCount extends ContenderState {
  @Param({"1000"})
  public int sources;

  @Param({"10"})
  public int perSource;

  int[] books;
  int[] probes;

  @Override
  protected void seed() {
    c.seed(sources, sources * perSource);
    c.addSpread(Fixtures.spread(sources, perSource));
    books = Fixtures.books(sources);
    probes = Fixtures.hasProbes(sources, perSource);
  }

  @Benchmark
  public boolean[] has() {
    return c.has(books, probes);
  }

  @Benchmark
  public long[] count() {
    return c.count(books);
  }
}

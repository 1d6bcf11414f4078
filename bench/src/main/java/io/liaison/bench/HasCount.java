package io.liaison.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 5: over {@code sources} books of {@code perSource} links each, in one transaction:
 * {@code has} (one article per book, half of them linked) and {@code count}. Consecutive calls ask
 * different questions with the same answers: {@code has} probes another of each book's articles
 * ({@link Fixtures#hasProbeVariants}), {@code count} takes the books in another order ({@link
 * Fixtures#bookOrders}), so no store can answer a call from the previous call's result.
 */
@State(Scope.Benchmark)
public class HasCount extends ContenderState {
  @Param({"1000"})
  public int sources;

  @Param({"10"})
  public int perSource;

  /** The books of {@code has}, in one order: its probes vary instead. */
  int[] books;

  Turns probes;

  /** The books of {@code count}, in a new order each call. */
  Turns orders;

  @Override
  protected void seed() {
    c.seed(sources, sources * perSource);
    c.addSpread(Fixtures.spread(sources, perSource));
    books = Fixtures.books(sources);
    probes = new Turns(Fixtures.hasProbeVariants(sources, perSource));
    orders = new Turns(Fixtures.bookOrders(sources));
  }

  @Benchmark
  public boolean[] has() {
    return c.has(books, probes.next());
  }

  @Benchmark
  public long[] count() {
    return c.count(orders.next());
  }
}

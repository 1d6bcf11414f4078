package io.liaison.bench;

import io.liaison.bench.Contender.LinkSpec;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workloads 1 and 6: add {@code targets} articles, each with its role and position, to one book
 * whose links were cleared before the call ({@code book.addArticles([...])}). Workload 1 is the
 * 10,000 row; the other sizes show how the cost grows.
 */
@State(Scope.Benchmark)
public class AddToOneSource extends ContenderState {
  @Param({"1000", "10000", "100000"})
  public int targets;

  List<LinkSpec> links;

  @Override
  protected void seed() {
    c.seed(1, targets);
    links = Fixtures.range(0, targets, 0);
  }

  /**
   * Each measured call starts from a book without links (not measured; the calls take
   * milliseconds).
   */
  @Setup(Level.Invocation)
  public void clear() {
    c.clearLinks();
  }

  @Benchmark
  public void add() {
    c.add(0, links);
  }
}

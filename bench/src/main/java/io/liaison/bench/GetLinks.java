package io.liaison.bench;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 4: read the links of {@code sources} books ({@code perSource} each) with their articles and
 * through attributes, in one transaction. Liaison reads one book per call today (eager loading is a
 * later issue: see {@code LiaisonContender.ManySources}).
 */
@State(Scope.Benchmark)
public class GetLinks extends ContenderState {
  @Param({"1000"})
  public int sources;

  @Param({"10"})
  public int perSource;

  int[] books;

  @Override
  protected void seed() {
    c.seed(sources, sources * perSource);
    c.addSpread(Fixtures.spread(sources, perSource));
    books = Fixtures.books(sources);
  }

  @Benchmark
  public List<Contender.LinkView> links() {
    return c.links(books);
  }
}

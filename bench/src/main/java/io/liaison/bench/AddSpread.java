package io.liaison.bench;

import io.liaison.bench.Contender.SourceLinks;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 2: add {@code sources * perSource} links spread over {@code sources} books (10 distinct
 * articles each), in one transaction, starting from no links.
 */
@State(Scope.Benchmark)
public class AddSpread extends ContenderState {
  @Param({"1000"})
  public int sources;

  @Param({"10"})
  public int perSource;

  List<SourceLinks> links;

  @Override
  protected void seed() {
    c.seed(sources, sources * perSource);
    links = Fixtures.spread(sources, perSource);
  }

  @Setup(Level.Invocation)
  public void clear() {
    c.clearLinks();
  }

  @Benchmark
  public void addSpread() {
    c.addSpread(links);
  }
}

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
 * Workload 3: {@code book.setArticles([...])} on a book with {@code links} links, where half stay
 * (with new attributes), half go and as many new ones come: articles {@code 0..n-1} become {@code
 * n/2..n/2+n-1}.
 */
@State(Scope.Benchmark)
public class SetReplace extends ContenderState {
  @Param({"1000"})
  public int links;

  List<LinkSpec> before;
  List<LinkSpec> after;

  @Override
  protected void seed() {
    c.seed(1, links + links / 2);
    before = Fixtures.range(0, links, 0);
    after = Fixtures.range(links / 2, links, 1);
  }

  /** Puts the book's original links back (not measured). */
  @Setup(Level.Invocation)
  public void restore() {
    c.clearLinks();
    c.add(0, before);
  }

  @Benchmark
  public void set() {
    c.set(0, after);
  }
}

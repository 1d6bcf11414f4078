package io.liaison.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 4: read the links of {@code sources} books ({@code perSource} each) with their articles
 * and through attributes. Liaison reads them all in one call, {@code
 * db.batch(ARTICLES).linkedTargets(books)}, one statement ({@code -Dbench.liaison.many=per-source}
 * makes one call per book instead: see {@code LiaisonContender.ManySources}). Each call asks about
 * the books in another order ({@link Fixtures#bookOrders}), so no store can answer it from the
 * previous call's result.
 */
@State(Scope.Benchmark)
public class GetLinks extends ContenderState {
  @Param({"1000"})
  public int sources;

  @Param({"10"})
  public int perSource;

  Turns books;

  @Override
  protected void seed() {
    c.seed(sources, sources * perSource);
    c.addSpread(Fixtures.spread(sources, perSource));
    books = new Turns(Fixtures.bookOrders(sources));
  }

  @Benchmark
  public Object links() {
    return c.links(books.next());
  }
}

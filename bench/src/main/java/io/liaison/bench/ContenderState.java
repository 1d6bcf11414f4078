package io.liaison.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every workload shares: the contender and the store, as JMH parameters, so each workload's
 * contenders and stores are measured in the same run; a fresh database per trial, seeded by the
 * workload. The workload classes are plain classes too: the tests drive them without JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    jvmArgsAppend = {
      ContenderState.HEAP_MIN,
      ContenderState.HEAP_MAX,
      ContenderState.PRE_TOUCH,
      ContenderState.HUGE_PAGES
    })
public abstract class ContenderState {

  /**
   * The forks' heap, fixed and touched at start-up (see {@code BenchMain.forkArgs}), on transparent
   * huge pages where the kernel offers them ({@code madvise}): touching 2 GiB in 4 KiB pages took 4
   * s per fork on the development machine, in 2 MiB pages 0.2 to 0.6 s.
   */
  static final String HEAP_MIN = "-Xms2g";

  static final String HEAP_MAX = "-Xmx2g";
  static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  /**
   * Liaison, the limit (hand-written JDBC or Neo4j Java Driver code), the peer (Hibernate or
   * Neo4j-OGM).
   */
  @Param({"liaison", "raw", "peer"})
  public String contender;

  @Param({"h2", "postgres", "neo4j"})
  public String store;

  Contender c;

  /**
   * Milliseconds each contender runs this workload on a scratch H2 database before an H2 trial (0:
   * no warm-up). H2 runs in the benchmark's JVM, so its own code is compiled from whatever that JVM
   * ran first: measured one contender per JVM, the same {@code GROUP BY} settled at different
   * speeds after the raw code's start-up and after Liaison's (see docs/benchmarks.md, "H2 reads and
   * the JIT"). Run by every contender in every H2 fork, the warm-up gives H2 the same history
   * whichever contender is then measured, as the runner's warm-up does for the shared Neo4j server.
   * {@code BenchMain} passes the forks 0 in quick mode unless the property is given; a JVM without
   * it warms up for the default.
   */
  static final String H2_WARMUP_PROPERTY = "bench.h2.warmup.ms";

  static final long H2_WARMUP_DEFAULT_MS = 1000;

  /**
   * The warm-up's sizes: the workload's shape, small enough to run many times in the time given.
   */
  static final Workloads.Sizes H2_WARMUP_SIZES = new Workloads.Sizes(1000, 100, 10, 200);

  /** Once per JVM (JMH forks one per benchmark; a warm-up's own trials must not warm up again). */
  private static boolean h2Warmed;

  @Setup(Level.Trial)
  public final void openTrial() {
    if (Store.of(store) == Store.H2) {
      warmH2();
    }
    c = Contender.open(contender, Store.of(store));
    seed();
  }

  private void warmH2() {
    long ms = Long.getLong(H2_WARMUP_PROPERTY, H2_WARMUP_DEFAULT_MS);
    if (h2Warmed || ms <= 0) {
      return;
    }
    h2Warmed = true;
    long start = System.nanoTime();
    List<String> ran = new ArrayList<>();
    for (Workloads.Case w : Workloads.CASES) {
      if (!w.state().get().getClass().isInstance(this)) {
        continue; // another workload's (JMH measures a generated subclass of the workload's class)
      }
      for (String name : Report.CONTENDERS) {
        try (Workloads.Trial t = w.open(name, Store.H2, H2_WARMUP_SIZES)) {
          long end = System.nanoTime() + ms * 1_000_000L;
          while (System.nanoTime() < end) {
            t.invoke();
          }
        }
      }
      ran.add(w.name());
    }
    System.out.printf(
        "# H2 warmed up by %s on %s in %d ms%n",
        String.join(", ", Report.CONTENDERS), ran, (System.nanoTime() - start) / 1_000_000);
  }

  @TearDown(Level.Trial)
  public final void closeTrial() {
    if (c != null) {
      c.close();
      c = null;
    }
  }

  /** Inserts the workload's books and articles (and links, for the read workloads). */
  protected abstract void seed();
}

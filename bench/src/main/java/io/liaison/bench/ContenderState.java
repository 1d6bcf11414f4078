package io.liaison.bench;

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
@Fork(jvmArgsAppend = {ContenderState.HEAP_MIN, ContenderState.HEAP_MAX, ContenderState.PRE_TOUCH,
    ContenderState.HUGE_PAGES})
public abstract class ContenderState {

  /**
   * The forks' heap, fixed and touched at start-up (see {@code BenchMain.forkArgs}), on transparent
   * huge pages where the kernel offers them ({@code madvise}): touching 2 GiB in 4 KiB pages took 4 s
   * per fork on the development machine, in 2 MiB pages 0.2 to 0.6 s.
   */
  static final String HEAP_MIN = "-Xms2g";
  static final String HEAP_MAX = "-Xmx2g";
  static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
  /** Liaison, the limit (hand-written JDBC or Neo4j Java Driver code), the peer (Hibernate or Neo4j-OGM). */
  @Param({"liaison", "raw", "peer"})
  public String contender;

  @Param({"h2", "postgres", "neo4j"})
  public String store;

  Contender c;

  @Setup(Level.Trial)
  public final void openTrial() {
    c = Contender.open(contender, Store.of(store));
    seed();
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

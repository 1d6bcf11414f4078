package io.liaison.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.bench.Contender.LinkSpec;
import io.liaison.bench.Contender.LinkView;
import io.liaison.bench.Contender.SourceLinks;
import io.liaison.bench.Workloads.Case;
import io.liaison.bench.Workloads.Sizes;
import io.liaison.bench.Workloads.Trial;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Keeps the benchmarks honest and alive: every contender must leave the same links and read the
 * same answers for every workload, and every benchmark method must run under JMH, on H2, PostgreSQL
 * and Neo4j (embedded in this JVM).
 */
class BenchmarksTest {
  /** Small, but every workload still has several sources, targets and both has() answers. */
  static final Sizes SMALL = new Sizes(30, 12, 4, 20);

  @ParameterizedTest
  @EnumSource(Store.class)
  void everyContenderDoesTheSameWork(Store store) {
    for (Case c : Workloads.CASES) {
      Map<String, List<Object>> outcomes = new LinkedHashMap<>();
      for (String contender : Report.CONTENDERS) {
        try (Trial t = c.open(contender, store, SMALL)) {
          Asked asked = Asked.record(t.state());
          Object first = normalize(t.invoke(), t.contender());
          int[][] firstAsked = asked.last;
          List<String> afterFirst = t.contender().dump();
          // JMH repeats the invocation: the second must do the same work and leave the same links
          Object second = normalize(t.invoke(), t.contender());
          assertThat(second).as("%s %s second invocation", c.name(), contender).isEqualTo(first);
          if (firstAsked != null) {
            // ... but a read must not ask exactly the previous question, or H2 hands back its last
            // result
            assertThat(asked.last)
                .as("%s %s parameters of the second invocation", c.name(), contender)
                .isNotEqualTo(firstAsked);
          }
          assertThat(t.contender().dump())
              .as("%s %s links after the second invocation", c.name(), contender)
              .isEqualTo(afterFirst);
          outcomes.put(contender, Arrays.asList(first, afterFirst));
        }
      }
      List<Object> expected = expected(c.name());
      for (Map.Entry<String, List<Object>> e : outcomes.entrySet()) {
        assertThat(e.getValue())
            .as("%s on %s by %s: [result, links]", c.name(), store, e.getKey())
            .isEqualTo(expected);
      }
    }
  }

  /**
   * Stands between a trial's state and its contender and keeps a copy of the index arrays of the
   * latest read call ({@code links}, {@code has}, {@code count}): what the contender was actually
   * asked. {@code last} stays null for the writes, which start from the same links every call.
   */
  private static final class Asked implements InvocationHandler {
    private static final Set<String> READS = Set.of("links", "has", "count");
    private final Contender target;
    int[][] last;

    private Asked(Contender target) {
      this.target = target;
    }

    static Asked record(ContenderState state) {
      Asked asked = new Asked(state.c);
      state.c =
          (Contender)
              Proxy.newProxyInstance(
                  Contender.class.getClassLoader(), new Class<?>[] {Contender.class}, asked);
      return asked;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (READS.contains(method.getName())) {
        last = Arrays.stream(args).map(a -> ((int[]) a).clone()).toArray(int[][]::new);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /** What each workload must return and leave, computed from the fixtures alone. */
  private static List<Object> expected(String workload) {
    List<String> spread = strings(Fixtures.spread(SMALL.sources(), SMALL.perSource()));
    return switch (workload) {
      case "AddToOneSource.add" ->
          Arrays.asList(
              null, strings(List.of(new SourceLinks(0, Fixtures.range(0, SMALL.targets(), 0)))));
      case "AddSpread.addSpread" -> Arrays.asList(null, spread);
      case "SetReplace.set" ->
          Arrays.asList(
              null,
              strings(
                  List.of(
                      new SourceLinks(0, Fixtures.range(SMALL.links() / 2, SMALL.links(), 1)))));
      case "GetLinks.links" -> List.of(spread, spread);
      case "HasCount.has" -> {
        boolean[] has = new boolean[SMALL.sources()];
        for (int i = 0; i < has.length; i += 2) {
          has[i] = true;
        }
        yield List.of(Arrays.toString(has), spread);
      }
      case "HasCount.count" -> {
        long[] counts = new long[SMALL.sources()];
        Arrays.fill(counts, SMALL.perSource());
        yield List.of(Arrays.toString(counts), spread);
      }
      default -> throw new IllegalArgumentException(workload);
    };
  }

  private static List<String> strings(List<SourceLinks> links) {
    List<String> out = new ArrayList<>();
    for (SourceLinks s : links) {
      for (LinkSpec l : s.links()) {
        out.add("b" + s.book() + "|a" + l.article() + "|" + l.role() + "|" + l.position());
      }
    }
    out.sort(null);
    return out;
  }

  /** A result in store-neutral terms: links as {@code b<index>|title|role|position}, sorted. */
  private static Object normalize(Object result, Contender c) {
    if (result instanceof boolean[] b) {
      return Arrays.toString(b);
    }
    if (result instanceof long[] l) {
      return Arrays.toString(l);
    }
    if (result != null) {
      // workload 4: the contender's own result, as LinkViews
      List<LinkView> list = c.views(result);
      Map<Long, Integer> books = new HashMap<>();
      for (int i = 0; i < SMALL.sources(); i++) {
        books.put(c.bookId(i), i);
      }
      List<String> out = new ArrayList<>();
      for (LinkView v : list) {
        out.add(
            "b"
                + books.get(v.bookId())
                + "|"
                + v.articleTitle()
                + "|"
                + v.role()
                + "|"
                + v.position());
      }
      out.sort(null);
      return out;
    }
    return result;
  }

  @Test
  void everyBenchmarkRunsUnderJmh() throws Exception {
    // JMH refuses to start while another JMH run on the machine holds /tmp/jmh.lock; this smoke run
    // measures nothing, so it need not wait for one.
    System.setProperty("jmh.ignoreLock", "true");
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include("io\\.liaison\\.bench\\..*")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(20))
                    .param("targets", String.valueOf(SMALL.targets()))
                    .param("sources", String.valueOf(SMALL.sources()))
                    .param("perSource", String.valueOf(SMALL.perSource()))
                    .param("links", String.valueOf(SMALL.links()))
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT)
                    .build())
            .run();

    int methods = Workloads.CASES.size();
    assertThat(results).hasSize(methods * Report.CONTENDERS.size() * Store.values().length);
    List<Report.Row> rows = Report.rows(results);
    assertThat(rows).hasSize(methods * Store.values().length);
    for (Report.Row r : rows) {
      assertThat(r.scores()).as(r.workload()).containsOnlyKeys(Report.CONTENDERS);
      assertThat(r.scores().values()).allSatisfy(s -> assertThat(s.value()).isPositive());
    }
    // one table for the SQL stores (raw JDBC, Hibernate), one for Neo4j (raw driver, Neo4j-OGM)
    List<List<Report.Row>> families = Report.families(rows);
    assertThat(families).extracting(f -> f.get(0).store()).containsExactly("h2", "neo4j");
    String table = Report.table(rows);
    assertThat(table)
        .contains("| Hibernate ms/op |")
        .contains("| Neo4j-OGM ms/op | Liaison/raw | Liaison/Neo4j-OGM |");
    assertThat(table.lines().count()).isEqualTo(rows.size() + 2 * 2 + 1);
    assertThat(Report.growth(rows).lines().count()).isEqualTo(Store.values().length + 2 * 2 + 1);
  }

  @Test
  void theRawNeo4jContenderWritesOnLiaisonsSchema() {
    try (Contender raw = Contender.open("raw", Store.NEO4J)) {
      assertThat(raw).isInstanceOf(RawNeo4jContender.class);
      assertThat(Neo4jServer.constraints())
          .contains("liaison_Book_id_unique", "liaison_Article_id_unique");
    }
  }

  @Test
  void neo4jContendersTakeTurnsOnItsOneDatabase() {
    try (Contender first = Contender.open("liaison", Store.NEO4J)) {
      first.seed(1, 1);
      assertThatThrownBy(() -> Contender.open("peer", Store.NEO4J))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("one contender at a time");
    }
    try (Contender next = Contender.open("peer", Store.NEO4J)) {
      assertThat(next).isInstanceOf(OgmContender.class);
      assertThat(Neo4jServer.constraints()).as("the previous contender's schema is gone").isEmpty();
      assertThat(next.dump()).isEmpty();
    }
  }

  @Test
  void aContenderLeftOutOfTheRunShowsAsNotRunAndOneThatThrewAsFailed() {
    Report.Score ms = new Report.Score(2.0, 0.1, 5);
    List<Report.Row> leftOut =
        List.of(
            new Report.Row(
                4,
                "GetLinks.links",
                "sources=1000, perSource=10",
                "h2",
                Map.of("liaison", ms, "raw", ms)),
            new Report.Row(
                5,
                "HasCount.count",
                "sources=1000, perSource=10",
                "h2",
                Map.of("liaison", ms, "raw", ms)));
    assertThat(Report.table(leftOut)).contains("| not run |").doesNotContain("failed");
    List<Report.Row> threw =
        List.of(
            new Report.Row(
                4,
                "GetLinks.links",
                "sources=1000, perSource=10",
                "h2",
                Map.of("liaison", ms, "raw", ms, "peer", ms)),
            new Report.Row(
                5,
                "HasCount.count",
                "sources=1000, perSource=10",
                "h2",
                Map.of("liaison", ms, "raw", ms)));
    assertThat(Report.table(threw)).contains("| failed |").doesNotContain("not run");
  }

  @Test
  void anUnknownContenderIsRefusedBeforeAnythingRuns() {
    assertThat(BenchMain.contenders("liaison,raw")).containsExactly("liaison", "raw");
    assertThatThrownBy(() -> BenchMain.contenders("liaison,hibernate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown contender hibernate");
  }

  @Test
  void onlyTheFullModesH2ForksWarmH2UpUnlessAskedTo() {
    String property = "-D" + ContenderState.H2_WARMUP_PROPERTY + "=";
    assertThat(BenchMain.forkArgs(BenchMain.QUICK, false, false)).contains(property + "0");
    assertThat(BenchMain.forkArgs(BenchMain.FULL.withForks(3), false, false))
        .contains(property + ContenderState.H2_WARMUP_DEFAULT_MS);
  }
}

package io.liaison.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every workload for every contender and store in one JMH run, then prints and writes (as
 * markdown) the scores and the ratios Liaison/raw and Liaison/peer (Hibernate on SQL, Neo4j-OGM on
 * Neo4j).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar quick             # 1 fork, 2 warm-up + 3 measured iterations of 1 s, small sizes
 * java -jar bench/target/benchmarks.jar full              # 2 forks, 5 + 5 iterations of 2 s, the sizes
 * java -jar bench/target/benchmarks.jar quick --stores h2,neo4j --include 'GetLinks' --out /tmp/r.md
 * java -jar bench/target/benchmarks.jar quick --census-only  # round trips and Liaison's phases only, no JMH
 * java -jar bench/target/benchmarks.jar quick --include 'GetLinks|HasCount' --iterations 8
 * java -jar bench/target/benchmarks.jar jmh -l            # anything else after "jmh" goes to JMH's own main
 * </pre>
 *
 * PostgreSQL is the server named by {@code -Dliaison.postgres.url=...} (or {@code
 * LIAISON_POSTGRES_URL}); without one, an embedded server is started here once and its URL handed
 * to the forked JVMs. Neo4j likewise: an embedded server (Neo4j Harness) started here once, its
 * Bolt URI handed to the forks.
 */
public final class BenchMain {
  private BenchMain() {}

  /** What a mode runs. */
  record Mode(
      String name,
      int forks,
      int warmups,
      int graphWarmups,
      TimeValue warmup,
      int measurements,
      TimeValue iteration,
      String[] targets,
      int sources,
      int perSource,
      int links) {

    Mode withForks(int n) {
      return new Mode(
          name,
          n,
          warmups,
          graphWarmups,
          warmup,
          measurements,
          iteration,
          targets,
          sources,
          perSource,
          links);
    }

    Mode withMeasurements(int n) {
      return new Mode(
          name,
          forks,
          warmups,
          graphWarmups,
          warmup,
          n,
          iteration,
          targets,
          sources,
          perSource,
          links);
    }
  }

  /**
   * Warm-up iterations (of the given length): 2 on SQL in quick mode, 5 on Neo4j ({@code
   * graphWarmups}), whose server compiles each statement shape as it runs it: with 2 s of warm-up a
   * fork's first measured seconds on Neo4j were still getting faster ({@code bench/NOTEBOOK.md},
   * "Neo4j warm-up").
   */
  static final Mode QUICK =
      new Mode(
          "quick",
          1,
          2,
          5,
          TimeValue.seconds(1),
          3,
          TimeValue.seconds(1),
          new String[] {"1000", "10000"},
          200,
          10,
          1000);

  static final Mode FULL =
      new Mode(
          "full",
          2,
          5,
          8,
          TimeValue.seconds(2),
          5,
          TimeValue.seconds(2),
          new String[] {"1000", "10000", "100000"},
          1000,
          10,
          1000);

  /**
   * The logging every JVM of the run uses: the shaded jar holds two SLF4J providers (slf4j-simple
   * and the embedded Neo4j's bridge into its own log files), and SLF4J would pick whichever it
   * finds first.
   */
  static final String SLF4J_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

  /** The runner's heap: it also hosts the embedded Neo4j (whose page cache is outside the heap). */
  private static final String RUNNER_HEAP_MIN = "-Xms4g";

  private static final String RUNNER_HEAP_MAX = "-Xmx4g";

  /**
   * Runs, then exits: the embedded Neo4j's threads would keep the JVM alive; exiting runs the
   * shutdown hooks that stop it and the embedded PostgreSQL.
   */
  public static void main(String[] args) {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", SLF4J_PROVIDER);
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty(
          "slf4j.internal.verbosity", "WARN"); // not a line about the chosen provider in every fork
    }
    int status = 1;
    try {
      if (relaunch(args)) {
        status = relaunched(args);
        return;
      }
      run(args);
      status = 0;
    } catch (Throwable e) {
      e.printStackTrace();
    } finally {
      System.out.flush();
      System.exit(status);
    }
  }

  /**
   * Whether this JVM should hand a quick or full run to one configured like the forks. The runner
   * measures too (the phase split) and hosts the embedded Neo4j, so its heap is fixed and touched
   * at start-up as theirs are: started as {@code java -jar benchmarks.jar quick}, a JVM with a
   * growing, untouched heap made Liaison's first phases pay the kernel's page faults, several times
   * the raw code's time where JMH measured them level ({@code bench/NOTEBOOK.md}, "Runner heap").
   */
  private static boolean relaunch(String[] args) {
    return args.length > 0
        && (args[0].equals("quick") || args[0].equals("full"))
        && !ManagementFactory.getRuntimeMXBean()
            .getInputArguments()
            .contains(ContenderState.PRE_TOUCH);
  }

  private static int relaunched(String[] args)
      throws IOException, InterruptedException, URISyntaxException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                RUNNER_HEAP_MIN,
                RUNNER_HEAP_MAX,
                ContenderState.PRE_TOUCH,
                ContenderState.HUGE_PAGES));
    for (String property :
        List.of(
            "liaison.postgres.url",
            "liaison.postgres.user",
            "liaison.postgres.password",
            Neo4jServer.URI_PROPERTY,
            "bench.liaison.savepoints",
            "bench.liaison.many",
            "bench.neo4j.warmup.ms",
            ContenderState.H2_WARMUP_PROPERTY,
            "bench.neo4j.warmup.targets",
            "bench.neo4j.warmup.sources")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.addAll(
        List.of(
            "-cp",
            Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(),
            BenchMain.class.getName()));
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private static void run(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length == 0 || !(args[0].equals("quick") || args[0].equals("full"))) {
      System.err.println(
          "usage: java -jar benchmarks.jar quick|full [--stores h2,postgres,neo4j] [--include REGEX]"
              + " [--contenders liaison,raw,peer] [--out FILE] [--census | --no-census | --census-only] [--forks N] [--iterations N]\n       java -jar benchmarks.jar jmh [JMH options]");
      System.exit(2);
    }
    Mode mode = args[0].equals("quick") ? QUICK : FULL;
    String stores = "h2,postgres,neo4j";
    String include = "io\\.liaison\\.bench\\..*";
    String contenders = String.join(",", Report.CONTENDERS);
    Path out = null;
    // the round-trip census (deterministic, so the quick mode leaves it to --census-only or
    // --census)
    Boolean census = null;
    boolean censusOnly = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--stores" -> stores = args[++i];
        case "--include" -> include = args[++i];
        case "--contenders" -> contenders = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--no-census" -> census = false;
        case "--census" -> census = true;
        case "--census-only" -> censusOnly = true;
        case "--forks" -> mode = mode.withForks(Integer.parseInt(args[++i]));
        case "--iterations" -> mode = mode.withMeasurements(Integer.parseInt(args[++i]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null) {
      out = defaultDirectory().resolve("bench-" + mode.name() + ".md");
    }
    String[] contenderList = contenders(contenders);
    String[] storeList = stores.split(",");
    for (String st : storeList) {
      Store.of(st); // an unknown store fails here, not in every fork
    }
    boolean postgres = Arrays.asList(storeList).contains("postgres");
    boolean neo4j = Arrays.asList(storeList).contains("neo4j");

    Instant start = Instant.now();
    double loadBefore = load();
    String pg = postgres ? Store.PgServer.describe() : "not run";
    String graph = neo4j ? Neo4jServer.describe() : "not run";
    System.out.println(
        "# Liaison benchmarks, "
            + mode.name()
            + " mode; load average "
            + fmt(loadBefore)
            + "; PostgreSQL: "
            + pg
            + "; Neo4j: "
            + graph);

    String censusTable = "";
    if (censusOnly || (census != null ? census : !mode.name().equals(QUICK.name()))) {
      censusTable = census(mode, Store.H2);
      if (neo4j) {
        censusTable +=
            "\nThe same, counted on Neo4j (statements run, on a session or a transaction):\n\n"
                + census(mode, Store.NEO4J);
      }
      // the phase split: with --census-only, and in full mode
      if (censusOnly || !mode.name().equals(QUICK.name())) {
        StringBuilder anatomy = new StringBuilder();
        for (String st : storeList) {
          anatomy.append('\n').append(Anatomy.addToOneSource(Store.of(st), 10_000, 3, 6));
        }
        censusTable +=
            "\nWhere the time of workload 1 (10,000 targets) goes, measured in one JVM outside JMH"
                + " (6 calls after 3 warm-up calls; proportions, not scores):\n"
                + anatomy;
      }
    }

    if (censusOnly) {
      System.out.println(censusTable);
      return;
    }

    if (neo4j) {
      warmNeo4j(include, mode);
    }
    // SQL stores first, then Neo4j with its longer warm-up: one JMH run each
    List<RunResult> results = new ArrayList<>();
    String[] sqlStores =
        Arrays.stream(storeList).filter(st -> !st.equals("neo4j")).toArray(String[]::new);
    if (sqlStores.length > 0) {
      results.addAll(
          new Runner(
                  options(mode, include, contenderList, sqlStores, mode.warmups(), postgres, neo4j))
              .run());
    }
    if (neo4j) {
      results.addAll(
          new Runner(
                  options(
                      mode,
                      include,
                      contenderList,
                      new String[] {"neo4j"},
                      mode.graphWarmups(),
                      postgres,
                      neo4j))
              .run());
    }

    List<Report.Row> rows = Report.rows(results);
    double loadAfter = load();
    String md =
        markdown(
            mode,
            rows,
            censusTable,
            pg,
            graph,
            loadBefore,
            loadAfter,
            Duration.between(start, Instant.now()));
    System.out.println();
    System.out.println(md);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /**
   * The contenders named in {@code --contenders}, each checked (an unknown one fails here, not in
   * every fork).
   */
  static String[] contenders(String list) {
    String[] out = list.split(",");
    for (String c : out) {
      if (!Report.CONTENDERS.contains(c)) {
        throw new IllegalArgumentException(
            "unknown contender " + c + "; the contenders are " + Report.CONTENDERS);
      }
    }
    return out;
  }

  private static org.openjdk.jmh.runner.options.Options options(
      Mode mode,
      String include,
      String[] contenders,
      String[] stores,
      int warmups,
      boolean postgres,
      boolean neo4j) {
    return new OptionsBuilder()
        .include(include)
        .forks(mode.forks())
        .warmupIterations(warmups)
        .warmupTime(mode.warmup())
        .measurementIterations(mode.measurements())
        .measurementTime(mode.iteration())
        .param("contender", contenders)
        .param("store", stores)
        .param("targets", mode.targets())
        .param("sources", String.valueOf(mode.sources()))
        .param("perSource", String.valueOf(mode.perSource()))
        .param("links", String.valueOf(mode.links()))
        // A benchmark that throws (Liaison's 100,000-id array on H2) is reported as failed, not
        // fatal.
        .shouldFailOnError(false)
        .jvmArgsAppend(forkArgs(mode, postgres, neo4j))
        .build();
  }

  /**
   * Warms the embedded Neo4j up before anything is measured on it. The server runs in this JVM and
   * serves every fork, so its JIT warms up during the first forks: without this, the first
   * benchmark measured on Neo4j (Liaison's, as its forks come first) met a colder server than the
   * raw driver's and OGM's after it. Every selected benchmark runs here, in this JVM, for every
   * contender, at small sizes, for one iteration; nothing of it is reported.
   */
  private static void warmNeo4j(String include, Mode mode) throws RunnerException {
    Instant start = Instant.now();
    new Runner(
            new OptionsBuilder()
                .include(include)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(Long.getLong("bench.neo4j.warmup.ms", 400)))
                .param("store", "neo4j")
                .param("targets", System.getProperty("bench.neo4j.warmup.targets", "1000"))
                .param("sources", System.getProperty("bench.neo4j.warmup.sources", "50"))
                .param("perSource", String.valueOf(mode.perSource()))
                .param("links", String.valueOf(mode.links()))
                .shouldFailOnError(false)
                .verbosity(VerboseMode.SILENT)
                .build())
        .run();
    System.out.println(
        "# Neo4j warmed up in " + Duration.between(start, Instant.now()).toSeconds() + " s");
  }

  /**
   * Heap fixed so the contenders share the same memory, and touched at start-up: without {@code
   * AlwaysPreTouch} the first pass of allocation through the young generation faults its pages in
   * (kernel time), which made the first 4 to 5 seconds of a read benchmark 3 to 6 times slower than
   * the rest, and a contender's score depend on how much it allocates before the first collection.
   * Where the PostgreSQL and Neo4j servers are.
   */
  static String[] forkArgs(Mode mode, boolean postgres, boolean neo4j) {
    List<String> a =
        new ArrayList<>(
            List.of(
                ContenderState.HEAP_MIN,
                ContenderState.HEAP_MAX,
                ContenderState.PRE_TOUCH,
                ContenderState.HUGE_PAGES,
                "-Dslf4j.provider=" + System.getProperty("slf4j.provider"),
                "-Dslf4j.internal.verbosity=" + System.getProperty("slf4j.internal.verbosity")));
    if (postgres) {
      a.add("-Dliaison.postgres.url=" + Store.PgServer.url());
      if (Store.PgServer.user() != null) {
        a.add("-Dliaison.postgres.user=" + Store.PgServer.user());
      }
      if (Store.PgServer.password() != null) {
        a.add("-Dliaison.postgres.password=" + Store.PgServer.password());
      }
    }
    if (neo4j) {
      a.add("-D" + Neo4jServer.URI_PROPERTY + "=" + Neo4jServer.uri());
    }
    String savepoints = System.getProperty("bench.liaison.savepoints");
    if (savepoints != null) {
      a.add("-Dbench.liaison.savepoints=" + savepoints);
    }
    // the H2 forks' warm-up (ContenderState.warmH2) only in full mode unless asked for: it adds
    // seconds
    // to each H2 fork, which the quick mode's time limit cannot spare
    a.add(
        "-D"
            + ContenderState.H2_WARMUP_PROPERTY
            + "="
            + System.getProperty(
                ContenderState.H2_WARMUP_PROPERTY,
                mode.name().equals("quick")
                    ? "0"
                    : String.valueOf(ContenderState.H2_WARMUP_DEFAULT_MS)));
    return a.toArray(new String[0]);
  }

  /**
   * Round trips per operation, counted on H2 (the statements are the same on PostgreSQL) or Neo4j:
   * one invocation of each workload at this mode's sizes, in this JVM, before the JMH run.
   */
  static String census(Mode mode, Store store) {
    Workloads.Sizes sizes =
        new Workloads.Sizes(
            Integer.parseInt(mode.targets()[mode.targets().length - 1]),
            mode.sources(),
            mode.perSource(),
            mode.links());
    StringBuilder md = new StringBuilder();
    md.append("| workload | sizes | Liaison | ")
        .append(store.raw())
        .append(" | ")
        .append(store.peer())
        .append(" |\n|---|---|---:|---:|---:|\n");
    for (Workloads.Case c : Workloads.CASES) {
      md.append("| ").append(c.name()).append(" | ").append(sizesOf(c.name(), sizes));
      for (String contender : Report.CONTENDERS) {
        try (Workloads.Trial t = c.open(contender, store, sizes)) {
          t.invoke(); // the first call may do one-off work (a sequence's first block); count the
          // second
          t.prepare();
          long before = t.contender().statements();
          t.call();
          md.append(" | ").append(t.contender().statements() - before);
        } catch (RuntimeException e) {
          md.append(" | fails: ").append(String.valueOf(e.getMessage()).replace('|', '/'));
        }
      }
      md.append(" |\n");
    }
    return md.toString();
  }

  private static String sizesOf(String name, Workloads.Sizes s) {
    return switch (name) {
      case "AddToOneSource.add" -> "targets=" + s.targets();
      case "SetReplace.set" -> "links=" + s.links();
      default -> "sources=" + s.sources() + ", perSource=" + s.perSource();
    };
  }

  static String markdown(
      Mode mode,
      List<Report.Row> rows,
      String census,
      String pg,
      String graph,
      double loadBefore,
      double loadAfter,
      Duration took) {
    StringBuilder md = new StringBuilder();
    md.append("## Results (")
        .append(mode.name())
        .append(" mode, ")
        .append(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(Instant.now().atOffset(ZoneOffset.UTC)))
        .append(")\n\n");
    md.append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(memory())
        .append(", ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append('\n');
    md.append("- JMH: ")
        .append(mode.forks())
        .append(" fork(s), ")
        .append(mode.warmups())
        .append(" warm-up iterations (")
        .append(mode.graphWarmups())
        .append(" on Neo4j) of ")
        .append(mode.warmup())
        .append(" + ")
        .append(mode.measurements())
        .append(" measured iterations of ")
        .append(mode.iteration())
        .append(
            ", average time per operation; ± is JMH's 99.9% error; ratios carry the two relative errors combined\n");
    md.append("- PostgreSQL: ").append(pg).append('\n');
    md.append("- Neo4j: ").append(graph).append('\n');
    md.append("- load average: ")
        .append(fmt(loadBefore))
        .append(" before, ")
        .append(fmt(loadAfter))
        .append(" after; took ")
        .append(took.toMinutes())
        .append(" min ")
        .append(took.toSecondsPart())
        .append(" s\n\n");
    md.append(Report.table(rows)).append('\n');
    md.append("Cost per link of workload 1 as the number of targets grows (workload 6):\n\n");
    md.append(Report.growth(rows)).append('\n');
    if (!census.isEmpty()) {
      md.append(
              "Round trips per operation (statements, queries and JDBC batches; Hibernate: statements prepared),"
                  + " counted on H2 at the largest size of this mode:\n\n")
          .append(census);
    }
    return md.toString();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String fmt(double load) {
    return String.format(Locale.ROOT, "%.2f", load);
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.1f GiB memory", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap";
  }

  /** The directory of the benchmarks jar (bench/target), else the working directory. */
  private static Path defaultDirectory() {
    try {
      Path jar =
          Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(jar) ? jar.getParent() : Path.of("");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("");
    }
  }
}

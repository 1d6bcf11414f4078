package io.liaison.bench;

import io.liaison.bench.Workloads.Sizes;
import io.liaison.bench.Workloads.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Liaison's time goes in one operation: the adapter tells a statement listener as each round
 * trip starts, so the gaps between those moments split the call into phases (the engine's work
 * before the first statement, then each statement with the Java work that follows it until the
 * next). Runs in this JVM, outside JMH, after a warm-up; the numbers are averages over several
 * calls and are meant for proportions, not as benchmark scores.
 */
final class Anatomy {
  private Anatomy() {}

  /** Phases of workload 1 for Liaison, and raw JDBC's whole call for scale, on one store. */
  static String addToOneSource(Store store, int targets, int warmups, int runs) {
    Sizes sizes = new Sizes(targets, 1, 1, 1);
    Workloads.Case add = Workloads.CASES.get(0);
    Map<String, double[]> phases = new LinkedHashMap<>();
    double liaisonTotal;
    try (Trial t = add.open("liaison", store, sizes)) {
      LiaisonContender c = (LiaisonContender) t.contender();
      List<String> names = new ArrayList<>();
      List<Long> marks = new ArrayList<>();
      c.addStatementListener(
          sql -> {
            names.add(sql);
            marks.add(System.nanoTime());
          });
      for (int i = 0; i < warmups; i++) {
        t.invoke();
      }
      long total = 0;
      for (int i = 0; i < runs; i++) {
        t.prepare();
        names.clear();
        marks.clear();
        long start = System.nanoTime();
        t.call();
        long end = System.nanoTime();
        total += end - start;
        long previous = start;
        String label = "engine: check arguments, build rows, begin";
        for (int k = 0; k <= names.size(); k++) {
          long at = k < names.size() ? marks.get(k) : end;
          phases.computeIfAbsent(label, x -> new double[1])[0] += (at - previous) / 1e6 / runs;
          if (k < names.size()) {
            label = describe(names.get(k), k == names.size() - 1);
            previous = at;
          }
        }
      }
      liaisonTotal = total / 1e6 / runs;
    }
    double rawTotal;
    try (Trial t = add.open("raw", store, sizes)) {
      for (int i = 0; i < warmups; i++) {
        t.invoke();
      }
      long total = 0;
      for (int i = 0; i < runs; i++) {
        t.prepare();
        long start = System.nanoTime();
        t.call();
        total += System.nanoTime() - start;
      }
      rawTotal = total / 1e6 / runs;
    }
    StringBuilder md = new StringBuilder();
    md.append("| ")
        .append(store.param())
        .append(": Liaison add of ")
        .append(targets)
        .append(" targets, phase | ms | share |\n");
    md.append("|---|---:|---:|\n");
    for (Map.Entry<String, double[]> e : phases.entrySet()) {
      md.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(ms(e.getValue()[0]))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.0f%%", 100 * e.getValue()[0] / liaisonTotal))
          .append(" |\n");
    }
    md.append("| **Liaison, whole call** | **").append(ms(liaisonTotal)).append("** | 100% |\n");
    md.append("| ")
        .append(store.raw())
        .append(
            store == Store.NEO4J
                ? ", whole call (one UNWIND statement) | "
                : ", whole call (one upsert batch) | ")
        .append(ms(rawTotal))
        .append(" | ")
        .append(String.format(Locale.ROOT, "%.0f%%", 100 * rawTotal / liaisonTotal))
        .append(" |\n");
    return md.toString();
  }

  /** A phase's label: what its statement does, and for the last one that the commit follows it. */
  private static String describe(String sql, boolean last) {
    String s = sql.replaceAll("\\s+", " ");
    String phase;
    if (s.startsWith("SELECT") && s.contains("FROM \"Book\"") || s.startsWith("MATCH (n:`Book`)")) {
      phase = "source exists? ";
    } else if (s.startsWith("SELECT") && s.contains("FROM \"Article\"")
        || s.startsWith("MATCH (n:`Article`)")) {
      phase = "targets exist? ";
    } else if (s.startsWith("MERGE") || s.startsWith("INSERT") && s.contains("ON CONFLICT")) {
      phase = "upsert batch: ";
    } else if (s.startsWith("INSERT")) {
      phase = "insert batch: ";
    } else if (s.startsWith("UNWIND") && s.contains("MERGE")) {
      phase = "link statement: ";
    } else {
      phase = "";
    }
    if (last) {
      phase =
          phase.isEmpty()
              ? "then commit: "
              : phase.substring(0, phase.length() - 2) + ", then commit: ";
    }
    String shown = s.length() > 70 ? s.substring(0, 70) + "…" : s;
    // Cypher quotes names with backticks: a double-backtick code span keeps them
    return phase + (shown.contains("`") ? "`` " + shown + " ``" : "`" + shown + "`");
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }
}

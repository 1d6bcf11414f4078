package io.liaison.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH results into markdown: per workload and store, each contender's score (ms/op ± JMH's
 * 99.9% error) and the ratios Liaison/raw and Liaison/peer, whose error is propagated from the two
 * scores' relative errors (root of the sum of squares). Stores whose raw and peer contenders are
 * the same (H2 and PostgreSQL: JDBC and Hibernate) share a table; Neo4j (its Java Driver and
 * Neo4j-OGM) has its own.
 */
public final class Report {
  static final List<String> CONTENDERS = List.of("liaison", "raw", "peer");

  private Report() {}

  /** A score and its error (half-width of JMH's 99.9% confidence interval; NaN with one sample). */
  public record Score(double value, double error, long samples) {
    static Score of(Result<?> r) {
      return new Score(r.getScore(), r.getScoreError(), r.getStatistics().getN());
    }

    /** This score over another, with relative errors propagated. */
    Score over(Score other) {
      double ratio = value / other.value;
      double rel = Math.sqrt(square(error / value) + square(other.error / other.value));
      return new Score(ratio, ratio * rel, Math.min(samples, other.samples));
    }

    private static double square(double x) {
      return x * x;
    }
  }

  /** One row: a workload at given sizes on one store. */
  public record Row(
      int order, String workload, String sizes, String store, Map<String, Score> scores) {
    Score ratio(String over) {
      Score l = scores.get("liaison");
      Score o = scores.get(over);
      return l == null || o == null ? null : l.over(o);
    }
  }

  /** Groups the results by workload, sizes and store; contenders become columns. */
  public static List<Row> rows(Collection<RunResult> results) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (RunResult rr : results) {
      BenchmarkParams p = rr.getParams();
      String method =
          p.getBenchmark()
              .substring(
                  p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
      String sizes = sizes(p);
      String store = p.getParam("store");
      String key = method + "|" + sizes + "|" + store;
      Row row =
          rows.computeIfAbsent(
              key, k -> new Row(order(method), label(method, p), sizes, store, new TreeMap<>()));
      row.scores().put(p.getParam("contender"), Score.of(rr.getPrimaryResult()));
    }
    List<Row> out = new ArrayList<>(rows.values());
    out.sort(
        Comparator.comparingInt(Row::order)
            .thenComparing(r -> sizeValue(r.sizes()))
            .thenComparing(Row::store));
    return out;
  }

  private static String sizes(BenchmarkParams p) {
    List<String> out = new ArrayList<>();
    for (String k : p.getParamsKeys()) {
      if (!k.equals("contender") && !k.equals("store")) {
        out.add(k + "=" + p.getParam(k));
      }
    }
    return String.join(", ", out);
  }

  private static long sizeValue(String sizes) {
    String digits = sizes.replaceAll("[^0-9]", "");
    return digits.isEmpty()
        ? 0
        : Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
  }

  private static int order(String method) {
    return switch (method) {
      case "AddToOneSource.add" -> 1;
      case "AddSpread.addSpread" -> 2;
      case "SetReplace.set" -> 3;
      case "GetLinks.links" -> 4;
      case "HasCount.has" -> 5;
      case "HasCount.count" -> 6;
      default -> 99;
    };
  }

  private static String label(String method, BenchmarkParams p) {
    return switch (method) {
      case "AddToOneSource.add" -> "1/6 add " + p.getParam("targets") + " targets to one source";
      case "AddSpread.addSpread" ->
          "2 add "
              + p.getParam("perSource")
              + " links to each of "
              + p.getParam("sources")
              + " sources";
      case "SetReplace.set" -> "3 set " + p.getParam("links") + " links, half stay";
      case "GetLinks.links" ->
          "4 links of " + p.getParam("sources") + " sources (" + p.getParam("perSource") + " each)";
      case "HasCount.has" -> "5 has over " + p.getParam("sources") + " sources";
      case "HasCount.count" -> "5 count over " + p.getParam("sources") + " sources";
      default -> method;
    };
  }

  /** The results tables in markdown: one per family of stores, separated by a blank line. */
  public static String table(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    for (List<Row> family : families(rows)) {
      Store store = Store.of(family.get(0).store());
      md.append(md.length() > 0 ? "\n" : "");
      md.append("| workload | store | Liaison ms/op | ")
          .append(store.raw())
          .append(" ms/op | ")
          .append(store.peer())
          .append(" ms/op | Liaison/raw | Liaison/")
          .append(store.peer())
          .append(" |\n");
      md.append("|---|---|---:|---:|---:|---:|---:|\n");
      for (Row r : family) {
        md.append("| ").append(r.workload()).append(" | ").append(r.store());
        for (String c : CONTENDERS) {
          Score s = r.scores().get(c);
          md.append(" | ").append(s == null ? missing(family, c) : format(s));
        }
        md.append(" | ")
            .append(format(r.ratio("raw")))
            .append(" | ")
            .append(format(r.ratio("peer")))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /**
   * The rows grouped by the stores' raw and peer contenders, in the order of {@link Store}; each
   * keeps its order.
   */
  static List<List<Row>> families(List<Row> rows) {
    Map<String, List<Row>> out = new TreeMap<>();
    for (Row r : rows) {
      Store store = Store.of(r.store());
      String key = ordinal(store) + store.peer();
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    return new ArrayList<>(out.values());
  }

  /** The first store of the family (same peer): sorts families as {@link Store} lists them. */
  private static int ordinal(Store store) {
    for (Store s : Store.values()) {
      if (s.peer().equals(store.peer())) {
        return s.ordinal();
      }
    }
    return store.ordinal();
  }

  /** What a table shows for a contender without a score: its benchmark threw (the log says why). */
  static final String FAILED = "failed";

  /**
   * What a table shows for a contender that no row of it measured (left out with {@code
   * --contenders}).
   */
  static final String NOT_RUN = "not run";

  /** A missing score: failed, unless the contender ran nowhere in {@code rows}. */
  private static String missing(List<Row> rows, String contender) {
    return rows.stream().anyMatch(r -> r.scores().containsKey(contender)) ? FAILED : NOT_RUN;
  }

  /**
   * Workload 1 at each size: the cost per link, to show how it grows; one table per family of
   * stores.
   */
  public static String growth(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    for (List<Row> family : families(rows)) {
      List<Row> adds = family.stream().filter(r -> r.order() == 1).toList();
      if (adds.isEmpty()) {
        continue;
      }
      Store store = Store.of(adds.get(0).store());
      md.append(md.length() > 0 ? "\n" : "");
      md.append("| targets | store | Liaison µs/link | ")
          .append(store.raw())
          .append(" µs/link | ")
          .append(store.peer())
          .append(" µs/link | Liaison/raw | Liaison/")
          .append(store.peer())
          .append(" |\n");
      md.append("|---:|---|---:|---:|---:|---:|---:|\n");
      for (Row r : adds) {
        double n = Double.parseDouble(r.sizes().replaceAll("[^0-9]", ""));
        md.append("| ").append((long) n).append(" | ").append(r.store());
        for (String c : CONTENDERS) {
          Score s = r.scores().get(c);
          md.append(" | ")
              .append(
                  s == null
                      ? missing(adds, c)
                      : format(new Score(s.value() * 1000 / n, s.error() * 1000 / n, s.samples())));
        }
        md.append(" | ")
            .append(format(r.ratio("raw")))
            .append(" | ")
            .append(format(r.ratio("peer")))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  static String format(Score s) {
    if (s == null) {
      return "-";
    }
    String v = number(s.value());
    return Double.isNaN(s.error()) ? v : v + " ± " + number(s.error());
  }

  private static String number(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return "n/a";
    }
    double a = Math.abs(x);
    String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, x);
  }
}

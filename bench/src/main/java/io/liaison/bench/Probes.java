package io.liaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Small experiments behind the analysis in {@code docs/benchmarks.md}, kept runnable:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes h2-any         # H2: = ANY(?) against a join on UNNEST, by list size
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes pg-count-plan  # PostgreSQL: the plans of Liaison's count and has queries
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes neo4j-link     # Neo4j: Liaison's link statement against the raw one, and what differs
 * </pre>
 */
public final class Probes {
  private Probes() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("slf4j.provider", BenchMain.SLF4J_PROVIDER);
    System.setProperty("slf4j.internal.verbosity", "WARN");
    String probe = args.length == 0 ? "" : args[0];
    switch (probe) {
      case "h2-any" -> h2Any();
      case "pg-count-plan" -> pgCountPlan();
      case "neo4j-link" -> {
        neo4jLink(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
        System.exit(0); // the embedded server's threads would keep the JVM alive
      }
      default -> {
        System.err.println("usage: Probes h2-any | pg-count-plan | neo4j-link [targets]");
        System.exit(2);
      }
    }
  }

  /**
   * Workload 1 on Neo4j, statement by statement: the raw contender's link statement (the book matched
   * once), Liaison's (the adapter's {@code linkJunction}: source and target matched per row, attributes as
   * a map), the raw one with the book matched per row, Liaison's target check, and Liaison's three
   * statements together, each variant in a transaction of its own on the same graph, links cleared before
   * each (not timed). Median of 15 after 5 warm-up
   * rounds; the variants take turns, so a load change weighs on all of them.
   */
  static void neo4jLink(int targets) {
    try (Contender raw = Contender.open("raw", Store.NEO4J);
        org.neo4j.driver.Driver driver = org.neo4j.driver.GraphDatabase.driver(Neo4jServer.uri())) {
      raw.seed(1, targets);
      java.util.List<java.util.Map<String, Object>> rawRows = new java.util.ArrayList<>();
      java.util.List<java.util.Map<String, Object>> liaisonRows = new java.util.ArrayList<>();
      java.util.List<Long> ids = new java.util.ArrayList<>();
      for (Contender.LinkSpec l : Fixtures.range(0, targets, 0)) {
        long article = l.article() + 1L; // the raw contender's ids are 1..n
        ids.add(article);
        rawRows.add(java.util.Map.of("article", article, "role", l.role(), "position", l.position()));
        liaisonRows.add(java.util.Map.of("s", raw.bookId(0), "t", article,
            "props", java.util.Map.of("role", l.role(), "position", (long) l.position())));
      }
      String rawLink = "MATCH (b:Book {id: $book})\nUNWIND $rows AS r\nMATCH (a:Article {id: r.article})\n"
          + "MERGE (b)-[l:BookArticles]->(a)\nSET l.role = r.role, l.position = r.position";
      String liaisonLink = "UNWIND $rows AS r\nMATCH (s:`Book`) WHERE s.`id` = r.s\nMATCH (t:`Article`) WHERE t.`id` = r.t\n"
          + "MERGE (s)-[rel:`BookArticles`]->(t)\nSET rel += r.props";
      String check = "MATCH (n:`%s`) WHERE n.`id` IN $values RETURN n {.*} AS n";
      java.util.Map<String, Object> params = java.util.Map.of("book", raw.bookId(0), "rows", rawRows);
      java.util.Map<String, Object> liaisonParams = java.util.Map.of("rows", liaisonRows);
      java.util.Map<String, Object> checkParams = java.util.Map.of("values", ids);
      java.util.Map<String, Object> bookParams = java.util.Map.of("values", java.util.List.of(raw.bookId(0)));
      // each variant: its statements, run in one transaction
      java.util.Map<String, java.util.List<java.util.Map.Entry<String, java.util.Map<String, Object>>>> variants =
          new java.util.LinkedHashMap<>();
      variants.put("raw: book matched once, `SET l.role = r.role, l.position = r.position`",
          java.util.List.of(java.util.Map.entry(rawLink, params)));
      variants.put("raw, book matched per row", java.util.List.of(java.util.Map.entry(rawLink
          .replace("MATCH (b:Book {id: $book})\nUNWIND $rows AS r\n", "UNWIND $rows AS r\nMATCH (b:Book {id: $book})\n"),
          params)));
      variants.put("Liaison's link statement alone (source per row, `SET rel += r.props`)",
          java.util.List.of(java.util.Map.entry(liaisonLink, liaisonParams)));
      variants.put("Liaison's target check alone (every property of every target)",
          java.util.List.of(java.util.Map.entry(String.format(Locale.ROOT, check, "Article"), checkParams)));
      variants.put("the same check reading the keys only",
          java.util.List.of(java.util.Map.entry("MATCH (n:`Article`) WHERE n.`id` IN $values RETURN n.`id` AS id",
              checkParams)));
      variants.put("Liaison's three statements (source check, target check, link) in one transaction",
          java.util.List.of(java.util.Map.entry(String.format(Locale.ROOT, check, "Book"), bookParams),
              java.util.Map.entry(String.format(Locale.ROOT, check, "Article"), checkParams),
              java.util.Map.entry(liaisonLink, liaisonParams)));
      java.util.Map<String, double[]> ms = new java.util.LinkedHashMap<>();
      int rounds = 20;
      for (int r = 0; r < rounds; r++) {
        for (java.util.Map.Entry<String, java.util.List<java.util.Map.Entry<String, java.util.Map<String, Object>>>> v
            : variants.entrySet()) {
          raw.clearLinks();
          long t0 = System.nanoTime();
          try (org.neo4j.driver.Session s = driver.session(org.neo4j.driver.SessionConfig.forDatabase(Neo4jServer.DATABASE))) {
            s.executeWrite(tx -> {
              for (java.util.Map.Entry<String, java.util.Map<String, Object>> st : v.getValue()) {
                tx.run(st.getKey(), st.getValue()).consume();
              }
              return null;
            });
          }
          ms.computeIfAbsent(v.getKey(), k -> new double[rounds])[r] = (System.nanoTime() - t0) / 1e6;
        }
      }
      System.out.println("| " + targets + " targets, each variant in a transaction of its own | median ms |");
      System.out.println("|---|---:|");
      ms.forEach((name, values) -> {
        double[] measured = java.util.Arrays.copyOfRange(values, 5, values.length);
        java.util.Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "| %s | %.1f |%n", name, measured[measured.length / 2]);
      });
    }
  }

  /**
   * Times the existence check Liaison's adapter runs ({@code WHERE id = ANY(?)}) and the same rows
   * found through a join on {@code UNNEST} of the array, for growing id lists. Each execution gets a
   * slightly different array, so H2 cannot reuse the previous result.
   */
  static void h2Any() throws SQLException {
    String any = "SELECT t.\"id\", t.\"title\" FROM \"Article\" t WHERE t.\"id\" = ANY(?)";
    String unnest = "SELECT t.\"id\", t.\"title\" FROM UNNEST(CAST(? AS BIGINT ARRAY)) p(x) JOIN \"Article\" t ON t.\"id\" = p.x";
    System.out.println("| ids | `id = ANY(?)` ms | join on `UNNEST(?)` ms |");
    System.out.println("|---:|---:|---:|");
    for (int n : new int[] {1_000, 5_000, 10_000, 20_000, 40_000}) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:mem:probe" + n, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE \"Article\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " \"title\" CHARACTER VARYING)");
        s.execute("INSERT INTO \"Article\" (\"title\") SELECT 'a' || X FROM SYSTEM_RANGE(1, " + n + ")");
        Long[] ids = new Long[n];
        for (int i = 0; i < n; i++) {
          ids[i] = (long) i + 1;
        }
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f |%n", n, time(c, any, ids), time(c, unnest, ids));
      }
    }
  }

  /** Median of 15 executions after 5 warm-up ones. */
  private static double time(Connection c, String sql, Long[] ids) throws SQLException {
    double[] ms = new double[20];
    for (int r = 0; r < ms.length; r++) {
      Long[] p = ids.clone();
      int i = r % (p.length - 1);
      Long swap = p[i];
      p[i] = p[i + 1];
      p[i + 1] = swap;
      long t0 = System.nanoTime();
      int rows = 0;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("BIGINT", p));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
      }
      ms[r] = (System.nanoTime() - t0) / 1e6;
      if (rows != ids.length) {
        throw new IllegalStateException(rows + " rows for " + ids.length + " ids");
      }
    }
    double[] measured = java.util.Arrays.copyOfRange(ms, 5, ms.length);
    java.util.Arrays.sort(measured);
    return measured[measured.length / 2];
  }

  /**
   * Seeds workload 5 for Liaison on PostgreSQL (200 books of 10 links) and prints the plans of the
   * adapter's count query (which joins the target table) and of its has query, custom and generic.
   */
  static void pgCountPlan() throws SQLException {
    Workloads.Case count = Workloads.CASES.get(5);
    try (Workloads.Trial t = count.open("liaison", Store.POSTGRES, new Workloads.Sizes(10, 200, 10, 10));
        Connection c = DriverManager.getConnection(Store.PgServer.url()
            + (Store.PgServer.url().contains("?") ? "&" : "?") + "currentSchema=bench_liaison");
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
      s.execute("PREPARE c(int8[]) AS SELECT j.\"bookId\", COUNT(*) FROM \"BookArticles\" j JOIN \"Article\" t"
          + " ON t.\"id\" = j.\"articleId\" WHERE j.\"bookId\" = ANY($1) GROUP BY j.\"bookId\"");
      s.execute("PREPARE k(int8[]) AS SELECT j.\"bookId\", COUNT(*) FROM \"BookArticles\" j"
          + " WHERE j.\"bookId\" = ANY($1) GROUP BY j.\"bookId\"");
      s.execute("PREPARE h(int8, int8[]) AS SELECT DISTINCT \"articleId\" FROM \"BookArticles\""
          + " WHERE \"bookId\" = $1 AND \"articleId\" = ANY($2)");
      long book = t.contender().bookId(5);
      for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
        s.execute("SET plan_cache_mode = " + mode);
        for (String q : new String[] {"c('{" + book + "}')", "k('{" + book + "}')", "h(" + book + ", '{1}')"}) {
          System.out.println("== " + mode + ": EXECUTE " + q + (q.startsWith("c") ? "   (the adapter's count)"
              : q.startsWith("k") ? "   (count without the join)" : "   (the adapter's has)"));
          try (ResultSet rs = s.executeQuery("EXPLAIN ANALYZE EXECUTE " + q)) {
            while (rs.next()) {
              System.out.println("  " + rs.getString(1));
            }
          }
        }
      }
    }
  }
}

package io.liaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small experiments behind the analysis in {@code docs/benchmarks.md}, kept runnable:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes h2-any         # H2: = ANY(?) against a join on UNNEST, by list size
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes pg-count-plan  # PostgreSQL: the plans of Liaison's count and has queries
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes neo4j-link     # Neo4j: shapes of Liaison's verified link statement against the raw one
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes h2-write       # H2: the junction rows as MERGE or INSERT, batched or over UNNEST arrays, with and without the ends' checks
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes h2-delete      # H2: the forms of set's delete of the links that go
 * java -cp bench/target/benchmarks.jar io.liaison.bench.Probes one-jvm h2     # Liaison and raw code taking turns in one JVM, on the read workloads
 * </pre>
 */
public final class Probes {
  /** The full mode's sizes, at which the probes that run whole workloads run them. */
  private static final Workloads.Sizes FULL_SIZES = new Workloads.Sizes(10_000, 1_000, 10, 1_000);

  private Probes() {}

  public static void main(String[] args) {
    System.setProperty("slf4j.provider", BenchMain.SLF4J_PROVIDER);
    System.setProperty("slf4j.internal.verbosity", "WARN");
    try {
      probe(args);
    } catch (Throwable e) {
      // a failed probe exits: an embedded server's threads would otherwise keep the JVM alive
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void probe(String[] args) throws Exception {
    String probe = args.length == 0 ? "" : args[0];
    switch (probe) {
      case "h2-any" -> h2Any();
      case "pg-count-plan" -> pgCountPlan();
      case "h2-write" -> h2Write(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
      case "h2-delete" -> h2Delete(args.length > 1 ? Integer.parseInt(args[1]) : 1_000);
      case "one-jvm" -> {
        oneJvm(
            args.length > 1 ? Store.of(args[1]) : Store.H2,
            args.length > 2 ? args[2] : "GetLinks.links,HasCount.has,HasCount.count");
        System.exit(0);
      }
      case "loop" -> {
        if (args.length < 4) {
          throw new IllegalArgumentException(
              "usage: Probes loop store contender[,contender...] workload [seconds]");
        }
        loop(Store.of(args[1]), args[2], args[3], args.length > 4 ? Integer.parseInt(args[4]) : 30);
        System.exit(0);
      }
      case "neo4j-link" -> {
        neo4jLink(
            args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
            args.length > 2 ? Integer.parseInt(args[2]) : 200);
        System.exit(0); // the embedded server's threads would keep the JVM alive
      }
      default -> {
        System.err.println(
            "usage: Probes h2-any | h2-write [links] | h2-delete [links] | one-jvm [store [workloads]] | pg-count-plan"
                + " | neo4j-link [targets [sources]] | loop store contenders workload [seconds]");
        System.exit(2);
      }
    }
  }

  /**
   * Neo4j, statement against statement, on the same graph: the raw contender's link statement and
   * the shapes of Liaison's verified link statement (one that writes nothing when an end is
   * missing), for one source with {@code targets} links (workload 1) and for {@code sources}
   * sources with 10 links each (workload 2). Each variant runs in a transaction of its own, links
   * cleared before each (not timed); the variants take turns, so a load change weighs on all of
   * them. Median of 15 after 10 warm-up rounds (the server compiles each shape on its first runs).
   */
  static void neo4jLink(int targets, int sources) {
    try (Contender raw = Contender.open("raw", Store.NEO4J);
        org.neo4j.driver.Driver driver = org.neo4j.driver.GraphDatabase.driver(Neo4jServer.uri())) {
      raw.seed(sources, Math.max(targets, sources * 10));
      Map<String, Map.Entry<String, Map<String, Object>>> variants = new LinkedHashMap<>();
      // workload 1: one source
      List<Map<String, Object>> rawRows = new ArrayList<>();
      List<Map<String, Object>> rows = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      long book = raw.bookId(0);
      for (Contender.LinkSpec l : Fixtures.range(0, targets, 0)) {
        long article = l.article() + 1L; // the raw contender's ids are 1..n
        ids.add(article);
        rawRows.add(Map.of("article", article, "role", l.role(), "position", l.position()));
        rows.add(
            Map.of(
                "s",
                book,
                "t",
                article,
                "props",
                Map.of("role", l.role(), "position", (long) l.position())));
      }
      String merge =
          "MERGE (s)-[rel:`BookArticles`]->(t)\nSET rel += r.props\nRETURN count(*) AS written";
      variants.put(
          "1: raw (book matched once, no check)",
          Map.entry(
              "MATCH (b:Book {id: $book})\nUNWIND $rows AS r\n"
                  + "MATCH (a:Article {id: r.article})\nMERGE (b)-[l:BookArticles]->(a)\nSET l.role = r.role, l.position = "
                  + "r.position",
              Map.of("book", book, "rows", rawRows)));
      variants.put(
          "1: Liaison: OPTIONAL MATCH per end, collect maps, conditional UNWIND",
          Map.entry(
              "OPTIONAL MATCH (s:`Book`) WHERE s.`id` = $source\nUNWIND $rows AS r\n"
                  + "OPTIONAL MATCH (t:`Article`) WHERE t.`id` = r.t\nWITH collect({s: s, t: t, r: r}) AS rows\n"
                  + "UNWIND CASE WHEN all(x IN rows WHERE x.s IS NOT NULL AND x.t IS NOT NULL) THEN rows ELSE [] END AS x\n"
                  + "WITH x.s AS s, x.t AS t, x.r AS r\n"
                  + merge,
              Map.of("source", book, "rows", rows)));
      variants.put(
          "1: count the ends, then the raw statement's shape",
          Map.entry(
              "OPTIONAL MATCH (s:`Book`) WHERE s.`id` = $source\n"
                  + "WITH s, COUNT { MATCH (t:`Article`) WHERE t.`id` IN $targets } = size($targets) AS found\n"
                  + "UNWIND CASE WHEN s IS NOT NULL AND found THEN $rows ELSE [] END AS r\n"
                  + "MATCH (t:`Article`) WHERE t.`id` = r.t\n"
                  + merge,
              Map.of("source", book, "rows", rows, "targets", ids)));
      variants.put(
          "1: every end EXISTS, then the raw statement's shape",
          Map.entry(
              "OPTIONAL MATCH (s:`Book`) WHERE s.`id` = $source\n"
                  + "WITH s, all(k IN $targets WHERE EXISTS { MATCH (t:`Article`) WHERE t.`id` = k }) AS found\n"
                  + "UNWIND CASE WHEN s IS NOT NULL AND found THEN $rows ELSE [] END AS r\n"
                  + "MATCH (t:`Article`) WHERE t.`id` = r.t\n"
                  + merge,
              Map.of("source", book, "rows", rows, "targets", ids)));
      variants.put(
          "1: collect the targets and the rows as two lists, UNWIND their indexes",
          Map.entry(
              "OPTIONAL MATCH (s:`Book`) WHERE s.`id` = $source\nUNWIND $rows AS r\n"
                  + "OPTIONAL MATCH (t:`Article`) WHERE t.`id` = r.t\nWITH s, collect(t) AS ts, collect(r) AS rs\n"
                  + "UNWIND CASE WHEN s IS NOT NULL AND size(ts) = size(rs) THEN range(0, size(ts) - 1) ELSE [] END AS i\n"
                  + "WITH s, ts[i] AS t, rs[i] AS r\n"
                  + merge,
              Map.of("source", book, "rows", rows)));
      variants.put(
          "1: collect [t, r] pairs",
          Map.entry(
              "OPTIONAL MATCH (s:`Book`) WHERE s.`id` = $source\nUNWIND $rows AS r\n"
                  + "OPTIONAL MATCH (t:`Article`) WHERE t.`id` = r.t\nWITH s, collect([t, r]) AS rows\n"
                  + "UNWIND CASE WHEN s IS NOT NULL AND all(x IN rows WHERE x[0] IS NOT NULL) THEN rows ELSE [] END AS x\n"
                  + "WITH s, x[0] AS t, x[1] AS r\n"
                  + merge,
              Map.of("source", book, "rows", rows)));
      // workload 2: many sources
      List<Map<String, Object>> rawSpread = new ArrayList<>();
      List<Map<String, Object>> spread = new ArrayList<>();
      java.util.Set<Long> books = new java.util.LinkedHashSet<>();
      java.util.Set<Long> articles = new java.util.LinkedHashSet<>();
      for (Contender.SourceLinks s : Fixtures.spread(sources, 10)) {
        long b = raw.bookId(s.book());
        books.add(b);
        for (Contender.LinkSpec l : s.links()) {
          long article = l.article() + 1L;
          articles.add(article);
          rawSpread.add(
              Map.of("book", b, "article", article, "role", l.role(), "position", l.position()));
          spread.add(
              Map.of(
                  "s",
                  b,
                  "t",
                  article,
                  "props",
                  Map.of("role", l.role(), "position", (long) l.position())));
        }
      }
      variants.put(
          "2: raw (no check)",
          Map.entry(
              "UNWIND $rows AS r\nMATCH (b:Book {id: r.book})\n"
                  + "MATCH (a:Article {id: r.article})\nMERGE (b)-[l:BookArticles]->(a)\nSET l.role = r.role, l.position = "
                  + "r.position",
              Map.of("rows", rawSpread)));
      variants.put(
          "2: Liaison: OPTIONAL MATCH per end, collect maps, conditional UNWIND",
          Map.entry(
              "UNWIND $rows AS r\nOPTIONAL MATCH (s:`Book`) WHERE s.`id` = r.s\n"
                  + "OPTIONAL MATCH (t:`Article`) WHERE t.`id` = r.t\nWITH collect({s: s, t: t, r: r}) AS rows\n"
                  + "UNWIND CASE WHEN all(x IN rows WHERE x.s IS NOT NULL AND x.t IS NOT NULL) THEN rows ELSE [] END AS x\n"
                  + "WITH x.s AS s, x.t AS t, x.r AS r\n"
                  + merge,
              Map.of("rows", spread)));
      variants.put(
          "2: count the ends, then the raw statement's shape",
          Map.entry(
              "WITH COUNT { MATCH (s:`Book`) WHERE s.`id` IN $sources } = size($sources)"
                  + " AND COUNT { MATCH (t:`Article`) WHERE t.`id` IN $targets } = size($targets) AS found\n"
                  + "UNWIND CASE WHEN found THEN $rows ELSE [] END AS r\n"
                  + "MATCH (s:`Book`) WHERE s.`id` = r.s\nMATCH (t:`Article`) WHERE t.`id` = r.t\n"
                  + merge,
              Map.of(
                  "rows",
                  spread,
                  "sources",
                  new ArrayList<>(books),
                  "targets",
                  new ArrayList<>(articles))));
      variants.put(
          "2: every end EXISTS, then the raw statement's shape",
          Map.entry(
              "WITH all(k IN $sources WHERE EXISTS { MATCH (s:`Book`) WHERE s.`id` = k })"
                  + " AND all(k IN $targets WHERE EXISTS { MATCH (t:`Article`) WHERE t.`id` = k }) AS found\n"
                  + "UNWIND CASE WHEN found THEN $rows ELSE [] END AS r\n"
                  + "MATCH (s:`Book`) WHERE s.`id` = r.s\nMATCH (t:`Article`) WHERE t.`id` = r.t\n"
                  + merge,
              Map.of(
                  "rows",
                  spread,
                  "sources",
                  new ArrayList<>(books),
                  "targets",
                  new ArrayList<>(articles))));
      variants.put(
          "2: collect the ends and the rows as three lists, UNWIND their indexes",
          Map.entry(
              "UNWIND $rows AS r\nOPTIONAL MATCH (s:`Book`) WHERE s.`id` = r.s\n"
                  + "OPTIONAL MATCH (t:`Article`) WHERE t.`id` = r.t\nWITH collect(s) AS ss, collect(t) AS ts, collect(r) AS rs\n"
                  + "UNWIND CASE WHEN size(ss) = size(rs) AND size(ts) = size(rs) THEN range(0, size(rs) - 1) ELSE [] END AS i\n"
                  + "WITH ss[i] AS s, ts[i] AS t, rs[i] AS r\n"
                  + merge,
              Map.of("rows", spread)));
      Map<String, double[]> ms = new LinkedHashMap<>();
      int warm = 10;
      int rounds = warm + 15;
      for (int r = 0; r < rounds; r++) {
        for (Map.Entry<String, Map.Entry<String, Map<String, Object>>> v : variants.entrySet()) {
          raw.clearLinks();
          long t0 = System.nanoTime();
          try (org.neo4j.driver.Session s =
              driver.session(org.neo4j.driver.SessionConfig.forDatabase(Neo4jServer.DATABASE))) {
            s.executeWrite(tx -> tx.run(v.getValue().getKey(), v.getValue().getValue()).consume());
          }
          ms.computeIfAbsent(v.getKey(), k -> new double[rounds])[r] =
              (System.nanoTime() - t0) / 1e6;
        }
      }
      System.out.println(
          "| "
              + targets
              + " targets (1), "
              + sources
              + " sources x 10 (2); a transaction each | median ms |");
      System.out.println("|---|---:|");
      ms.forEach(
          (name, values) -> {
            double[] measured = java.util.Arrays.copyOfRange(values, warm, values.length);
            java.util.Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "| %s | %.1f |%n", name, measured[measured.length / 2]);
          });
    }
  }

  /**
   * Times the existence check Liaison's adapter runs ({@code WHERE id = ANY(?)}) and the same rows
   * found through a join on {@code UNNEST} of the array, for growing id lists. Each execution gets
   * a slightly different array, so H2 cannot reuse the previous result.
   */
  static void h2Any() throws SQLException {
    String any = "SELECT t.\"id\", t.\"title\" FROM \"Article\" t WHERE t.\"id\" = ANY(?)";
    String unnest =
        "SELECT t.\"id\", t.\"title\" FROM UNNEST(CAST(? AS BIGINT ARRAY)) p(x) JOIN \"Article\" t ON t.\"id\" = p.x";
    System.out.println("| ids | `id = ANY(?)` ms | join on `UNNEST(?)` ms |");
    System.out.println("|---:|---:|---:|");
    for (int n : new int[] {1_000, 5_000, 10_000, 20_000, 40_000}) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:mem:probe" + n, "sa", "");
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE \"Article\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"title\" CHARACTER VARYING)");
        s.execute(
            "INSERT INTO \"Article\" (\"title\") SELECT 'a' || X FROM SYSTEM_RANGE(1, " + n + ")");
        Long[] ids = new Long[n];
        for (int i = 0; i < n; i++) {
          ids[i] = (long) i + 1;
        }
        System.out.printf(
            Locale.ROOT, "| %d | %.1f | %.1f |%n", n, time(c, any, ids), time(c, unnest, ids));
      }
    }
  }

  /**
   * An in-memory H2 database named {@code name} with the library's tables, made by Liaison's sync.
   */
  private static String h2WithLibrarySchema(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    try (io.liaison.jdbc.JdbcAdapter ddl =
        io.liaison.jdbc.JdbcAdapter.create(io.liaison.jdbc.JdbcConfig.url(url, "sa", ""))) {
      ddl.sync(io.liaison.bench.liaison.Library.SCHEMA.info());
    }
    return url;
  }

  /**
   * H2, on the tables Liaison creates (foreign keys included): one source's {@code links} new
   * junction rows written as one JDBC batch of {@code MERGE ... KEY} (what an upsert costs) or of
   * plain {@code INSERT}, or as one statement whose rows travel as one array per column ({@code
   * MERGE ... KEY ... SELECT}, {@code INSERT ... SELECT} or {@code MERGE ... USING} over {@code
   * UNNEST}), each alone and after the statements Liaison's verified add runs first (the source's
   * row locked, the ends counted). Each variant is one transaction, rows cleared before it (not
   * timed); the variants take turns. Median of 15 after 10 warm-up rounds.
   */
  static void h2Write(int links) throws SQLException {
    String url = h2WithLibrarySchema("probewrite");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO \"Book\" (\"title\") VALUES ('b')");
      s.execute(
          "INSERT INTO \"Article\" (\"title\") SELECT 'a' || X FROM SYSTEM_RANGE(1, "
              + links
              + ")");
      long book;
      try (ResultSet rs = s.executeQuery("SELECT MIN(\"id\") FROM \"Book\"")) {
        rs.next();
        book = rs.getLong(1);
      }
      Long[] articles = new Long[links];
      try (ResultSet rs = s.executeQuery("SELECT \"id\" FROM \"Article\" ORDER BY \"id\"")) {
        for (int i = 0; rs.next(); i++) {
          articles[i] = rs.getLong(1);
        }
      }
      c.setAutoCommit(false);
      String columns = "(\"bookId\", \"articleId\", \"role\", \"position\")";
      Map<String, String> variants = new LinkedHashMap<>();
      variants.put(
          "MERGE ... KEY",
          "MERGE INTO \"BookArticles\" "
              + columns
              + " KEY (\"bookId\", \"articleId\") VALUES (?, ?, ?, ?)");
      variants.put("INSERT", "INSERT INTO \"BookArticles\" " + columns + " VALUES (?, ?, ?, ?)");
      String unnest =
          " SELECT * FROM UNNEST(CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS VARCHAR ARRAY),"
              + " CAST(? AS INTEGER ARRAY))";
      variants.put(
          "MERGE ... KEY ... SELECT FROM UNNEST",
          "MERGE INTO \"BookArticles\" " + columns + " KEY (\"bookId\", \"articleId\")" + unnest);
      variants.put(
          "INSERT ... SELECT FROM UNNEST", "INSERT INTO \"BookArticles\" " + columns + unnest);
      variants.put(
          "MERGE USING UNNEST",
          "MERGE INTO \"BookArticles\" j USING ("
              + unnest.substring(1)
              + ") AS s(b, a, r, p) ON j.\"bookId\" = s.b AND j.\"articleId\" = s.a"
              + " WHEN MATCHED THEN UPDATE SET \"role\" = s.r, \"position\" = s.p"
              + " WHEN NOT MATCHED THEN INSERT "
              + columns
              + " VALUES (s.b, s.a, s.r, s.p)");
      Map<String, List<Double>> times = new LinkedHashMap<>();
      for (int round = 0; round < 25; round++) {
        for (Map.Entry<String, String> v : variants.entrySet()) {
          for (boolean checked : new boolean[] {false, true}) {
            s.execute("DELETE FROM \"BookArticles\"");
            c.commit();
            long t0 = System.nanoTime();
            if (checked) {
              try (PreparedStatement lock =
                      c.prepareStatement(
                          "SELECT 1 FROM \"Book\" WHERE \"id\" = ANY(?) ORDER BY \"id\" FOR UPDATE");
                  PreparedStatement count =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM \"Article\" WHERE \"id\" = ANY(?)")) {
                lock.setArray(1, c.createArrayOf("BIGINT", new Long[] {book}));
                lock.executeQuery().close();
                count.setArray(1, c.createArrayOf("BIGINT", articles));
                try (ResultSet rs = count.executeQuery()) {
                  rs.next();
                  if (rs.getLong(1) != links) {
                    throw new IllegalStateException("count " + rs.getLong(1));
                  }
                }
              }
            }
            if (v.getKey().contains("UNNEST")) {
              try (PreparedStatement ps = c.prepareStatement(v.getValue())) {
                Long[] bs = new Long[links];
                String[] roles = new String[links];
                Integer[] positions = new Integer[links];
                for (int i = 0; i < links; i++) {
                  bs[i] = book;
                  roles[i] = "r" + (i % 7);
                  positions[i] = i;
                }
                ps.setObject(1, bs);
                ps.setObject(2, articles);
                ps.setObject(3, roles);
                ps.setObject(4, positions);
                if (ps.executeUpdate() != links) {
                  throw new IllegalStateException(v.getKey());
                }
              }
            } else
              try (PreparedStatement ps = c.prepareStatement(v.getValue())) {
                for (int i = 0; i < links; i++) {
                  ps.setLong(1, book);
                  ps.setLong(2, articles[i]);
                  ps.setString(3, "r" + (i % 7));
                  ps.setInt(4, i);
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            c.commit();
            if (round >= 10) {
              times
                  .computeIfAbsent(
                      v.getKey() + (checked ? ", after lock + count" : ""), k -> new ArrayList<>())
                  .add((System.nanoTime() - t0) / 1e6);
            }
          }
        }
      }
      System.out.println("| " + links + " links, one source | median ms |");
      System.out.println("|---|---:|");
      times.forEach(
          (k, ms) -> {
            List<Double> sorted = new ArrayList<>(ms);
            java.util.Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "| %s | %.1f |%n", k, sorted.get(sorted.size() / 2));
          });
    }
  }

  /**
   * H2: the delete of a {@code set} that keeps half of one source's {@code links} links and adds as
   * many, in the forms it can take: the kept ids as {@code NOT (= ANY(?))} (tested against every
   * element, per row), as {@code NOT IN} a query over {@code UNNEST} of the array, as a correlated
   * {@code NOT EXISTS}, and the links read first and those that go deleted by key. Each turn
   * deletes and rolls back (not timed); the variants take turns. Median of 15 after 10 warm-up
   * rounds.
   */
  static void h2Delete(int links) throws SQLException {
    String url = h2WithLibrarySchema("probedelete");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO \"Book\" (\"title\") SELECT 'b' || X FROM SYSTEM_RANGE(1, 10)");
      s.execute(
          "INSERT INTO \"Article\" (\"title\") SELECT 'a' || X FROM SYSTEM_RANGE(1, "
              + (2 * links)
              + ")");
      long book;
      try (ResultSet rs = s.executeQuery("SELECT MIN(\"id\") FROM \"Book\"")) {
        rs.next();
        book = rs.getLong(1);
      }
      // every book has links to the first `links` articles; the call keeps the second half of them
      s.execute(
          "INSERT INTO \"BookArticles\" (\"bookId\", \"articleId\", \"role\", \"position\")"
              + " SELECT b.\"id\", a.\"id\", 'r', 0 FROM \"Book\" b, \"Article\" a WHERE a.\"id\" < (SELECT MIN(\"id\") FROM \"Article\") + "
              + links);
      c.setAutoCommit(false);
      c.commit();
      long first;
      try (ResultSet rs = s.executeQuery("SELECT MIN(\"id\") FROM \"Article\"")) {
        rs.next();
        first = rs.getLong(1);
      }
      Long[] keep = new Long[links];
      for (int i = 0; i < links; i++) {
        keep[i] = first + links / 2 + i;
      }
      String j = "DELETE FROM \"BookArticles\" WHERE \"bookId\" = ? AND ";
      Map<String, String> variants = new LinkedHashMap<>();
      variants.put("NOT (\"articleId\" = ANY(?))", j + "NOT (\"articleId\" = ANY(?))");
      variants.put(
          "\"articleId\" NOT IN (SELECT * FROM UNNEST(?))",
          j + "\"articleId\" NOT IN (SELECT * FROM UNNEST(CAST(? AS BIGINT ARRAY)))");
      variants.put(
          "NOT EXISTS (SELECT FROM UNNEST(?) WHERE = \"articleId\")",
          j
              + "NOT EXISTS (SELECT 1 FROM UNNEST(CAST(? AS BIGINT ARRAY)) u(v) WHERE u.v = \"articleId\")");
      variants.put("read the links, then \"articleId\" = ANY(gone)", null);
      variants.put("read the links, then \"articleId\" IN (SELECT * FROM UNNEST(gone))", null);
      Map<String, List<Double>> times = new LinkedHashMap<>();
      int expected = links / 2;
      for (int round = 0; round < 25; round++) {
        for (Map.Entry<String, String> v : variants.entrySet()) {
          long t0 = System.nanoTime();
          int deleted;
          if (v.getValue() != null) {
            try (PreparedStatement ps = c.prepareStatement(v.getValue())) {
              ps.setLong(1, book);
              ps.setObject(2, keep);
              deleted = ps.executeUpdate();
            }
          } else {
            List<Long> gone = new ArrayList<>();
            java.util.Set<Long> kept = new java.util.HashSet<>(java.util.Arrays.asList(keep));
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT \"articleId\" FROM \"BookArticles\" WHERE \"bookId\" = ?")) {
              ps.setLong(1, book);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  long id = rs.getLong(1);
                  if (!kept.contains(id)) {
                    gone.add(id);
                  }
                }
              }
            }
            String sql =
                v.getKey().contains("UNNEST")
                    ? j + "\"articleId\" IN (SELECT * FROM UNNEST(CAST(? AS BIGINT ARRAY)))"
                    : j + "\"articleId\" = ANY(?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setLong(1, book);
              ps.setObject(2, gone.toArray(new Long[0]));
              deleted = ps.executeUpdate();
            }
          }
          double ms = (System.nanoTime() - t0) / 1e6;
          c.rollback();
          if (deleted != expected) {
            throw new IllegalStateException(
                v.getKey() + ": " + deleted + " deleted, " + expected + " expected");
          }
          if (round >= 10) {
            times.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(ms);
          }
        }
      }
      System.out.println(
          "| delete " + expected + " of one source's " + links + " links | median ms |");
      System.out.println("|---|---:|");
      times.forEach(
          (k, ms) -> {
            List<Double> sorted = new ArrayList<>(ms);
            java.util.Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "| `%s` | %.2f |%n", k, sorted.get(sorted.size() / 2));
          });
    }
  }

  /**
   * Liaison and the raw code on the same workload in one JVM, taking turns in batches of 200 calls
   * (the full mode's sizes), so that both run on the same JIT-compiled code of the store's client
   * and, for H2, of the database itself. JMH gives each contender a JVM of its own, and on H2 the
   * same query settled at different speeds in two JVMs depending on what ran first. Prints the
   * median batch of each after 10 warm-up batches each (15 measured), and their ratio. With {@code
   * -Dliaison.probe.peer=true} the peer takes its turns too; {@code -Dliaison.probe.calls=N} sets
   * the calls per batch (e.g. 20 for the writes of 10,000 links).
   *
   * @param workloads benchmark names of {@link Workloads#CASES}, comma-separated
   */
  static void oneJvm(Store store, String workloads) {
    boolean peer = Boolean.getBoolean("liaison.probe.peer");
    int calls = Integer.getInteger("liaison.probe.calls", 200);
    System.out.println(
        "| "
            + store.param()
            + ", one JVM, "
            + calls
            + " calls per batch | Liaison ms/op | raw ms/op"
            + (peer ? " | peer ms/op" : "")
            + " | Liaison/raw"
            + (peer ? " | Liaison/peer" : "")
            + " |");
    System.out.println("|---|---:|---:|---:" + (peer ? "|---:|---:" : "") + "|");
    for (String name : workloads.split(",")) {
      Workloads.Case c = Workloads.named(name);
      List<String> names = peer ? List.of("liaison", "raw", "peer") : List.of("liaison", "raw");
      List<Workloads.Trial> trials = new ArrayList<>();
      try {
        for (String contender : names) {
          trials.add(c.open(contender, store, FULL_SIZES));
        }
        List<List<Double>> ms = new ArrayList<>();
        names.forEach(x -> ms.add(new ArrayList<>()));
        for (int batch = 0; batch < 25; batch++) {
          // the contenders take turns, each starting a round in turn
          for (int k = 0; k < trials.size(); k++) {
            int i = (k + batch) % trials.size();
            double t = batchMs(trials.get(i), calls);
            if (batch >= 10) {
              ms.get(i).add(t);
            }
          }
        }
        double[] median = new double[names.size()];
        for (int i = 0; i < median.length; i++) {
          List<Double> sorted = ms.get(i);
          java.util.Collections.sort(sorted);
          median[i] = sorted.get(sorted.size() / 2);
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %.2f | %.2f%s | %.2f%s |%n",
            name,
            median[0],
            median[1],
            peer ? String.format(Locale.ROOT, " | %.2f", median[2]) : "",
            median[0] / median[1],
            peer ? String.format(Locale.ROOT, " | %.2f", median[0] / median[2]) : "");
      } finally {
        for (Workloads.Trial t : trials) {
          t.close();
        }
      }
    }
  }

  /**
   * One workload on each contender in turn (one open at a time, as Neo4j's single database needs),
   * at the full mode's sizes: calls for {@code seconds} to warm up, then for as long again,
   * measured. Meant to run under a profiler (say {@code -XX:StartFlightRecording}) and prints each
   * contender's median ms per call.
   */
  static void loop(Store store, String contenders, String workload, int seconds) {
    Workloads.Case c = Workloads.named(workload);
    for (String contender : contenders.split(",")) {
      try (Workloads.Trial t = c.open(contender, store, FULL_SIZES)) {
        List<Double> ms = new ArrayList<>();
        for (int phase = 0; phase < 2; phase++) {
          long end = System.nanoTime() + seconds * 1_000_000_000L;
          while (System.nanoTime() < end) {
            double m = batchMs(t, 1);
            if (phase == 1) {
              ms.add(m);
            }
          }
        }
        java.util.Collections.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "%s %s %s: median %.2f ms over %d calls%n",
            store.param(),
            contender,
            workload,
            ms.get(ms.size() / 2),
            ms.size());
      }
    }
  }

  /** Mean milliseconds of {@code calls} calls, each after its invocation setup (not timed). */
  private static double batchMs(Workloads.Trial t, int calls) {
    long total = 0;
    for (int i = 0; i < calls; i++) {
      t.prepare();
      long t0 = System.nanoTime();
      t.call();
      total += System.nanoTime() - t0;
    }
    return total / (calls * 1e6);
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
    try (Workloads.Trial t =
            count.open("liaison", Store.POSTGRES, new Workloads.Sizes(10, 200, 10, 10));
        Connection c =
            DriverManager.getConnection(
                Store.PgServer.url()
                    + (Store.PgServer.url().contains("?") ? "&" : "?")
                    + "currentSchema=bench_liaison");
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
      s.execute(
          "PREPARE c(int8[]) AS SELECT j.\"bookId\", COUNT(*) FROM \"BookArticles\" j JOIN \"Article\" t"
              + " ON t.\"id\" = j.\"articleId\" WHERE j.\"bookId\" = ANY($1) GROUP BY j.\"bookId\"");
      s.execute(
          "PREPARE k(int8[]) AS SELECT j.\"bookId\", COUNT(*) FROM \"BookArticles\" j"
              + " WHERE j.\"bookId\" = ANY($1) GROUP BY j.\"bookId\"");
      s.execute(
          "PREPARE h(int8, int8[]) AS SELECT DISTINCT \"articleId\" FROM \"BookArticles\""
              + " WHERE \"bookId\" = $1 AND \"articleId\" = ANY($2)");
      long book = t.contender().bookId(5);
      for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
        s.execute("SET plan_cache_mode = " + mode);
        for (String q :
            new String[] {"c('{" + book + "}')", "k('{" + book + "}')", "h(" + book + ", '{1}')"}) {
          System.out.println(
              "== "
                  + mode
                  + ": EXECUTE "
                  + q
                  + (q.startsWith("c")
                      ? "   (the adapter's count)"
                      : q.startsWith("k")
                          ? "   (count without the join)"
                          : "   (the adapter's has)"));
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

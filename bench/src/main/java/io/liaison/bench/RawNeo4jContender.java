package io.liaison.bench;

import io.liaison.bench.liaison.Library;
import io.liaison.neo4j.Neo4jAdapter;
import io.liaison.neo4j.Neo4jConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * The limit on Neo4j: the same work written by hand over the Neo4j Java Driver, on the graph
 * Liaison's adapter builds: {@code (:Book {id, title})-[:BookArticles {role, position}]->(:Article
 * {id, title})}, with the uniqueness constraints Liaison's own schema sync creates (it runs once at
 * start-up, so both have the same indexes). Each operation is one managed transaction ({@code
 * executeWrite} / {@code executeRead}) in a session of its own; rows travel as one {@code UNWIND}
 * list parameter, id lists as one list; {@code MERGE} makes adding an existing link update it. No
 * existence checks: a missing node simply matches nothing.
 */
final class RawNeo4jContender implements Contender {
  /** One book's links: the book matched once, each row an article and the through attributes. */
  private static final String ADD =
      "MATCH (b:Book {id: $book})\n"
          + "UNWIND $rows AS r\n"
          + "MATCH (a:Article {id: r.article})\n"
          + "MERGE (b)-[l:BookArticles]->(a)\n"
          + "SET l.role = r.role, l.position = r.position";

  /** Links of many books: each row a book, an article and the through attributes. */
  private static final String ADD_SPREAD =
      "UNWIND $rows AS r\n"
          + "MATCH (b:Book {id: r.book})\n"
          + "MATCH (a:Article {id: r.article})\n"
          + "MERGE (b)-[l:BookArticles]->(a)\n"
          + "SET l.role = r.role, l.position = r.position";

  private final Store.Db db;
  private final Driver driver;
  private final SessionConfig sessions = SessionConfig.forDatabase(Neo4jServer.DATABASE);
  private final AtomicLong statements = new AtomicLong();
  private long[] books = new long[0];
  private long[] articles = new long[0];

  RawNeo4jContender(Store.Db db) {
    this.db = db;
    try (Neo4jAdapter ddl = Neo4jAdapter.create(Neo4jConfig.uri(db.url()))) {
      ddl.sync(Library.SCHEMA.info());
    }
    this.driver = GraphDatabase.driver(db.url(), AuthTokens.none());
  }

  @Override
  public String name() {
    return "raw";
  }

  @Override
  public void seed(int bookCount, int articleCount) {
    books = insertTitles("Book", "b", bookCount);
    articles = insertTitles("Article", "a", articleCount);
  }

  /** Nodes with ids 1..n (as Liaison's sequence would give them) and titles {@code prefix0..}. */
  private long[] insertTitles(String label, String prefix, int n) {
    long[] ids = new long[n];
    List<Map<String, Object>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids[i] = i + 1;
      rows.add(Map.of("id", ids[i], "title", Fixtures.title(prefix, i)));
    }
    write(
        tx ->
            run(tx, "UNWIND $rows AS r CREATE (n:" + label + ") SET n = r", Map.of("rows", rows)));
    return ids;
  }

  @Override
  public void clearLinks() {
    LinkFixtures.clear(db);
  }

  @Override
  public long bookId(int index) {
    return books[index];
  }

  @Override
  public List<String> dump() {
    return LinkFixtures.dump(db);
  }

  @Override
  public long statements() {
    return statements.get();
  }

  // ---- measured

  @Override
  public void add(int book, List<LinkSpec> links) {
    write(tx -> upsert(tx, book, links));
  }

  private Void upsert(TransactionContext tx, int book, List<LinkSpec> links) {
    List<Map<String, Object>> rows = new ArrayList<>(links.size());
    for (LinkSpec l : links) {
      rows.add(
          Map.of("article", articles[l.article()], "role", l.role(), "position", l.position()));
    }
    return run(tx, ADD, Map.of("book", books[book], "rows", rows));
  }

  @Override
  public void addSpread(List<SourceLinks> links) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SourceLinks s : links) {
      for (LinkSpec l : s.links()) {
        rows.add(
            Map.of(
                "book",
                books[s.book()],
                "article",
                articles[l.article()],
                "role",
                l.role(),
                "position",
                l.position()));
      }
    }
    write(tx -> run(tx, ADD_SPREAD, Map.of("rows", rows)));
  }

  @Override
  public void set(int book, List<LinkSpec> links) {
    List<Long> keep = new ArrayList<>(links.size());
    for (LinkSpec l : links) {
      keep.add(articles[l.article()]);
    }
    write(
        tx -> {
          run(
              tx,
              "MATCH (b:Book {id: $book})-[l:BookArticles]->(a:Article) WHERE NOT a.id IN $keep DELETE l",
              Map.of("book", books[book], "keep", keep));
          return upsert(tx, book, links);
        });
  }

  @Override
  public Object links(int[] bookIndexes) {
    List<Long> ids = ids(books, bookIndexes);
    return read(
        tx -> {
          statements.incrementAndGet();
          return tx.run(
                  "MATCH (b:Book)-[l:BookArticles]->(a:Article) WHERE b.id IN $books"
                      + " RETURN b.id AS book, a.id AS article, a.title AS title, l.role AS role, l.position AS position",
                  Map.of("books", ids))
              .list(
                  r ->
                      new LinkView(
                          r.get(0).asLong(),
                          r.get(1).asLong(),
                          r.get(2).asString(),
                          r.get(3).isNull() ? null : r.get(3).asString(),
                          r.get(4).isNull() ? null : r.get(4).asInt()));
        });
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<LinkView> views(Object links) {
    return (List<LinkView>) links;
  }

  @Override
  public boolean[] has(int[] bookIndexes, int[] articleIndexes) {
    List<Long> bs = ids(books, bookIndexes);
    List<Long> as = ids(articles, articleIndexes);
    boolean[] out = new boolean[bookIndexes.length];
    // the linked pairs among the books and articles asked about, checked against the pairs in
    // memory (as
    // the raw JDBC code and the adapter do): one MATCH per pair (UNWIND the pairs) took 984 ms
    // for 1,000 pairs against 11 for this, measured in the full mode's run of 2026-12-06
    Set<Long> found = new HashSet<>();
    read(
        tx -> {
          statements.incrementAndGet();
          tx.run(
                  "MATCH (b:Book)-[:BookArticles]->(a:Article) WHERE b.id IN $books AND a.id IN $articles"
                      + " RETURN DISTINCT b.id, a.id",
                  Map.of("books", bs, "articles", as))
              .forEachRemaining(
                  r -> found.add(Contender.pair(r.get(0).asLong(), r.get(1).asLong())));
          return null;
        });
    for (int i = 0; i < out.length; i++) {
      out[i] = found.contains(Contender.pair(bs.get(i), as.get(i)));
    }
    return out;
  }

  @Override
  public long[] count(int[] bookIndexes) {
    List<Long> ids = ids(books, bookIndexes);
    Map<Long, Long> counts = new HashMap<>();
    read(
        tx -> {
          statements.incrementAndGet();
          tx.run(
                  "MATCH (b:Book) WHERE b.id IN $books RETURN b.id AS book, COUNT { (b)-[:BookArticles]->() } AS n",
                  Map.of("books", ids))
              .forEachRemaining(r -> counts.put(r.get(0).asLong(), r.get(1).asLong()));
          return null;
        });
    long[] out = new long[bookIndexes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = counts.getOrDefault(books[bookIndexes[i]], 0L);
    }
    return out;
  }

  private static List<Long> ids(long[] ids, int[] indexes) {
    List<Long> out = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      out.add(ids[i]);
    }
    return out;
  }

  /** One write statement whose result is not read. */
  private Void run(TransactionContext tx, String cypher, Map<String, Object> parameters) {
    statements.incrementAndGet();
    tx.run(cypher, parameters).consume();
    return null;
  }

  private interface Work<T> {
    T run(TransactionContext tx);
  }

  /**
   * One write transaction in a session of its own, committed when the work returns (the driver's
   * managed transaction).
   */
  private <T> T write(Work<T> work) {
    try (Session s = driver.session(sessions)) {
      return s.executeWrite(work::run);
    }
  }

  private <T> T read(Work<T> work) {
    try (Session s = driver.session(sessions)) {
      return s.executeRead(work::run);
    }
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      db.close();
    }
  }
}

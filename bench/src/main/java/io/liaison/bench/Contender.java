package io.liaison.bench;

import java.util.List;

/**
 * One way of doing the workloads: Liaison; the limit, hand-written code on the store's own client
 * (JDBC on H2 and PostgreSQL, the Neo4j Java Driver on Neo4j); or the peer, the mapper users of
 * that store reach for (Hibernate ORM on SQL, Neo4j-OGM on Neo4j). Books and articles are addressed
 * by their index in the fixture ({@code b0..}, {@code a0..}), so the same call means the same work
 * whatever ids each store generated.
 *
 * <p>The measured operations are {@link #add}, {@link #addSpread}, {@link #set}, {@link #links},
 * {@link #has} and {@link #count}; the others prepare or inspect the store and are never measured.
 */
public interface Contender extends AutoCloseable {

  /** {@code liaison}, {@code raw} or {@code peer}: the JMH parameter value. */
  String name();

  // ---- fixture (not measured)

  /**
   * Inserts books {@code b0..b(books-1)} and articles {@code a0..a(articles-1)} into the empty
   * store.
   */
  void seed(int books, int articles);

  /** Removes every link (TRUNCATE of the junction table; on Neo4j, deleting the relationships). */
  void clearLinks();

  /** The store id of book {@code b<index>}. */
  long bookId(int index);

  /**
   * Every stored link as {@code bookTitle|articleTitle|role|position}, sorted: what the workloads
   * left.
   */
  List<String> dump();

  /** Round trips (statements, queries, batches) sent to the database so far. */
  long statements();

  // ---- measured operations

  /** Workload 1 and 6: links the articles to one book, each with its own through attributes. */
  void add(int book, List<LinkSpec> links);

  /** Workload 2: links articles to many books, in one transaction. */
  void addSpread(List<SourceLinks> links);

  /** Workload 3: makes the book's links exactly these (Sequelize's {@code setArticles}). */
  void set(int book, List<LinkSpec> links);

  /**
   * Workload 4: every link of each book, with its article and through attributes, in one
   * transaction, as this contender's users hold them: the raw code's own records, Liaison's {@code
   * LinkedTarget} lists per book, the peers' loaded entities. Turning them into one common form is
   * {@link #views}'s work, done to compare the contenders' results and not measured: it is the same
   * work for none of them (the raw code's records are that form already, the others would pay a
   * second pass over their objects).
   */
  Object links(int[] books);

  /**
   * The result of {@link #links} as {@link LinkView}s, to compare contenders (outside measurement).
   */
  List<LinkView> views(Object links);

  /**
   * Workload 5: for each i, whether book {@code books[i]} is linked to article {@code articles[i]}.
   */
  boolean[] has(int[] books, int[] articles);

  /** Workload 5: for each book, its number of links. */
  long[] count(int[] books);

  @Override
  void close();

  /** A link to write: the article's fixture index and the through attributes. */
  /**
   * A (book id, article id) pair as one long, for sets of linked pairs (the ids fit in 32 bits
   * here).
   */
  static long pair(long book, long article) {
    return book << 32 | article;
  }

  record LinkSpec(int article, String role, int position) {}

  /** The links to write from one book. */
  record SourceLinks(int book, List<LinkSpec> links) {}

  /** A link read back: the book's store id, the article, and the through attributes. */
  record LinkView(
      long bookId, long articleId, String articleTitle, String role, Integer position) {}

  /** Opens a contender on a fresh database of the store. */
  static Contender open(String name, Store store) {
    if (!List.of("liaison", "raw", "peer").contains(name)) {
      throw new IllegalArgumentException("unknown contender " + name + " (liaison, raw or peer)");
    }
    Store.Db db = store.open(name);
    boolean graph = store == Store.NEO4J;
    try {
      return switch (name) {
        case "liaison" -> new LiaisonContender(db);
        case "raw" -> graph ? new RawNeo4jContender(db) : new RawJdbcContender(db);
        default -> graph ? new OgmContender(db) : new HibernateContender(db);
      };
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }
}

package io.liaison.bench;

import static io.liaison.bench.liaison.Library.ARTICLES;

import io.liaison.Liaison;
import io.liaison.Link;
import io.liaison.Linked;
import io.liaison.Session;
import io.liaison.bench.liaison.Article;
import io.liaison.bench.liaison.Book;
import io.liaison.bench.liaison.BookArticles;
import io.liaison.bench.liaison.Library;
import io.liaison.jdbc.JdbcAdapter;
import io.liaison.jdbc.JdbcConfig;
import io.liaison.neo4j.Neo4jAdapter;
import io.liaison.neo4j.Neo4jConfig;
import io.liaison.spi.StatementListener;
import io.liaison.spi.StoreAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Liaison used as its README shows: entities passed to {@code db.on(book, ARTICLES)}, through
 * attributes as a through-model instance, each single call in a transaction of its own and the
 * many-source workloads in one {@code db.transaction}. The same calls on every store; only the
 * adapter differs, each in its default configuration: {@code JdbcAdapter} (pool of 4, savepoints on
 * in user transactions) on H2 and PostgreSQL, {@code Neo4jAdapter} on Neo4j.
 */
final class LiaisonContender implements Contender {
  /**
   * How workload 4 reads the links of many books. Today the API reads one source per call; when
   * eager loading lands, add a strategy that reads all books in one call and select it here.
   */
  interface ManyReads {
    List<Linked<Article>> links(Session tx, Book book);
  }

  static final ManyReads PER_SOURCE = (tx, book) -> tx.on(book, ARTICLES).links();

  private final Store.Db db;
  private final StoreAdapter adapter;
  private final Liaison liaison;
  private final AtomicLong statements = new AtomicLong();
  private final ManyReads reads = PER_SOURCE;
  private Book[] books = new Book[0];
  private Article[] articles = new Article[0];

  LiaisonContender(Store.Db db) {
    this.db = db;
    this.adapter = adapter(db);
    adapter.addStatementListener(sql -> statements.incrementAndGet());
    this.liaison = Liaison.builder().schema(Library.SCHEMA).store(adapter).build();
  }

  /** The store's adapter, as an application would create it. */
  private static StoreAdapter adapter(Store.Db db) {
    if (db.store() == Store.NEO4J) {
      return Neo4jAdapter.create(Neo4jConfig.uri(db.url()));
    }
    return JdbcAdapter.create(JdbcConfig.url(db.url(), db.user(), db.password())
        .withSavepoints(!"false".equals(System.getProperty("bench.liaison.savepoints"))));
  }

  @Override
  public String name() {
    return "liaison";
  }

  @Override
  public void seed(int bookCount, int articleCount) {
    List<Book> bs = new ArrayList<>(bookCount);
    for (int i = 0; i < bookCount; i++) {
      bs.add(new Book(Fixtures.title("b", i)));
    }
    List<Article> as = new ArrayList<>(articleCount);
    for (int i = 0; i < articleCount; i++) {
      as.add(new Article(Fixtures.title("a", i)));
    }
    books = liaison.insertAll(bs).toArray(new Book[0]);
    articles = liaison.insertAll(as).toArray(new Article[0]);
  }

  @Override
  public void clearLinks() {
    LinkFixtures.clear(db);
  }

  @Override
  public long bookId(int index) {
    return books[index].id;
  }

  @Override
  public List<String> dump() {
    return LinkFixtures.dump(db);
  }

  @Override
  public long statements() {
    return statements.get();
  }

  /** Tells the listener of every round trip the adapter makes, as it starts (for {@link Anatomy}). */
  void addStatementListener(StatementListener listener) {
    adapter.addStatementListener(listener);
  }

  private List<Link> toLinks(List<LinkSpec> specs) {
    List<Link> out = new ArrayList<>(specs.size());
    for (LinkSpec l : specs) {
      out.add(Link.to(articles[l.article()], new BookArticles(l.role(), l.position())));
    }
    return out;
  }

  @Override
  public void add(int book, List<LinkSpec> links) {
    liaison.on(books[book], ARTICLES).addAll(toLinks(links));
  }

  @Override
  public void addSpread(List<SourceLinks> links) {
    liaison.inTransaction(tx -> {
      for (SourceLinks s : links) {
        tx.on(books[s.book()], ARTICLES).addAll(toLinks(s.links()));
      }
    });
  }

  @Override
  public void set(int book, List<LinkSpec> links) {
    liaison.on(books[book], ARTICLES).setAll(toLinks(links));
  }

  @Override
  public List<LinkView> links(int[] bookIndexes) {
    return liaison.transaction(tx -> {
      List<LinkView> out = new ArrayList<>();
      for (int b : bookIndexes) {
        Book book = books[b];
        for (Linked<Article> l : reads.links(tx, book)) {
          out.add(new LinkView(book.id, l.target().id, l.target().title, (String) l.through("role"),
              (Integer) l.through("position")));
        }
      }
      return out;
    });
  }

  @Override
  public boolean[] has(int[] bookIndexes, int[] articleIndexes) {
    return liaison.transaction(tx -> {
      boolean[] out = new boolean[bookIndexes.length];
      for (int i = 0; i < bookIndexes.length; i++) {
        out[i] = tx.on(books[bookIndexes[i]], ARTICLES).has(articles[articleIndexes[i]]);
      }
      return out;
    });
  }

  @Override
  public long[] count(int[] bookIndexes) {
    return liaison.transaction(tx -> {
      long[] out = new long[bookIndexes.length];
      for (int i = 0; i < bookIndexes.length; i++) {
        out[i] = tx.on(books[bookIndexes[i]], ARTICLES).count();
      }
      return out;
    });
  }

  @Override
  public void close() {
    try {
      liaison.close();
    } finally {
      db.close();
    }
  }
}

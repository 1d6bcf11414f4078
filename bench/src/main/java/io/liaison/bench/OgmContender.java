package io.liaison.bench;

import io.liaison.bench.ogm.Article;
import io.liaison.bench.ogm.Book;
import io.liaison.bench.ogm.BookArticle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.ogm.config.Configuration;
import org.neo4j.ogm.drivers.bolt.driver.BoltDriver;
import org.neo4j.ogm.session.Session;
import org.neo4j.ogm.session.SessionFactory;
import org.neo4j.ogm.transaction.Transaction;

/**
 * The peer on Neo4j: Neo4j-OGM as its reference documentation teaches it. Node entities {@link
 * Book} and {@link Article} with internal ids, a relationship entity {@link BookArticle} carrying
 * the role and the position, the book's links as a collection of those. A session per unit of work,
 * an explicit transaction in it (read-only for the reads), and {@code session.save(entity, depth)}
 * with the smallest depth that does the job: 1, the book, its relationship entities and their
 * articles.
 *
 * <p>Every write loads what it changes and saves it: the book with its links ({@code load(Book, id,
 * 1)}, the articles to link ({@code loadAll(Article, ids, 0)}), then the collection is modified (a
 * new {@code BookArticle} per new link, new attributes on an existing one, which OGM's dirty
 * checking writes, links removed from the collection, which OGM deletes) and the book saved. Reads
 * load the books with their links ({@code loadAll(Book, ids, 1)}) in one query and answer from the
 * objects, as an OGM user's service would without writing Cypher. Adding a link that exists updates
 * its attributes, as Liaison's {@code add} does.
 */
final class OgmContender implements Contender {
  /**
   * How deep saves and loads reach: the book, its relationship entities and the articles they point
   * to.
   */
  static final int DEPTH = 1;

  private final Store.Db db;
  private final Driver nativeDriver;
  private final SessionFactory sf;
  private final AtomicLong statements = new AtomicLong();
  private long[] books = new long[0];
  private long[] articles = new long[0];

  OgmContender(Store.Db db) {
    this.db = db;
    this.nativeDriver = GraphDatabase.driver(db.url(), AuthTokens.none());
    try {
      // OGM's Bolt driver over a driver of our own, so its statements can be counted as Hibernate's
      // are;
      // the database is named on every session, as Liaison's adapter and the raw contender name it.
      BoltDriver ogm = new BoltDriver(counting(nativeDriver, statements));
      ogm.configureSessionConfig(
          new Configuration.Builder().database(Neo4jServer.DATABASE).build());
      this.sf = new SessionFactory(ogm, Book.class.getPackageName());
    } catch (RuntimeException e) {
      nativeDriver.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "peer";
  }

  @Override
  public void seed(int bookCount, int articleCount) {
    books = save("b", bookCount, Book::new, Book::getId);
    articles = save("a", articleCount, Article::new, Article::getId);
  }

  private <T> long[] save(String prefix, int n, Function<String, T> create, Function<T, Long> id) {
    List<T> entities = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entities.add(create.apply(Fixtures.title(prefix, i)));
    }
    write(
        s -> {
          s.save(entities, 0);
          return null;
        });
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = id.apply(entities.get(i));
    }
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
    write(
        s -> {
          Book b = s.load(Book.class, books[book], DEPTH);
          link(s, b, links);
          s.save(b, DEPTH);
          return null;
        });
  }

  @Override
  public void addSpread(List<SourceLinks> links) {
    write(
        s -> {
          Map<Long, Book> loaded = byId(s.loadAll(Book.class, bookIds(links), DEPTH), Book::getId);
          Map<Book, List<LinkSpec>> work = new LinkedHashMap<>();
          for (SourceLinks sl : links) {
            work.computeIfAbsent(loaded.get(books[sl.book()]), b -> new ArrayList<>())
                .addAll(sl.links());
          }
          Map<Long, Article> targets = newTargets(s, work);
          work.forEach((b, l) -> link(b, l, targets));
          s.save(work.keySet(), DEPTH);
          return null;
        });
  }

  @Override
  public void set(int book, List<LinkSpec> links) {
    write(
        s -> {
          Book b = s.load(Book.class, books[book], DEPTH);
          Set<Long> wanted = new HashSet<>();
          for (LinkSpec l : links) {
            wanted.add(articles[l.article()]);
          }
          b.getArticles().removeIf(ba -> !wanted.contains(ba.getArticle().getId()));
          link(s, b, links);
          s.save(b, DEPTH);
          return null;
        });
  }

  /** Links the loaded book to the articles, loading those it is not linked to yet. */
  private void link(Session s, Book b, List<LinkSpec> links) {
    link(b, links, newTargets(s, Map.of(b, links)));
  }

  /** The articles the books are to be linked to and are not yet, in one query. */
  private Map<Long, Article> newTargets(Session s, Map<Book, List<LinkSpec>> work) {
    Set<Long> ids = new HashSet<>();
    work.forEach(
        (b, links) -> {
          Set<Long> linked = new HashSet<>();
          for (BookArticle ba : b.getArticles()) {
            linked.add(ba.getArticle().getId());
          }
          for (LinkSpec l : links) {
            if (!linked.contains(articles[l.article()])) {
              ids.add(articles[l.article()]);
            }
          }
        });
    return ids.isEmpty() ? Map.of() : byId(s.loadAll(Article.class, ids, 0), Article::getId);
  }

  /** A new relationship entity per new link; an existing link gets the new attributes. */
  private void link(Book b, List<LinkSpec> links, Map<Long, Article> targets) {
    Map<Long, BookArticle> existing = new HashMap<>();
    for (BookArticle ba : b.getArticles()) {
      existing.put(ba.getArticle().getId(), ba);
    }
    for (LinkSpec l : links) {
      long articleId = articles[l.article()];
      BookArticle ba = existing.get(articleId);
      if (ba == null) {
        b.getArticles().add(new BookArticle(b, targets.get(articleId), l.role(), l.position()));
      } else {
        ba.setRole(l.role());
        ba.setPosition(l.position());
      }
    }
  }

  private List<Long> bookIds(List<SourceLinks> links) {
    List<Long> ids = new ArrayList<>(links.size());
    for (SourceLinks sl : links) {
      ids.add(books[sl.book()]);
    }
    return ids;
  }

  private static <T> Map<Long, T> byId(Collection<T> entities, Function<T, Long> id) {
    Map<Long, T> out = new HashMap<>();
    for (T e : entities) {
      out.put(id.apply(e), e);
    }
    return out;
  }

  /** The books with their links and articles, one query. */
  private Collection<Book> loadBooks(Session s, int[] bookIndexes) {
    List<Long> ids = new ArrayList<>(bookIndexes.length);
    for (int b : bookIndexes) {
      ids.add(books[b]);
    }
    return s.loadAll(Book.class, ids, DEPTH);
  }

  @Override
  public Object links(int[] bookIndexes) {
    return read(s -> loadBooks(s, bookIndexes));
  }

  /** The loaded books, each with its relationship entities and their articles. */
  @SuppressWarnings("unchecked")
  @Override
  public List<LinkView> views(Object links) {
    List<LinkView> out = new ArrayList<>();
    for (Book b : (Collection<Book>) links) {
      for (BookArticle ba : b.getArticles()) {
        Article a = ba.getArticle();
        out.add(new LinkView(b.getId(), a.getId(), a.getTitle(), ba.getRole(), ba.getPosition()));
      }
    }
    return out;
  }

  @Override
  public boolean[] has(int[] bookIndexes, int[] articleIndexes) {
    return read(
        s -> {
          Map<Long, Book> loaded = byId(loadBooks(s, bookIndexes), Book::getId);
          boolean[] out = new boolean[bookIndexes.length];
          for (int i = 0; i < out.length; i++) {
            Book b = loaded.get(books[bookIndexes[i]]);
            long article = articles[articleIndexes[i]];
            out[i] =
                b != null
                    && b.getArticles().stream().anyMatch(ba -> ba.getArticle().getId() == article);
          }
          return out;
        });
  }

  @Override
  public long[] count(int[] bookIndexes) {
    return read(
        s -> {
          Map<Long, Book> loaded = byId(loadBooks(s, bookIndexes), Book::getId);
          long[] out = new long[bookIndexes.length];
          for (int i = 0; i < out.length; i++) {
            Book b = loaded.get(books[bookIndexes[i]]);
            out[i] = b == null ? 0 : b.getArticles().size();
          }
          return out;
        });
  }

  /** A unit of work: a new session, a write transaction committed when the work returns. */
  private <T> T write(Function<Session, T> work) {
    return inTransaction(Transaction.Type.READ_WRITE, work);
  }

  private <T> T read(Function<Session, T> work) {
    return inTransaction(Transaction.Type.READ_ONLY, work);
  }

  private <T> T inTransaction(Transaction.Type type, Function<Session, T> work) {
    Session s = sf.openSession();
    try (Transaction tx = s.beginTransaction(type)) {
      T result = work.apply(s);
      tx.commit();
      return result;
    }
  }

  /**
   * The driver as OGM sees it, counting each statement run on a session or transaction it hands out
   * (what Hibernate's {@code StatementInspector} does for the SQL peer). Everything else passes
   * through.
   */
  static Driver counting(Driver driver, AtomicLong statements) {
    return proxy(Driver.class, driver, statements);
  }

  private static <T> T proxy(Class<T> type, T target, AtomicLong statements) {
    InvocationHandler handler =
        (self, method, args) -> {
          if (method.getName().equals("run")) {
            statements.incrementAndGet();
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          Class<?> returned = method.getReturnType();
          if (returned == org.neo4j.driver.Session.class) {
            return proxy(
                org.neo4j.driver.Session.class, (org.neo4j.driver.Session) result, statements);
          }
          if (returned == org.neo4j.driver.Transaction.class) {
            return proxy(
                org.neo4j.driver.Transaction.class,
                (org.neo4j.driver.Transaction) result,
                statements);
          }
          return result;
        };
    return type.cast(
        Proxy.newProxyInstance(
            OgmContender.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  @Override
  public void close() {
    try {
      sf.close();
      nativeDriver.close();
    } finally {
      db.close();
    }
  }
}

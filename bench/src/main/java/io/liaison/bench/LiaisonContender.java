package io.liaison.bench;

import static io.liaison.bench.liaison.Library.ARTICLES;

import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.LinkedTarget;
import io.liaison.NewLink;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Liaison used as its README shows: entities passed to {@code db.on(book, ARTICLES)}, through
 * attributes as a through-model instance, each call in a transaction of its own, the many-source
 * workloads too (one call on {@code db}: one transaction, a read operation for reads). The same
 * calls on every store; only the adapter differs, each in its default configuration: {@code
 * JdbcAdapter} (pool of 4, savepoints on in user transactions) on H2 and PostgreSQL, {@code
 * Neo4jAdapter} on Neo4j.
 */
final class LiaisonContender implements Contender {
  /**
   * How the many-source workloads (2, 4 and 5) reach many books in one transaction: every such call
   * of this contender goes through here, on every store. {@link #ALL_SOURCES} passes all books in
   * one call ({@code db.batch(ARTICLES)}, the API an application uses for this work); {@link
   * #PER_SOURCE} makes one call per book, for comparison ({@code -Dbench.liaison.many=per-source}).
   */
  interface ManySources {
    /** Workload 2: each book's links, added. */
    void addAll(Session tx, Map<Book, List<NewLink>> links);

    /**
     * Workload 4: each book's links with their targets and through attributes, in the books' order.
     */
    Map<?, List<LinkedTarget<Article>>> links(Session tx, List<Book> books);

    /** Workload 5: whether {@code books[i]} is linked to {@code articles[i]}. */
    boolean[] has(Session tx, List<Book> books, List<Article> articles);

    /** Workload 5: each book's number of links. */
    long[] count(Session tx, List<Book> books);
  }

  /** One call per book: the API as it is. */
  static final ManySources PER_SOURCE =
      new ManySources() {
        @Override
        public void addAll(Session tx, Map<Book, List<NewLink>> links) {
          links.forEach((book, l) -> tx.on(book, ARTICLES).addAll(l));
        }

        @Override
        public Map<?, List<LinkedTarget<Article>>> links(Session tx, List<Book> books) {
          Map<Book, List<LinkedTarget<Article>>> out = new LinkedHashMap<>();
          for (Book book : books) {
            out.put(book, tx.on(book, ARTICLES).linkedTargets());
          }
          return out;
        }

        @Override
        public boolean[] has(Session tx, List<Book> books, List<Article> articles) {
          boolean[] out = new boolean[books.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = tx.on(books.get(i), ARTICLES).has(articles.get(i));
          }
          return out;
        }

        @Override
        public long[] count(Session tx, List<Book> books) {
          long[] out = new long[books.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = tx.on(books.get(i), ARTICLES).count();
          }
          return out;
        }
      };

  /** One call for all books: {@code db.batch(ARTICLES)}, a constant number of round trips. */
  static final ManySources ALL_SOURCES =
      new ManySources() {
        @Override
        public void addAll(Session tx, Map<Book, List<NewLink>> links) {
          List<LinkBetween> pairs = new ArrayList<>();
          links.forEach(
              (book, l) -> {
                for (NewLink x : l) {
                  pairs.add(LinkBetween.of(book, x.target(), x.through()));
                }
              });
          tx.batch(ARTICLES).addAll(pairs);
        }

        @Override
        public Map<?, List<LinkedTarget<Article>>> links(Session tx, List<Book> books) {
          // keyed by the books as given, in their order: the map the application gets
          return tx.batch(ARTICLES).linkedTargets(books);
        }

        @Override
        public boolean[] has(Session tx, List<Book> books, List<Article> articles) {
          List<LinkBetween> pairs = new ArrayList<>(books.size());
          for (int i = 0; i < books.size(); i++) {
            pairs.add(LinkBetween.of(books.get(i), articles.get(i)));
          }
          List<Boolean> answers = tx.batch(ARTICLES).has(pairs);
          boolean[] out = new boolean[answers.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = answers.get(i);
          }
          return out;
        }

        @Override
        public long[] count(Session tx, List<Book> books) {
          Map<Object, Long> counts = tx.batch(ARTICLES).count(books);
          long[] out = new long[books.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(books.get(i));
          }
          return out;
        }
      };

  private final Store.Db db;
  private final StoreAdapter adapter;
  private final Liaison liaison;
  private final AtomicLong statements = new AtomicLong();
  private final ManySources many =
      "per-source".equals(System.getProperty("bench.liaison.many")) ? PER_SOURCE : ALL_SOURCES;
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
    return JdbcAdapter.create(
        JdbcConfig.url(db.url(), db.user(), db.password())
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

  /**
   * Tells the listener of every round trip the adapter makes, as it starts (for {@link Anatomy}).
   */
  void addStatementListener(StatementListener listener) {
    adapter.addStatementListener(listener);
  }

  private List<NewLink> toLinks(List<LinkSpec> specs) {
    List<NewLink> out = new ArrayList<>(specs.size());
    for (LinkSpec l : specs) {
      out.add(NewLink.to(articles[l.article()], new BookArticles(l.role(), l.position())));
    }
    return out;
  }

  @Override
  public void add(int book, List<LinkSpec> links) {
    liaison.on(books[book], ARTICLES).addAll(toLinks(links));
  }

  @Override
  public void addSpread(List<SourceLinks> links) {
    Map<Book, List<NewLink>> byBook = new LinkedHashMap<>();
    for (SourceLinks s : links) {
      byBook.computeIfAbsent(books[s.book()], b -> new ArrayList<>()).addAll(toLinks(s.links()));
    }
    manySources(
        s -> {
          many.addAll(s, byBook);
          return null;
        });
  }

  @Override
  public void set(int book, List<LinkSpec> links) {
    liaison.on(books[book], ARTICLES).setAll(toLinks(links));
  }

  @Override
  public Object links(int[] bookIndexes) {
    List<Book> bs = pick(books, bookIndexes);
    return manySources(s -> many.links(s, bs));
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<LinkView> views(Object links) {
    Map<?, List<LinkedTarget<Article>>> read = (Map<?, List<LinkedTarget<Article>>>) links;
    List<LinkView> out = new ArrayList<>();
    read.forEach(
        (book, linked) -> {
          for (LinkedTarget<Article> l : linked) {
            out.add(
                new LinkView(
                    ((Book) book).id,
                    l.target().id,
                    l.target().title,
                    (String) l.through("role"),
                    (Integer) l.through("position")));
          }
        });
    return out;
  }

  @Override
  public boolean[] has(int[] bookIndexes, int[] articleIndexes) {
    List<Book> bs = pick(books, bookIndexes);
    List<Article> as = pick(articles, articleIndexes);
    return manySources(s -> many.has(s, bs, as));
  }

  @Override
  public long[] count(int[] bookIndexes) {
    List<Book> bs = pick(books, bookIndexes);
    return manySources(s -> many.count(s, bs));
  }

  /**
   * A many-source workload as an application writes it: the one call on {@code db} itself, which is
   * one transaction (a read operation, for reads), as the raw code's one transaction; the
   * per-source variant's calls in one {@code db.transaction}. (Inside a user transaction, each
   * write would also take a savepoint: two more round trips for nothing here.)
   */
  private <R> R manySources(Function<Session, R> work) {
    return many == ALL_SOURCES ? work.apply(liaison) : liaison.transaction(work);
  }

  private static <T> List<T> pick(T[] all, int[] indexes) {
    List<T> out = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      out.add(all[i]);
    }
    return out;
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

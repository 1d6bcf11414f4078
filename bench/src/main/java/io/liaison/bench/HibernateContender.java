package io.liaison.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.liaison.bench.hibernate.Article;
import io.liaison.bench.hibernate.Book;
import io.liaison.bench.hibernate.BookArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The peer: Hibernate ORM as its users write it. A join entity {@link BookArticle} with its own
 * sequence id (pooled, 100 at a time) and a {@code @ManyToOne} to each side; JDBC batching on
 * ({@code hibernate.jdbc.batch_size=100}, ordered inserts and updates); a session and transaction
 * per operation ({@code sessionFactory.inTransaction}); references by id ({@code getReference})
 * rather than loading books and articles; set-based JPQL for the many-source reads (one query with
 * {@code join fetch} rather than one per book).
 *
 * <p>Adding a link that exists updates its attributes, as Liaison's {@code add} does: the operation
 * loads the book's existing links first (one query), updates those and persists the others.
 */
final class HibernateContender implements Contender {
  static {
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  /** {@code hibernate.jdbc.batch_size}, and how many new entities are persisted between flushes. */
  static final int BATCH = 100;

  private final Store.Db db;
  private final HikariDataSource pool;
  private final StandardServiceRegistry registry;
  private final SessionFactory sf;
  private final AtomicLong statements = new AtomicLong();
  private long[] books = new long[0];
  private long[] articles = new long[0];

  HibernateContender(Store.Db db) {
    this.db = db;
    this.pool = Jdbc.pool(db, "hibernate");
    StatementInspector counter =
        sql -> {
          statements.incrementAndGet();
          return sql;
        };
    Map<String, Object> settings = new HashMap<>();
    settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
    settings.put(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true);
    settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
    settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH);
    settings.put(AvailableSettings.ORDER_INSERTS, true);
    settings.put(AvailableSettings.ORDER_UPDATES, true);
    settings.put(AvailableSettings.STATEMENT_INSPECTOR, counter);
    settings.put(AvailableSettings.SHOW_SQL, false);
    StandardServiceRegistry reg =
        new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      this.sf =
          new MetadataSources(reg)
              .addAnnotatedClasses(Book.class, Article.class, BookArticle.class)
              .buildMetadata()
              .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(reg);
      pool.close();
      throw e;
    }
    this.registry = reg;
  }

  @Override
  public String name() {
    return "peer";
  }

  @Override
  public void seed(int bookCount, int articleCount) {
    books = new long[bookCount];
    articles = new long[articleCount];
    sf.inTransaction(
        s -> {
          List<Book> bs = new ArrayList<>();
          for (int i = 0; i < bookCount; i++) {
            Book b = new Book(Fixtures.title("b", i));
            s.persist(b);
            bs.add(b);
            flushEvery(s, i);
          }
          List<Article> as = new ArrayList<>();
          for (int i = 0; i < articleCount; i++) {
            Article a = new Article(Fixtures.title("a", i));
            s.persist(a);
            as.add(a);
            flushEvery(s, i);
          }
          for (int i = 0; i < bookCount; i++) {
            books[i] = bs.get(i).getId();
          }
          for (int i = 0; i < articleCount; i++) {
            articles[i] = as.get(i).getId();
          }
        });
  }

  private static void flushEvery(Session s, int i) {
    if (i % 1000 == 999) {
      s.flush();
      s.clear();
    }
  }

  @Override
  public void clearLinks() {
    Jdbc.update(db, "TRUNCATE TABLE BookArticle");
  }

  @Override
  public long bookId(int index) {
    return books[index];
  }

  @Override
  public List<String> dump() {
    return Jdbc.strings(
        db,
        "SELECT b.title, a.title, j.role, j.position FROM BookArticle j"
            + " JOIN Book b ON b.id = j.book_id JOIN Article a ON a.id = j.article_id");
  }

  @Override
  public long statements() {
    return statements.get();
  }

  // ---- measured

  @Override
  public void add(int book, List<LinkSpec> links) {
    addSpread(List.of(new SourceLinks(book, links)));
  }

  @Override
  public void addSpread(List<SourceLinks> links) {
    sf.inTransaction(
        s -> {
          List<Long> bookIds = new ArrayList<>(links.size());
          for (SourceLinks l : links) {
            bookIds.add(books[l.book()]);
          }
          Map<Long, BookArticle> existing = new HashMap<>();
          for (BookArticle ba :
              s.createSelectionQuery(
                      "from BookArticle ba where ba.book.id in :books", BookArticle.class)
                  .setParameter("books", bookIds)
                  .getResultList()) {
            existing.put(Contender.pair(ba.getBook().getId(), ba.getArticle().getId()), ba);
          }
          write(s, links, existing);
        });
  }

  /**
   * Updates the existing links' attributes (dirty checking writes them at the next flush), then
   * persists the new ones, flushing and clearing every {@value #BATCH} as Hibernate's guide on
   * batch processing recommends, so the persistence context stays small.
   */
  private void write(Session s, List<SourceLinks> links, Map<Long, BookArticle> existing) {
    List<SourceLinks> fresh = new ArrayList<>(links.size());
    for (SourceLinks sl : links) {
      long bookId = books[sl.book()];
      List<LinkSpec> added = new ArrayList<>(sl.links().size());
      for (LinkSpec l : sl.links()) {
        BookArticle ba = existing.get(Contender.pair(bookId, articles[l.article()]));
        if (ba == null) {
          added.add(l);
        } else {
          ba.setRole(l.role());
          ba.setPosition(l.position());
        }
      }
      fresh.add(new SourceLinks(sl.book(), added));
    }
    int persisted = 0;
    for (SourceLinks sl : fresh) {
      Book b = s.getReference(Book.class, books[sl.book()]);
      for (LinkSpec l : sl.links()) {
        s.persist(
            new BookArticle(
                b, s.getReference(Article.class, articles[l.article()]), l.role(), l.position()));
        if (++persisted % BATCH == 0) {
          s.flush();
          s.clear();
          b = s.getReference(Book.class, books[sl.book()]);
        }
      }
    }
  }

  @Override
  public void set(int book, List<LinkSpec> links) {
    sf.inTransaction(
        s -> {
          long bookId = books[book];
          Map<Long, BookArticle> existing = new HashMap<>();
          for (BookArticle ba :
              s.createSelectionQuery(
                      "from BookArticle ba where ba.book.id = :book", BookArticle.class)
                  .setParameter("book", bookId)
                  .getResultList()) {
            existing.put(ba.getArticle().getId(), ba);
          }
          Set<Long> wanted = new HashSet<>();
          for (LinkSpec l : links) {
            wanted.add(articles[l.article()]);
          }
          for (Map.Entry<Long, BookArticle> e : existing.entrySet()) {
            if (!wanted.contains(e.getKey())) {
              s.remove(e.getValue());
            }
          }
          Map<Long, BookArticle> byPair = new HashMap<>();
          existing.forEach((article, ba) -> byPair.put(Contender.pair(bookId, article), ba));
          write(s, List.of(new SourceLinks(book, links)), byPair);
        });
  }

  @Override
  public Object links(int[] bookIndexes) {
    return sf.fromTransaction(
        s ->
            s.createSelectionQuery(
                    "from BookArticle ba join fetch ba.article where ba.book.id in :books",
                    BookArticle.class)
                .setParameter("books", ids(books, bookIndexes))
                .getResultList());
  }

  /**
   * The join entities, their articles fetched; a book's id is read from its proxy without loading
   * it.
   */
  @SuppressWarnings("unchecked")
  @Override
  public List<LinkView> views(Object links) {
    List<LinkView> out = new ArrayList<>();
    for (BookArticle ba : (List<BookArticle>) links) {
      Article a = ba.getArticle();
      out.add(
          new LinkView(
              ba.getBook().getId(), a.getId(), a.getTitle(), ba.getRole(), ba.getPosition()));
    }
    return out;
  }

  @Override
  public boolean[] has(int[] bookIndexes, int[] articleIndexes) {
    return sf.fromTransaction(
        s -> {
          Set<Long> found = new HashSet<>();
          for (Object[] row :
              s.createSelectionQuery(
                      "select ba.book.id, ba.article.id from BookArticle ba"
                          + " where ba.book.id in :books and ba.article.id in :articles",
                      Object[].class)
                  .setParameter("books", ids(books, bookIndexes))
                  .setParameter("articles", ids(articles, articleIndexes))
                  .getResultList()) {
            found.add(Contender.pair((Long) row[0], (Long) row[1]));
          }
          boolean[] out = new boolean[bookIndexes.length];
          for (int i = 0; i < out.length; i++) {
            out[i] =
                found.contains(Contender.pair(books[bookIndexes[i]], articles[articleIndexes[i]]));
          }
          return out;
        });
  }

  @Override
  public long[] count(int[] bookIndexes) {
    return sf.fromTransaction(
        s -> {
          Map<Long, Long> counts = new HashMap<>();
          for (Object[] row :
              s.createSelectionQuery(
                      "select ba.book.id, count(ba) from BookArticle ba"
                          + " where ba.book.id in :books group by ba.book.id",
                      Object[].class)
                  .setParameter("books", ids(books, bookIndexes))
                  .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
          }
          long[] out = new long[bookIndexes.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = counts.getOrDefault(books[bookIndexes[i]], 0L);
          }
          return out;
        });
  }

  private static List<Long> ids(long[] ids, int[] indexes) {
    List<Long> out = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      out.add(ids[i]);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      sf.close();
      StandardServiceRegistryBuilder.destroy(registry);
      pool.close();
    } finally {
      db.close();
    }
  }
}

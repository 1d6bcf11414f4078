package io.liaison.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.liaison.bench.liaison.Library;
import io.liaison.jdbc.JdbcAdapter;
import io.liaison.jdbc.JdbcConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit: the same work written by hand over JDBC, on the very tables Liaison creates (its DDL
 * runs once at start-up, so both have the same keys and indexes). Each write is one transaction on
 * a pooled connection, each read one statement in auto-commit mode; multi-row writes are one JDBC
 * batch of one prepared statement; id lists are one array parameter ({@code = ANY(?)}, or on H2 a
 * join on {@code UNNEST(?)} for the books). No existence checks: the foreign keys refuse bad ids.
 */
final class RawJdbcContender implements Contender {
  private static final String COLUMNS = "(\"bookId\", \"articleId\", \"role\", \"position\")";

  private final Store.Db db;
  private final HikariDataSource pool;
  private final String upsert;
  private final String arrayType;
  private final AtomicLong statements = new AtomicLong();
  private long[] books = new long[0];
  private long[] articles = new long[0];

  RawJdbcContender(Store.Db db) {
    this.db = db;
    try (JdbcAdapter ddl = JdbcAdapter.create(JdbcConfig.url(db.url(), db.user(), db.password()))) {
      ddl.sync(Library.SCHEMA.info());
    }
    this.pool = Jdbc.pool(db, "raw");
    if (db.store() == Store.H2) {
      upsert =
          "MERGE INTO \"BookArticles\" "
              + COLUMNS
              + " KEY (\"bookId\", \"articleId\") VALUES (?, ?, ?, ?)";
      arrayType = "BIGINT";
    } else {
      upsert =
          "INSERT INTO \"BookArticles\" "
              + COLUMNS
              + " VALUES (?, ?, ?, ?) ON CONFLICT (\"bookId\", \"articleId\")"
              + " DO UPDATE SET \"role\" = EXCLUDED.\"role\", \"position\" = EXCLUDED.\"position\"";
      arrayType = "int8";
    }
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

  private long[] insertTitles(String table, String prefix, int n) {
    long[] ids = new long[n];
    inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO \"" + table + "\" (\"title\") VALUES (?)", new String[] {"id"})) {
            for (int i = 0; i < n; i++) {
              ps.setString(1, Fixtures.title(prefix, i));
              ps.addBatch();
            }
            ps.executeBatch();
            statements.incrementAndGet();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              for (int i = 0; i < n; i++) {
                keys.next();
                ids[i] = keys.getLong(1);
              }
            }
          }
          return null;
        });
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
    inTransaction(
        c -> {
          upsert(c, List.of(new SourceLinks(book, links)));
          return null;
        });
  }

  @Override
  public void addSpread(List<SourceLinks> links) {
    inTransaction(
        c -> {
          upsert(c, links);
          return null;
        });
  }

  private void upsert(Connection c, List<SourceLinks> links) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsert)) {
      for (SourceLinks s : links) {
        long book = books[s.book()];
        for (LinkSpec l : s.links()) {
          ps.setLong(1, book);
          ps.setLong(2, articles[l.article()]);
          ps.setString(3, l.role());
          ps.setInt(4, l.position());
          ps.addBatch();
        }
      }
      ps.executeBatch();
      statements.incrementAndGet();
    }
  }

  @Override
  public void set(int book, List<LinkSpec> links) {
    inTransaction(
        c -> {
          Long[] keep = new Long[links.size()];
          for (int i = 0; i < keep.length; i++) {
            keep[i] = articles[links.get(i).article()];
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM \"BookArticles\" WHERE \"bookId\" = ? AND NOT (\"articleId\" = ANY(?))")) {
            ps.setLong(1, books[book]);
            ps.setArray(2, c.createArrayOf(arrayType, keep));
            ps.executeUpdate();
            statements.incrementAndGet();
          }
          upsert(c, List.of(new SourceLinks(book, links)));
          return null;
        });
  }

  @Override
  public Object links(int[] bookIndexes) {
    return readOnly(
        c -> {
          List<LinkView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT j.\"bookId\", a.\"id\", a.\"title\", j.\"role\", j.\"position\""
                      + " FROM \"BookArticles\" j JOIN \"Article\" a ON a.\"id\" = j.\"articleId\""
                      + ofBooks())) {
            ps.setArray(1, ids(c, books, bookIndexes));
            statements.incrementAndGet();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int position = rs.getInt(5);
                out.add(
                    new LinkView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.wasNull() ? null : position));
              }
            }
          }
          return out;
        });
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<LinkView> views(Object links) {
    return (List<LinkView>) links;
  }

  @Override
  public boolean[] has(int[] bookIndexes, int[] articleIndexes) {
    return readOnly(
        c -> {
          Set<Long> found = new HashSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT j.\"bookId\", j.\"articleId\" FROM \"BookArticles\" j"
                      + ofBooks()
                      + " AND j.\"articleId\" = ANY(?)")) {
            if (db.store() == Store.POSTGRES) {
              // planned for each call's arrays, as the adapter's has query is (see
              // PostgresDialect.planForArrays):
              // pgjdbc's server-prepared statement would get a generic plan that tests every row
              // against
              // every element of the article array
              ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            ps.setArray(1, ids(c, books, bookIndexes));
            ps.setArray(2, ids(c, articles, articleIndexes));
            statements.incrementAndGet();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(Contender.pair(rs.getLong(1), rs.getLong(2)));
              }
            }
          }
          boolean[] out = new boolean[bookIndexes.length];
          for (int i = 0; i < out.length; i++) {
            out[i] =
                found.contains(Contender.pair(books[bookIndexes[i]], articles[articleIndexes[i]]));
          }
          return out;
        });
  }

  /**
   * The junction rows {@code j} of the books given as the first array parameter, then a condition:
   * on PostgreSQL {@code WHERE j.bookId = ANY(?)}; on H2 a join on the array's elements, H2's fast
   * form (its {@code = ANY(?)} was several times slower, {@code bench/NOTEBOOK.md}, "H2 key
   * arrays"; the adapter joins so too, see {@code Dialect.keyJoin}).
   */
  private String ofBooks() {
    return db.store() == Store.H2
        ? " JOIN UNNEST(?) u(v) ON j.\"bookId\" = u.v WHERE TRUE"
        : " WHERE j.\"bookId\" = ANY(?)";
  }

  @Override
  public long[] count(int[] bookIndexes) {
    return readOnly(
        c -> {
          Map<Long, Long> counts = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT j.\"bookId\", COUNT(*) FROM \"BookArticles\" j"
                      + ofBooks()
                      + " GROUP BY j.\"bookId\"")) {
            ps.setArray(1, ids(c, books, bookIndexes));
            statements.incrementAndGet();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
              }
            }
          }
          long[] out = new long[bookIndexes.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = counts.getOrDefault(books[bookIndexes[i]], 0L);
          }
          return out;
        });
  }

  private Array ids(Connection c, long[] ids, int[] indexes) throws SQLException {
    Long[] values = new Long[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      values[i] = ids[indexes[i]];
    }
    return c.createArrayOf(arrayType, values);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * One read statement on a pooled connection in auto-commit mode: no transaction to begin and
   * commit around a single statement (the adapter runs its one-statement reads so too), so no
   * COMMIT round trip.
   */
  private <T> T readOnly(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(true);
      try {
        return work.run(c);
      } finally {
        c.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("raw JDBC on " + db.store() + " failed", e);
    }
  }

  /** One transaction on a pooled connection: commit on success, roll back on failure. */
  private <T> T inTransaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("raw JDBC on " + db.store() + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      db.close();
    }
  }
}

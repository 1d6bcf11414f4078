package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.InvalidCallException;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The adapter's own checks on H2. */
class H2AdapterTest extends AbstractJdbcAdapterTest {
  private static final AtomicInteger N = new AtomicInteger();
  private String url;

  @Override
  JdbcAdapter openEmpty() {
    url = "jdbc:h2:mem:adapter_" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return JdbcAdapter.create(JdbcConfig.url(url, "sa", ""));
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  @Override
  String schemaName() {
    return "PUBLIC";
  }

  /** H2 holds at most 65,536 elements in an array: longer key lists are read slice by slice. */
  @Test
  void keyListsBeyondH2ArrayLimitAreReadSliceBySlice() {
    ModelInfo book = SCHEMA.info().model("Book");
    Book kept = db.insert(book("Kept"));
    List<Long> ids = new ArrayList<>();
    for (long i = 1; i <= 100_000; i++) {
      ids.add(kept.id + i);
    }
    ids.add(kept.id);
    List<String> statements = new ArrayList<>();
    adapter.addStatementListener(statements::add);
    try (StoreSession s = adapter.beginOperation()) {
      assertThat(s.findBy(book, "id", ids)).extracting(r -> r.get("id")).containsExactly(kept.id);
    }
    assertThat(statements).hasSize(2);
  }

  @Test
  void addingMoreTargetsThanH2ArrayLimitLinksThemAll() {
    Book book = db.insert(book("Big"));
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      articles.add(article("a" + i));
    }
    db.insertAll(articles);
    Article missing = article("never stored");
    missing.id = articles.get(articles.size() - 1).id + 1;
    List<Article> withMissing = new ArrayList<>(articles);
    withMissing.add(missing);

    // the ids beyond the first 65,536 are counted by a query of their own: one missing there is found too
    assertThatThrownBy(() -> db.on(book, ARTICLES).addAll(withMissing))
        .isInstanceOf(InvalidCallException.class).hasMessageContaining(String.valueOf(missing.id));
    assertThat(db.on(book, ARTICLES).count()).isZero();
    db.on(book, ARTICLES).addAll(articles);

    assertThat(db.on(book, ARTICLES).count()).isEqualTo(70_000);
  }
}

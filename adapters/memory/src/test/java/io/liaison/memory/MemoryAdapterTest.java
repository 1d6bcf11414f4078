package io.liaison.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Query;
import io.liaison.TransientStoreException;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.StoreSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the memory store does beyond the contract: its own transaction rules and SQL's filter
 * details.
 */
class MemoryAdapterTest {
  private static final AttributeInfo ID =
      new AttributeInfo("id", "id", Long.class, false, true, true);
  private static final AttributeInfo TITLE =
      new AttributeInfo("title", "title", String.class, true, false, true);
  private static final ModelInfo BOOK =
      new ModelInfo("Book", "book", ID, List.of(ID, TITLE), List.of());

  private MemoryAdapter store;

  @BeforeEach
  void open() {
    store = MemoryAdapter.create();
    store.sync(new SchemaInfo(List.of(BOOK), List.of(), List.of(), List.of()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void likeTreatsOnlyPercentAndUnderscoreAsWildcards() {
    insert("a.c", "abc", "a+c", "A.C", null);

    assertThat(titles(Where.like("title", "a.c"))).containsExactly("a.c");
    assertThat(titles(Where.like("title", "a_c"))).containsExactly("a.c", "abc", "a+c");
    assertThat(titles(Where.like("title", "%+%"))).containsExactly("a+c");
  }

  @Test
  void comparisonsWithNullAreUnknownSoNotNeverMatchesANull() {
    insert("x", null);

    assertThat(titles(Where.ne("title", "y"))).containsExactly("x");
    assertThat(titles(Where.not(Where.eq("title", "y")))).containsExactly("x");
    assertThat(titles(Where.notIn("title", List.of("y")))).containsExactly("x");
    assertThat(titles(Where.notIn("title", List.of()))).hasSize(2);
  }

  @Test
  void aFailedWriteLeavesNothingOfItselfAndTheTransactionGoesOn() {
    try (StoreSession tx = store.begin()) {
      Long id = (Long) tx.insert(BOOK, List.of(row("kept"))).get(0).get("id");
      Map<String, Object> clash = row("clash");
      clash.put("id", id);
      assertThatThrownBy(() -> tx.insert(BOOK, List.of(row("lost"), clash)))
          .isInstanceOf(io.liaison.ConflictException.class);
      tx.insert(BOOK, List.of(row("after")));
      tx.commit();
    }
    assertThat(titles(null)).containsExactly("kept", "after");
  }

  @Test
  void nestedTransactionsOnOneThreadDoNotLoseAWrite() {
    try (StoreSession outer = store.begin()) {
      outer.insert(BOOK, List.of(row("outer")));
      try (StoreSession inner = store.begin()) {
        inner.insert(BOOK, List.of(row("inner")));
        inner.commit();
      }
      assertThatThrownBy(outer::commit).isInstanceOf(TransientStoreException.class);
    }
    assertThat(titles(null)).containsExactly("inner");
  }

  @Test
  void rollbackDropsEveryWriteOfTheTransaction() {
    insert("before");
    try (StoreSession tx = store.begin()) {
      tx.insert(BOOK, List.of(row("dropped")));
      tx.delete(BOOK, List.of(1L));
      tx.rollback();
    }
    assertThat(titles(null)).containsExactly("before");
  }

  private void insert(String... titles) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String t : titles) {
      rows.add(row(t));
    }
    try (StoreSession tx = store.begin()) {
      tx.insert(BOOK, rows);
      tx.commit();
    }
  }

  private List<Object> titles(Where where) {
    try (StoreSession tx = store.begin()) {
      return tx.find(BOOK, where == null ? Query.ALL : Query.matching(where)).stream()
          .map(r -> r.get("title"))
          .toList();
    }
  }

  private static Map<String, Object> row(String title) {
    Map<String, Object> row = new HashMap<>();
    row.put("title", title);
    return row;
  }
}

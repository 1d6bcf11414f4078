package io.liaison.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LinkedTarget;
import io.liaison.Order;
import io.liaison.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowLayoutTest {

  @Test
  void aRowIsAnImmutableMapInTheLayoutsOrderThatAllowsNulls() {
    RowLayout layout = RowLayout.of(List.of("id", "title", "year"));
    Map<String, Object> row = layout.row(new Object[] {7L, null, 2001});
    Map<String, Object> same = new HashMap<>();
    same.put("id", 7L);
    same.put("title", null);
    same.put("year", 2001);

    assertThat(row).isEqualTo(same).hasSameHashCodeAs(same).hasSize(3);
    assertThat(same).isEqualTo(row);
    assertThat(new ArrayList<>(row.keySet())).containsExactly("id", "title", "year");
    assertThat(row.get(new String("year")))
        .as("found by equality, not only identity")
        .isEqualTo(2001);
    assertThat(row.containsKey("title")).isTrue();
    assertThat(row.get("title")).isNull();
    assertThat(row.containsKey("other")).isFalse();
    assertThat(row.get("other")).isNull();
    assertThat(row.getOrDefault("other", "none")).isEqualTo("none");
    assertThatThrownBy(() -> row.put("id", 8L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.remove("id")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.entrySet().iterator().next().setValue(8L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(row.get("id")).isEqualTo(7L);
  }

  @Test
  void aRowsValuesAreReachedByTheirLayoutsPositions() {
    RowLayout layout = RowLayout.of(List.of("id", "title", "year"));
    RowLayout.Row row = layout.row(new Object[] {7L, null, 2001});

    assertThat(row.layout()).isSameAs(layout);
    assertThat(layout.position("year")).isEqualTo(2);
    assertThat(row.value(layout.position("year"))).isEqualTo(2001);
    assertThat(row.value(layout.position("title"))).isNull();
    assertThat(layout.position("pages")).isEqualTo(-1);
    assertThat(layout.position(new String("title"))).isEqualTo(1);
  }

  @Test
  void aColumnReadsItsAttributeFromRowsOfAnyLayoutAndFromOtherMaps() {
    RowLayout.Column year = new RowLayout.Column("year");
    Map<String, Object> plain = new LinkedHashMap<>(Map.of("year", 1999));

    assertThat(year.of(RowLayout.of(List.of("id", "year")).row(new Object[] {1L, 2001})))
        .isEqualTo(2001);
    assertThat(year.of(RowLayout.of(List.of("year", "id")).row(new Object[] {2002, 2L})))
        .isEqualTo(2002);
    assertThat(year.of(RowLayout.of(List.of("id")).row(new Object[] {3L}))).isNull();
    assertThat(year.of(plain)).isEqualTo(1999);
  }

  @Test
  void wideLayoutsFindNamesThroughAnIndex() {
    List<String> names = new ArrayList<>();
    Object[] values = new Object[20];
    for (int i = 0; i < 20; i++) {
      names.add("a" + i);
      values[i] = i;
    }
    Map<String, Object> row = RowLayout.of(names).row(values);

    for (int i = 0; i < 20; i++) {
      assertThat(row.get("a" + i)).isEqualTo(i);
    }
    assertThat(row.get("a20")).isNull();
    assertThat(row.containsKey("a20")).isFalse();
  }

  @Test
  void badLayoutsAndRowsAreRefused() {
    assertThatThrownBy(() -> RowLayout.of(List.of("id", "id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> RowLayout.of(java.util.Arrays.asList("id", null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowLayout.of(List.of("id", "title")).row(new Object[] {1L}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 2 values");
  }

  @Test
  void linkedKeepsARowAndCopiesAnyOtherMap() {
    Map<String, Object> row = RowLayout.of(List.of("role")).row(new Object[] {"editor"});
    Map<String, Object> mutable = new LinkedHashMap<>(Map.of("role", "editor"));

    LinkedTarget<String> fromRow = new LinkedTarget<>("target", row, null);
    LinkedTarget<String> fromMap = new LinkedTarget<>("target", mutable, null);
    mutable.put("role", "author");

    assertThat(fromRow.through()).isSameAs(row);
    assertThat(fromMap.through()).isNotSameAs(mutable).containsEntry("role", "editor");
    assertThatThrownBy(() -> fromMap.through().put("role", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sortByIdOrdersIntegerIdsStably() {
    RowLayout layout = RowLayout.of(List.of("id"));
    List<TargetRow> rows = new ArrayList<>();
    for (long id : new long[] {30, 10, 20, 10}) {
      rows.add(new TargetRow("s" + rows.size(), layout.row(new Object[] {id}), Map.of(), null));
    }

    TargetRow.sortById(rows, "id");

    assertThat(rows).extracting(r -> r.target().get("id")).containsExactly(10L, 10L, 20L, 30L);
    assertThat(rows).extracting(TargetRow::source).containsExactly("s1", "s3", "s2", "s0");
    assertThat(TargetRow.sortableById(Long.class)).isTrue();
    assertThat(TargetRow.sortableById(Integer.class)).isTrue();
    assertThat(TargetRow.sortableById(String.class))
        .as("a database's collation orders text")
        .isFalse();
    assertThat(TargetRow.sortableById(Query.ALL, Long.class)).isTrue();
    assertThat(TargetRow.sortableById(Query.ALL.limit(3), Long.class))
        .as("paged in the store")
        .isFalse();
    assertThat(TargetRow.sortableById(Query.ALL.orderBy(Order.asc("title")), Long.class))
        .as("ordered by the query")
        .isFalse();
  }

  @Test
  void sortByIdHandlesNegativeAndHugeIdsAndManyRowsStably() {
    RowLayout layout = RowLayout.of(List.of("id"));
    // negative and near-maximal ids cannot be packed with a position: the other way must sort them
    // too
    for (long[] ids :
        new long[][] {{5, -3, Long.MAX_VALUE, -3, Long.MIN_VALUE, 0}, {1L << 50, 7, 1L << 50, 3}}) {
      List<TargetRow> rows = new ArrayList<>();
      for (long id : ids) {
        rows.add(new TargetRow(rows.size(), layout.row(new Object[] {id}), Map.of(), null));
      }
      List<TargetRow> expected = new ArrayList<>(rows);
      expected.sort(java.util.Comparator.comparingLong(r -> (Long) r.target().get("id")));

      TargetRow.sortById(rows, "id");

      assertThat(rows)
          .as("ids %s", java.util.Arrays.toString(ids))
          .containsExactlyElementsOf(expected);
    }
    // enough rows that positions take many bits; ids repeat, so stability shows
    List<TargetRow> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 5_000; i++) {
      rows.add(
          new TargetRow(i, layout.row(new Object[] {(long) random.nextInt(700)}), Map.of(), null));
    }
    List<TargetRow> expected = new ArrayList<>(rows);
    expected.sort(java.util.Comparator.comparingLong(r -> (Long) r.target().get("id")));

    TargetRow.sortById(rows, "id");

    assertThat(rows).containsExactlyElementsOf(expected);
  }
}

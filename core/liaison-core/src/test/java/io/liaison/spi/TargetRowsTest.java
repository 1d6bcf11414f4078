package io.liaison.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A read's rows kept in bulk: every row comes back whole, in order, across the buffer's arrays. */
class TargetRowsTest {
  private static final RowLayout TARGET = RowLayout.of(List.of("id", "title"));
  private static final RowLayout THROUGH = RowLayout.of(List.of("bookId", "articleId", "role"));

  /** Keeps what a visit hands over. */
  private static final class Recorder implements TargetRow.Visitor {
    final List<Integer> announced = new ArrayList<>();
    final List<TargetRow> rows = new ArrayList<>();

    @Override
    public void expect(int n) {
      announced.add(n);
    }

    @Override
    public void row(
        Object source, Map<String, Object> target, Map<String, Object> through, Object linkId) {
      rows.add(new TargetRow(source, target, through, linkId));
    }
  }

  /** Fills rows as an adapter does, and returns the same rows built one by one, to compare. */
  private static List<TargetRow> fill(TargetRows rows, long[] ids) {
    List<TargetRow> expected = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      Long source = (long) i % 7;
      Object linkId = i % 3 == 0 ? null : "link" + i;
      Object[] values = rows.add(source, linkId);
      int at = rows.at();
      values[at] = ids[i];
      values[at + 1] = "title" + ids[i];
      values[at + 2] = source;
      values[at + 3] = ids[i];
      values[at + 4] = i % 2 == 0 ? "editor" : null;
      expected.add(
          new TargetRow(
              source,
              TARGET.row(new Object[] {ids[i], "title" + ids[i]}),
              THROUGH.row(new Object[] {source, ids[i], i % 2 == 0 ? "editor" : null}),
              linkId));
    }
    return expected;
  }

  @Test
  void rowsComeBackInTheOrderTheyWereAddedAcrossEveryArray() {
    // 3,000 rows fill arrays of 16, 32, ... 512 rows, then three of 1,024: every boundary is
    // crossed
    long[] ids = new long[3_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 10_000 - i;
    }
    TargetRows rows = new TargetRows(TARGET, THROUGH);
    List<TargetRow> expected = fill(rows, ids);
    Recorder visited = new Recorder();

    rows.visit(visited);

    assertThat(rows.size()).isEqualTo(3_000);
    assertThat(visited.announced).containsExactly(3_000);
    assertThat(visited.rows).containsExactlyElementsOf(expected);
    assertThat(rows.list()).containsExactlyElementsOf(expected);
    assertThat(rows.targetValue(2_999, 0)).isEqualTo(ids[2_999]);
    assertThat(rows.targetValue(16, 1)).isEqualTo("title" + ids[16]);
    assertThatThrownBy(() -> visited.rows.get(0).through().put("role", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sortByIdOrdersTheRowsStablyWithoutMovingThem() {
    Random random = new Random(7);
    long[] ids = new long[2_500];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = random.nextInt(400);
    }
    TargetRows rows = new TargetRows(TARGET, THROUGH);
    List<TargetRow> expected = fill(rows, ids);
    expected.sort(Comparator.comparingLong(r -> (Long) r.target().get("id")));

    rows.sortById("id");

    assertThat(rows.list()).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> rows.sortById("pages"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pages");
  }

  @Test
  void anEmptyReadAnnouncesNoRows() {
    TargetRows rows = new TargetRows(TARGET, RowLayout.of(List.of()));
    Recorder visited = new Recorder();

    rows.visit(visited);

    assertThat(visited.announced).containsExactly(0);
    assertThat(visited.rows).isEmpty();
    assertThat(rows.list()).isEmpty();
  }

  @Test
  void aRowOverASliceHoldsOnlyItsSlice() {
    Object[] values = {"x", 7L, "seven", 2001, "y"};
    RowLayout layout = RowLayout.of(List.of("id", "title", "year"));

    RowLayout.Row row = layout.row(values, 1);

    assertThat(row)
        .hasSize(3)
        .containsEntry("id", 7L)
        .containsEntry("title", "seven")
        .containsEntry("year", 2001);
    assertThat(row).isEqualTo(Map.of("id", 7L, "title", "seven", "year", 2001));
    assertThat(new ArrayList<>(row.values())).containsExactly(7L, "seven", 2001);
    assertThat(row.value(layout.position("year"))).isEqualTo(2001);
    assertThat(new RowLayout.Column("title").of(row)).isEqualTo("seven");
    assertThatThrownBy(() -> layout.row(values, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from offset 3");
    assertThatThrownBy(() -> layout.row(values, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}

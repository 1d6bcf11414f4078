package io.liaison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.NamingStrategy;
import io.liaison.spi.RowLayout;
import io.liaison.spi.TargetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One instance per target within a read, whether the rows come in id order (no map kept) or not
 * (the map, from the first row out of order on).
 */
class TargetInstancesTest {

  static class Article {
    Long id;
    String title;
    int pages;
  }

  private static final ModelMeta META =
      SchemaResolver.resolve(Map.of(Article.class, "Article"), List.of(), NamingStrategy.SEQUELIZE)
          .models()
          .get(Article.class);

  private static final RowLayout LAYOUT = RowLayout.of(List.of("id", "title", "pages"));

  private static TargetRow row(Object source, long id) {
    return new TargetRow(
        source, LAYOUT.row(new Object[] {id, "t" + id, (int) id * 10}), Map.of(), null);
  }

  /** Reads every row, checking that each instance is of the row's target. */
  private static List<Article> read(List<TargetRow> rows, boolean inIdOrder) {
    TargetInstances<Article> instances = new TargetInstances<>(META, Article.class, inIdOrder);
    instances.expect(rows.size());
    List<Article> out = new ArrayList<>();
    for (TargetRow r : rows) {
      Article a = instances.of(r.target());
      assertThat(a.id).isEqualTo(r.target().get("id"));
      out.add(a);
    }
    return out;
  }

  /** Asserts that rows of equal ids got one instance and rows of different ids different ones. */
  private static void assertOneInstancePerId(List<TargetRow> rows, List<Article> read) {
    Map<Object, Article> first = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Article seen = first.putIfAbsent(rows.get(i).target().get("id"), read.get(i));
      if (seen != null) {
        assertThat(read.get(i)).as("row %d", i).isSameAs(seen);
      }
    }
    assertThat(read.stream().distinct().count()).isEqualTo(first.size());
  }

  @Test
  void rowsInIdOrderShareTheInstanceOfTheirTarget() {
    List<TargetRow> rows =
        List.of(row(1L, 3), row(2L, 3), row(1L, 5), row(1L, 8), row(2L, 8), row(3L, 8));

    List<Article> read = read(rows, true);

    assertOneInstancePerId(rows, read);
    assertThat(read.stream().distinct().count()).isEqualTo(3);
    assertThat(read.get(5).title).isEqualTo("t8");
    assertThat(read.get(5).pages).isEqualTo(80);
  }

  @Test
  void rowsThatLeaveIdOrderStillGetOneInstancePerTarget() {
    // a page per source: each source's rows in id order, the ids starting over at the next source,
    // with targets seen before the break, after it, and on both sides of it
    List<TargetRow> rows =
        List.of(
            row(1L, 2),
            row(1L, 4),
            row(1L, 4),
            row(1L, 9),
            row(2L, 4),
            row(2L, 7),
            row(2L, 9),
            row(3L, 2),
            row(3L, 7),
            row(3L, 11));

    List<Article> read = read(rows, true);

    assertOneInstancePerId(rows, read);
    assertThat(read.stream().distinct().count()).isEqualTo(5);
  }

  @Test
  void rowsNotExpectedInIdOrderAreMatchedByIdThroughout() {
    List<TargetRow> rows = List.of(row(1L, 9), row(1L, 2), row(2L, 9), row(2L, 2), row(3L, 5));

    List<Article> read = read(rows, false);

    assertOneInstancePerId(rows, read);
    assertThat(read.stream().distinct().count()).isEqualTo(3);
  }

  @Test
  void aReadNotAnnouncedBeforehandGetsTheSameInstances() {
    // an adapter that cannot know the number of rows says nothing (the Visitor's default)
    List<TargetRow> rows = List.of(row(1L, 3), row(2L, 3), row(1L, 5), row(2L, 1), row(3L, 5));
    for (boolean inIdOrder : new boolean[] {true, false}) {
      TargetInstances<Article> instances = new TargetInstances<>(META, Article.class, inIdOrder);
      List<Article> read = new ArrayList<>();
      for (TargetRow r : rows) {
        read.add(instances.of(r.target()));
      }

      assertOneInstancePerId(rows, read);
      assertThat(read.stream().distinct().count()).isEqualTo(3);
    }
  }

  @Test
  void rowsOfAnotherMapTypeAreReadByName() {
    Map<String, Object> plain = new HashMap<>();
    plain.put("id", 4L);
    plain.put("title", null);
    List<TargetRow> rows =
        List.of(new TargetRow(1L, plain, Map.of(), null), row(2L, 4), row(2L, 6));

    List<Article> read = read(rows, true);

    assertThat(read.get(0)).isSameAs(read.get(1));
    assertThat(read.get(0).title).isNull();
    assertThat(read.get(2).title).isEqualTo("t6");
  }
}

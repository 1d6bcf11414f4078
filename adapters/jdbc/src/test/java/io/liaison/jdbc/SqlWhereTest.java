package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.InvalidCallException;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlWhereTest {
  private static final Map<String, AttributeInfo> ATTRS =
      Map.of(
          "title", new AttributeInfo("title", "title", String.class, true, false, true),
          "year", new AttributeInfo("year", "year", Integer.class, true, false, true));

  private final List<Param> params = new ArrayList<>();

  private String compile(Where where) {
    return SqlWhere.compile(
        where,
        name -> {
          AttributeInfo a = ATTRS.get(name);
          if (a == null) {
            throw new InvalidCallException("Unknown attribute '" + name + "'");
          }
          return new SqlWhere.Column(Sql.col("t", a.column()), a);
        },
        params,
        PostgresDialect.INSTANCE);
  }

  @Test
  void everyValueIsAParameter() {
    String sql =
        compile(
            Where.eq("title", "a'b")
                .and(Where.gt("year", 2000L))
                .or(Where.not(Where.like("title", "x%"))));

    assertThat(sql).isEqualTo("((t.\"title\" = ? AND t.\"year\" > ?) OR NOT (t.\"title\" LIKE ?))");
    assertThat(params).extracting(Param::value).containsExactly("a'b", 2000, "x%");
  }

  @Test
  void inListsAreOneArrayParameter() {
    String sql =
        compile(
            Where.allOf(Where.in("year", List.of(1, 2, 3)), Where.notIn("title", List.of("a"))));

    assertThat(sql).isEqualTo("(t.\"year\" = ANY(?) AND NOT (t.\"title\" = ANY(?)))");
    assertThat(params).hasSize(2).allMatch(Param::array);
  }

  @Test
  void nullTestsAndEmptyJunctions() {
    assertThat(compile(Where.eq("title", null))).isEqualTo("t.\"title\" IS NULL");
    assertThat(compile(Where.ne("title", null))).isEqualTo("t.\"title\" IS NOT NULL");
    assertThat(compile(Where.anyOf())).isEqualTo("1 = 0");
    assertThat(compile(Where.allOf())).isEqualTo("1 = 1");
    assertThat(params).isEmpty();
  }

  @Test
  void unknownAttributesAndMistypedValuesAreInvalidCalls() {
    assertThatThrownBy(() -> compile(Where.eq("nope", 1)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> compile(Where.eq("year", "not a number")))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("year");
  }

  @Test
  void longConstraintNamesAreShortenedDeterministically() {
    String longTable = "T".repeat(60);
    String name = Sql.name("fk", longTable, "someColumn");
    assertThat(name)
        .hasSizeLessThanOrEqualTo(63)
        .isEqualTo(Sql.name("fk", longTable, "someColumn"))
        .isNotEqualTo(Sql.name("fk", longTable, "otherColumn"));
    assertThat(Sql.name("fk", "Book", "authorId")).isEqualTo("fk_Book_authorId");
  }
}

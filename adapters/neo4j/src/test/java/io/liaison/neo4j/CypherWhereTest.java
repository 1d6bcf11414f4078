package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.InvalidCallException;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CypherWhereTest {

  private static final CypherWhere.Props PROPS =
      name ->
          switch (name) {
            case "title" ->
                new CypherWhere.Prop(
                    "n.`title`",
                    new AttributeInfo("title", "title", String.class, true, false, true));
            case "year" ->
                new CypherWhere.Prop(
                    "n.`year`",
                    new AttributeInfo("year", "year", Integer.class, true, false, true));
            case "amount" ->
                new CypherWhere.Prop(
                    "n.`amount`",
                    new AttributeInfo("amount", "amount", BigDecimal.class, true, false, true));
            default -> throw new InvalidCallException("Unknown attribute '" + name + "'");
          };

  @Test
  void valuesBecomeParametersConvertedToStoreTypes() {
    Cypher.Params params = new Cypher.Params();

    String cypher =
        CypherWhere.compile(
            Where.eq("title", "x' OR 1=1 //")
                .and(Where.in("year", List.of(1990, 2003)))
                .or(Where.not(Where.isNull("year"))),
            PROPS,
            params);

    assertThat(cypher)
        .isEqualTo("((n.`title` = $p0 AND n.`year` IN $p1) OR NOT (n.`year` IS NULL))");
    assertThat(params.values())
        .containsEntry("p0", "x' OR 1=1 //")
        .containsEntry("p1", List.of(1990L, 2003L));
  }

  @Test
  void decimalsCompareNumericallyAndMatchExactly() {
    Cypher.Params params = new Cypher.Params();

    assertThat(CypherWhere.compile(Where.gt("amount", new BigDecimal("9.50")), PROPS, params))
        .isEqualTo("toFloat(n.`amount`) > toFloat($p0)");
    assertThat(CypherWhere.compile(Where.eq("amount", new BigDecimal("9.50")), PROPS, params))
        .isEqualTo("n.`amount` = $p1");
    assertThat(params.values()).containsEntry("p0", "9.5").containsEntry("p1", "9.5");
  }

  @Test
  void likeBecomesAQuotedRegularExpression() {
    assertThat(matches("Graph%", "Graph Theory")).isTrue();
    assertThat(matches("Graph%", "graph theory")).as("case-sensitive").isFalse();
    assertThat(matches("Se_uel", "Sequel")).isTrue();
    assertThat(matches("Se_uel", "Seqquel")).isFalse();
    assertThat(matches("%(2nd ed.)", "Data Modeling (2nd ed.)")).isTrue();
    assertThat(matches("%(2nd ed.)", "Data Modeling (2nd edX)")).isFalse();
    assertThat(matches("a.*b\\E[c]$", "a.*b\\E[c]$")).as("regex syntax is literal").isFalse();
    assertThat(matches("a.*b\\\\E[c]$", "a.*b\\E[c]$"))
        .as("a backslash escapes the next character")
        .isTrue();
    assertThat(matches("100\\%", "100%")).isTrue();
    assertThat(matches("100\\%", "1000")).isFalse();
    assertThat(matches("%two", "line one\nline two")).as("wildcards span lines").isTrue();
    assertThat(matches("_", "🚀")).as("one character, not one UTF-16 unit").isTrue();
  }

  @Test
  void unknownAttributesAreRefused() {
    assertThatThrownBy(() -> CypherWhere.compile(Where.eq("nope", 1), PROPS, new Cypher.Params()))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("nope");
  }

  /** Cypher's {@code =~} is Java's full match. */
  private static boolean matches(String like, String value) {
    return Pattern.compile(CypherWhere.likeToRegex(like)).matcher(value).matches();
  }
}

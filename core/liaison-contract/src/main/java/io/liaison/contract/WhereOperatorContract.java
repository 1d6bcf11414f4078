package io.liaison.contract;

import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Book;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cheat sheet rule 38: the range and text operators Sequelize users reach for ({@code Op.between},
 * {@code Op.notBetween}, {@code Op.iLike}, {@code Op.startsWith}, {@code Op.endsWith}, {@code
 * Op.substring}; v7's {@code abstract-dialect/where-sql-builder.ts}), with the same matches on
 * every store: iLike lower-cases both sides (non-ASCII letters included), and the text of
 * startsWith, endsWith and substring is literal, so {@code %}, {@code _} and escape characters in
 * it match only themselves.
 */
public abstract class WhereOperatorContract extends ContractGroup {

  private Liaison db;

  @BeforeEach
  void openLiaison() {
    db = liaison(Schema.builder().models(Book.class).build());
  }

  /** The titles {@code where} selects, sorted; {@code count} must agree with them. */
  private List<String> titles(Where where) {
    List<String> found =
        db.findAll(Book.class, Query.matching(where)).stream().map(b -> b.title).sorted().toList();
    assertThat(db.count(Book.class, where)).as("count of " + where).isEqualTo(found.size());
    return found;
  }

  private void years(Integer... years) {
    for (Integer year : years) {
      db.insert(book("Y" + year, year));
    }
  }

  @Test
  void betweenIncludesBothBoundsAndCoercesThemToTheAttributesType() {
    years(1990, 1995, 2003, 2010, null);

    assertThat(titles(Where.between("year", 1995L, 2010L)))
        .containsExactly("Y1995", "Y2003", "Y2010");
    assertThat(titles(Where.between("year", 1995, 1995))).containsExactly("Y1995");
    assertThat(titles(Where.between("year", 2010, 1995))).as("bounds in the wrong order").isEmpty();
    assertThat(titles(Where.between("title", "Y1991", "Y2003")))
        .as("text, in the store's order")
        .containsExactly("Y1995", "Y2003");
  }

  @Test
  void notBetweenSelectsValuesOutsideTheBoundsAndNeverANull() {
    years(1990, 1995, 2003, 2010, null);

    assertThat(titles(Where.notBetween("year", 1995, 2003))).containsExactly("Y1990", "Y2010");
    assertThat(titles(Where.not(Where.between("year", 1995, 2003))))
        .as("not of a comparison with null is unknown")
        .containsExactly("Y1990", "Y2010");
    assertThat(titles(Where.notBetween("year", 1995, 2003).or(Where.isNull("year"))))
        .containsExactly("Y1990", "Y2010", "Ynull");
  }

  @Test
  void iLikeMatchesWhateverTheCaseOfEitherSideIncludingNonAsciiLetters() {
    for (String title : List.of("Élan vital", "élan", "ÉLAN", "Elan", "Zoë", "ZOË", "zoe")) {
      db.insert(book(title, 1));
    }

    assertThat(titles(Where.iLike("title", "élan%"))).containsExactly("ÉLAN", "Élan vital", "élan");
    assertThat(titles(Where.iLike("title", "ÉLAN"))).containsExactly("ÉLAN", "élan");
    assertThat(titles(Where.iLike("title", "%VITAL"))).containsExactly("Élan vital");
    assertThat(titles(Where.iLike("title", "zo_"))).containsExactly("ZOË", "Zoë", "zoe");
    assertThat(titles(Where.iLike("title", "%Ë"))).containsExactly("ZOË", "Zoë");
    assertThat(titles(Where.like("title", "élan%")))
        .as("like stays case-sensitive")
        .containsExactly("élan");
    assertThat(titles(Where.not(Where.iLike("title", "%l%")))).containsExactly("ZOË", "Zoë", "zoe");
  }

  @Test
  void startsWithEndsWithAndSubstringMatchTheirTextLiterally() {
    List<String> all =
        List.of(
            "100% pure",
            "1000 pure",
            "a_b",
            "axb",
            "C:\\temp\\x",
            "C:Xtemp",
            "Hey!",
            "Hey",
            "50%_off!",
            "50x-off");
    for (String title : all) {
      db.insert(book(title, 1));
    }

    assertThat(titles(Where.startsWith("title", "100%"))).containsExactly("100% pure");
    assertThat(titles(Where.startsWith("title", "C:\\"))).containsExactly("C:\\temp\\x");
    assertThat(titles(Where.startsWith("title", "hey"))).as("case-sensitive").isEmpty();
    assertThat(titles(Where.startsWith("title", ""))).hasSize(all.size());
    assertThat(titles(Where.endsWith("title", "_b"))).containsExactly("a_b");
    assertThat(titles(Where.endsWith("title", "!"))).containsExactly("50%_off!", "Hey!");
    assertThat(titles(Where.endsWith("title", "\\x"))).containsExactly("C:\\temp\\x");
    assertThat(titles(Where.substring("title", "%_"))).containsExactly("50%_off!");
    assertThat(titles(Where.substring("title", "\\t"))).containsExactly("C:\\temp\\x");
    assertThat(titles(Where.substring("title", "0%"))).containsExactly("100% pure", "50%_off!");
    assertThat(titles(Where.substring("title", "!"))).containsExactly("50%_off!", "Hey!");
    assertThat(titles(Where.substring("title", "temp"))).containsExactly("C:Xtemp", "C:\\temp\\x");
    assertThat(
            titles(Where.not(Where.substring("title", "pure")).and(Where.startsWith("title", "1"))))
        .isEmpty();
  }

  @Test
  void aNullBoundOrTextIsRefusedNamingTheCallAndTheArgument() {
    assertThatThrownBy(() -> Where.between("year", null, 2000))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Where.between('year')")
        .hasMessageContaining("lo is null");
    assertThatThrownBy(() -> Where.notBetween("year", 1990, null))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Where.notBetween('year')")
        .hasMessageContaining("hi is null");
    assertThatThrownBy(() -> Where.iLike("title", null))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Where.iLike('title')")
        .hasMessageContaining("pattern is null");
    for (var call :
        List.<Runnable>of(
            () -> Where.startsWith("title", null),
            () -> Where.endsWith("title", null),
            () -> Where.substring("title", null))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(InvalidCallException.class)
          .hasMessageContaining("('title')")
          .hasMessageContaining("text is null");
    }
  }

  @Test
  void boundsThatAreNotOfTheAttributesTypeAreRefusedBeforeTheStoreIsAsked() {
    years(2000);

    assertThatThrownBy(() -> db.findAll(Book.class, Query.matching(Where.between("year", "a", 5))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Book.year");
    assertThatThrownBy(
            () -> db.count(Book.class, new Where.Compare("year", Where.Op.BETWEEN, List.of(1990))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("two non-null bounds");
    assertThatThrownBy(
            () -> db.count(Book.class, new Where.Compare("title", Where.Op.STARTS_WITH, 5)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("STARTS_WITH needs a String");
    assertThat(titles(Where.between("year", 2000L, 2000L))).containsExactly("Y2000");
  }
}

package io.liaison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.internal.RequiredKeyCycles.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which sets of required foreign keys make models that can never hold a row, and what is said about
 * them.
 */
class RequiredKeyCyclesTest {

  @Test
  void aChainOfRequiredKeysIsFine() {
    assertThat(
            RequiredKeyCycles.find(
                List.of(
                    new Key("Book", "authorId", "Author"),
                    new Key("Chapter", "bookId", "Book"),
                    new Key("Note", "chapterId", "Chapter"),
                    new Key("Note", "bookId", "Book"))))
        .isEmpty();
  }

  @Test
  void twoModelsRequiringEachOtherAreOneProblemNamingBothKeys() {
    List<String> problems =
        RequiredKeyCycles.find(
            List.of(
                new Key("Book", "authorId", "Author"), new Key("Author", "favouriteId", "Book")));

    assertThat(problems)
        .singleElement()
        .asString()
        .contains(
            "Book", "Author", "Book.authorId -> Author", "Author.favouriteId -> Book", "nullable");
  }

  @Test
  void aKeyToItselfIsACycle() {
    assertThat(RequiredKeyCycles.find(List.of(new Key("Person", "parentId", "Person"))))
        .singleElement()
        .asString()
        .contains("Person.parentId -> Person", "itself");
  }

  @Test
  void eachSeparateCycleIsItsOwnProblemAndKeysLeadingIntoACycleAreNotNamed() {
    List<String> problems =
        RequiredKeyCycles.find(
            List.of(
                new Key("A", "bId", "B"),
                new Key("B", "cId", "C"),
                new Key("C", "aId", "A"),
                new Key("D", "aId", "A"),
                new Key("E", "fId", "F"),
                new Key("F", "eId", "E")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .contains("A.bId -> B", "B.cId -> C", "C.aId -> A")
        .doesNotContain("D.aId");
    assertThat(problems.get(1)).contains("E.fId -> F", "F.eId -> E");
  }
}

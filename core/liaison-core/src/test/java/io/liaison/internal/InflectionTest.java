package io.liaison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms Sequelize's default aliases and keys take for common model names. */
class InflectionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "book, books",
    "Book, Books",
    "person, people",
    "Person, People",
    "child, children",
    "man, men",
    "woman, women",
    "mouse, mice",
    "category, categories",
    "city, cities",
    "day, days",
    "status, statuses",
    "address, addresses",
    "box, boxes",
    "bus, buses",
    "church, churches",
    "wife, wives",
    "leaf, leaves",
    "quiz, quizzes",
    "analysis, analyses",
    "equipment, equipment",
    "information, information",
    "news, news",
    "sheep, sheep",
    "salesPerson, salesPeople",
    "bookArticle, bookArticles",
    "BlogPost, BlogPosts",
    "Books, Books",
    "People, People",
  })
  void plural(String singular, String plural) {
    assertThat(Inflection.plural(singular)).isEqualTo(plural);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "books, book",
    "Books, Book",
    "people, person",
    "People, Person",
    "children, child",
    "Children, Child",
    "men, man",
    "mice, mouse",
    "categories, category",
    "statuses, status",
    "addresses, address",
    "boxes, box",
    "wives, wife",
    "analyses, analysis",
    "equipment, equipment",
    "news, news",
    "salesPeople, salesPerson",
    "bookArticles, bookArticle",
    "book, book",
    "Person, Person",
    "status, status",
    "address, address",
    "class, class",
  })
  void singular(String plural, String singular) {
    assertThat(Inflection.singular(plural)).isEqualTo(singular);
  }

  @Test
  void singularOfThePluralIsTheWord() {
    for (String word :
        new String[] {
          "book", "article", "person", "child", "tag", "tagging", "category", "status", "author"
        }) {
      assertThat(Inflection.singular(Inflection.plural(word))).as(word).isEqualTo(word);
    }
  }

  @Test
  void emptyStaysEmpty() {
    assertThat(Inflection.plural("")).isEmpty();
    assertThat(Inflection.singular("")).isEmpty();
  }
}

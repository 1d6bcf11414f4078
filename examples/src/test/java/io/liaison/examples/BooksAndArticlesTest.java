package io.liaison.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BooksAndArticlesTest {

  @Test
  void mainPrintsTheLinksWithTheirThroughAttributesOnTheEmbeddedDefault() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      BooksAndArticles.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(out).contains(
        "Articles of 'Graphs in Practice':\n"
            + "  Why graphs [role=editor, position=1]\n"
            + "  Cypher for SQL users [role=author, position=2]\n"
            + "  Joins without fear [role=reviewer, position=3]\n");
    assertThat(out).contains(
        "Books containing 'Joins without fear':\n"
            + "  Graphs in Practice [role=reviewer]\n"
            + "  SQL at Scale [role=author]\n");
    assertThat(out).contains("Editor links of 'Graphs in Practice': 1");
    assertThat(out).contains("After set, articles of 'Graphs in Practice': [Joins without fear, Why graphs]");
    assertThat(out).contains("Author of 'SQL at Scale': Ada");
    assertThat(out).contains("Books by Ada: 2");
  }
}

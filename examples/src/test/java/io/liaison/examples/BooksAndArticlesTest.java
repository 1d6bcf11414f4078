package io.liaison.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples' main program, on the embedded default and with only the store module swapped. */
class BooksAndArticlesTest {

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      BooksAndArticles.main(args);
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static String onDefault;

  /** The default run, made once: starting embedded Neo4j is the slow part. */
  private static synchronized String onDefault() throws Exception {
    if (onDefault == null) {
      onDefault = run();
    }
    return onDefault;
  }

  /** What the tour prints after its first line, whatever the store. */
  private static String tour(String out) {
    return out.substring(out.indexOf('\n') + 1);
  }

  @Test
  void mainPrintsTheLinksWithTheirThroughAttributesOnEmbeddedNeo4jByDefault() throws Exception {
    String out = onDefault();
    assertThat(out).startsWith("Liaison on embedded Neo4j");
    assertThat(out)
        .contains(
            "Articles of 'Graphs in Practice':\n"
                + "  Why graphs [role=editor, position=1]\n"
                + "  Cypher for SQL users [role=author, position=2]\n"
                + "  Joins without fear [role=reviewer, position=3]\n");
    assertThat(out)
        .contains(
            "Books containing 'Joins without fear':\n"
                + "  Graphs in Practice [role=reviewer]\n"
                + "  SQL at Scale [role=author]\n");
    assertThat(out).contains("Editor links of 'Graphs in Practice': 1");
    assertThat(out)
        .contains("After set, articles of 'Graphs in Practice': [Joins without fear, Why graphs]");
    assertThat(out).contains("Author of 'SQL at Scale': Ada");
    assertThat(out).contains("Books by Ada: 2");
    assertThat(out)
        .contains(
            "Eager-loaded Ada:\n"
                + "  Graphs in Practice: [Joins without fear (reviewer), Why graphs (editor)]\n"
                + "  SQL at Scale: [Joins without fear (author)]");
    assertThat(out).contains("Books with an editor: 1");
  }

  @Test
  void swappingOnlyTheStoreModuleToH2PrintsTheSameTour() throws Exception {
    String onH2 = run("--store=h2");
    assertThat(onH2).startsWith("Liaison on H2");
    assertThat(tour(onH2)).isEqualTo(tour(onDefault()));
  }
}

package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.NewLink;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.spi.Capability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parallel links ({@code through(..).unique(false)}, cheat sheet rule 8) where one call names a
 * target more than once: every occurrence is a link of its own, with its own id and its own through
 * attributes, in {@code addAll} and in {@code set} alike (a unique association would fold them into
 * one, rule 7); and a filtered {@code count} counts links, not distinct targets, as {@code get} and
 * {@code links} list one entry per link. Each test keeps a second book with links of its own, and
 * reads what the store holds through the provider's {@link StoreProbe} where it has one.
 */
public abstract class ParallelLinksContract extends ContractGroup {

  static final BelongsToMany<Book, Article> PARALLEL =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .unique(false);

  private Schema schema;
  private Liaison db;

  private void open() {
    schema = Schema.builder().models(Book.class, Article.class).association(PARALLEL).build();
    db = liaison(schema);
  }

  // ---------------------------------------------------------------- one target twice in one call

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void addAllWithOneTargetTwiceMakesTwoLinksEachWithItsOwnId() {
    open();
    Book book = book("Graphs");
    Book other = book("Tables");
    Article a = article("Nodes");
    Article b = article("Edges");
    db.on(other, PARALLEL).add(a);

    db.on(book, PARALLEL).addAll(List.of(a, b, a), Map.of("role", "editor"));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL).linkedTargets();
    assertThat(links).extracting(l -> l.target().id).containsExactlyInAnyOrder(a.id, a.id, b.id);
    assertThat(links).extracting(LinkedTarget::linkId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(links).allSatisfy(l -> assertThat(l.through("role")).isEqualTo("editor"));
    assertThat(db.on(book, PARALLEL).count()).isEqualTo(3);
    assertThat(db.on(other, PARALLEL).count()).isEqualTo(1);
    assertStoredAsRead(book, other);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void addAllOfLinksWithOneTargetTwiceGivesEachLinkItsOwnAttributes() {
    open();
    Book book = book("Graphs");
    Book other = book("Tables");
    Article a = article("Nodes");
    db.on(other, PARALLEL).add(a, Map.of("role", "author", "position", 9));

    db.on(book, PARALLEL)
        .addAll(
            List.of(
                NewLink.to(a, Map.of("role", "editor", "position", 1)),
                NewLink.to(a.id, Map.of("role", "reviewer", "position", 2))));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL).linkedTargets();
    assertThat(links).hasSize(2).allSatisfy(l -> assertThat(l.target().id).isEqualTo(a.id));
    assertThat(links).extracting(LinkedTarget::linkId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(links)
        .extracting(l -> l.through("role") + ":" + l.through("position"))
        .containsExactlyInAnyOrder("editor:1", "reviewer:2");
    assertThat(db.on(other, PARALLEL).linkedTargets())
        .extracting(l -> l.through("role"))
        .containsExactly("author");
    assertStoredAsRead(book, other);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void setWithOneTargetTwiceMakesTwoLinksEachWithItsOwnId() {
    open();
    Book book = book("Graphs");
    Book other = book("Tables");
    Article a = article("Nodes");
    Article gone = article("Rows");
    db.on(book, PARALLEL).add(gone);
    db.on(other, PARALLEL).add(a);

    db.on(book, PARALLEL).set(List.of(a, a), Map.of("role", "editor"));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL).linkedTargets();
    assertThat(links)
        .hasSize(2)
        .allSatisfy(
            l -> {
              assertThat(l.target().id).isEqualTo(a.id);
              assertThat(l.through("role")).isEqualTo("editor");
            });
    assertThat(links).extracting(LinkedTarget::linkId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(db.on(other, PARALLEL).count()).isEqualTo(1);
    assertStoredAsRead(book, other);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void setAllOfLinksWithOneTargetTwiceGivesEachLinkItsOwnAttributes() {
    open();
    Book book = book("Graphs");
    Book other = book("Tables");
    Article a = article("Nodes");
    Article b = article("Edges");
    db.on(book, PARALLEL).add(b, Map.of("role", "author"));
    db.on(other, PARALLEL).add(a, Map.of("role", "author"));

    db.on(book, PARALLEL)
        .setAll(
            List.of(
                NewLink.to(a, Map.of("role", "editor", "position", 1)),
                NewLink.to(a, Map.of("role", "reviewer", "position", 2))));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL).linkedTargets();
    assertThat(links)
        .extracting(l -> l.target().id + " " + l.through("role") + ":" + l.through("position"))
        .containsExactlyInAnyOrder(a.id + " editor:1", a.id + " reviewer:2");
    assertThat(links).extracting(LinkedTarget::linkId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(db.on(other, PARALLEL).linkedTargets())
        .extracting(l -> l.through("role"))
        .containsExactly("author");
    assertStoredAsRead(book, other);
  }

  /**
   * On parallel links {@code set} replaces all of the source's links (the SPI's {@code replace}): a
   * target that stays is linked once per occurrence in the call, by new links with the attributes
   * given now, and its earlier links (their ids, their attributes) are gone. Its link ids are not
   * kept, since nothing in the call says which earlier link an occurrence would be.
   */
  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void setOfATargetThatStaysReplacesItsParallelLinksByOnePerOccurrence() {
    open();
    Book book = book("Graphs");
    Article a = article("Nodes");
    db.on(book, PARALLEL).add(a, Map.of("role", "author", "position", 1));
    db.on(book, PARALLEL).add(a, Map.of("role", "author", "position", 2));
    List<Object> before =
        db.on(book, PARALLEL).linkedTargets().stream().map(LinkedTarget::linkId).toList();

    db.on(book, PARALLEL).setAll(List.of(NewLink.to(a, Map.of("role", "editor"))));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL).linkedTargets();
    assertThat(links)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.target().id).isEqualTo(a.id);
              assertThat(l.through("role")).isEqualTo("editor");
              assertThat(l.through("position")).isNull();
              assertThat(l.linkId()).isNotNull().isNotIn(before);
            });
    assertStoredAsRead(book);
  }

  // ---------------------------------------------------------------- filtered count counts links

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void countWithATargetFilterCountsParallelLinksNotTargets() {
    open();
    Book book = book("Graphs");
    Book other = book("Tables");
    Article walks = article("Graph walks");
    Article cuts = article("Graph cuts");
    Article rows = article("Rows");
    db.on(book, PARALLEL).addAll(List.of(walks, walks, cuts, rows, rows));
    db.on(other, PARALLEL).addAll(List.of(walks, cuts));
    Query graphs = Query.matching(Where.like("title", "Graph%"));

    assertThat(db.on(book, PARALLEL).count(graphs)).as("links to matching targets").isEqualTo(3);
    assertThat(db.on(book, PARALLEL).get(graphs)).hasSize(3);
    assertThat(db.on(book, PARALLEL).count(Query.matching(Where.eq("title", "Rows")))).isEqualTo(2);
    assertThat(db.on(other, PARALLEL).count(graphs)).isEqualTo(2);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void countWithAThroughFilterCountsParallelLinksNotTargets() {
    open();
    Book book = book("Graphs");
    Book other = book("Tables");
    Article a = article("Nodes");
    Article b = article("Edges");
    db.on(book, PARALLEL).add(a, Map.of("role", "editor", "position", 1));
    db.on(book, PARALLEL).add(a, Map.of("role", "editor", "position", 2));
    db.on(book, PARALLEL).add(a, Map.of("role", "reviewer"));
    db.on(book, PARALLEL).add(b, Map.of("role", "editor"));
    db.on(other, PARALLEL).add(a, Map.of("role", "editor"));
    Query editors = Query.all().through(Where.eq("role", "editor"));

    assertThat(db.on(book, PARALLEL).count(editors)).as("editor links").isEqualTo(3);
    assertThat(db.on(book, PARALLEL).get(editors)).hasSize(3);
    assertThat(
            db.on(book, PARALLEL)
                .count(
                    Query.matching(Where.eq("title", "Nodes")).through(Where.eq("role", "editor"))))
        .as("editor links to Nodes")
        .isEqualTo(2);
    assertThat(db.on(other, PARALLEL).count(editors)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * What the store holds for these books (read natively, when the provider can) is what the API
   * reads: the same links, one stored row or relationship per link, with the same ids and
   * attributes.
   */
  private void assertStoredAsRead(Book... books) {
    if (provider().probe().isEmpty()) {
      return;
    }
    List<StoredLink> stored = storedLinks(schema, PARALLEL);
    for (Book book : books) {
      List<String> read =
          db.on(book, PARALLEL).linkedTargets().stream()
              .map(
                  l ->
                      new StoredLink(book.id, l.target().id, l.linkId(), payload(l))
                          .normalized()
                          .toString())
              .toList();
      assertThat(
              stored.stream()
                  .filter(s -> s.principal().equals(book.id))
                  .map(StoredLink::toString)
                  .toList())
          .as("links of book %s as stored", book.id)
          .containsExactlyInAnyOrderElementsOf(read);
    }
  }

  /**
   * The through attributes proper of a link read through the API (neither a key nor the link id).
   */
  private static Map<String, Object> payload(LinkedTarget<Article> link) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("role", link.through("role"));
    p.put("position", link.through("position"));
    return p;
  }

  private Book book(String title) {
    Book b = new Book();
    b.title = title;
    b.year = 2000;
    return db.insert(b);
  }

  private Article article(String title) {
    Article a = new Article();
    a.title = title;
    return db.insert(a);
  }
}

package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.BookCitations;
import io.liaison.contract.fixtures.BookReviews;
import io.liaison.contract.fixtures.Friendship;
import io.liaison.contract.fixtures.Publisher;
import io.liaison.contract.fixtures.User;
import io.liaison.spi.Capability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * belongsToMany ({@code Book.belongsToMany(Article, {through: BookArticles})}): the plural mixins,
 * through attributes (cheat sheet rules 7, 9, 14), both sides of the pair (rule 15), the options,
 * parallel links and removing one by its id (rules 8, 30) and batches (rule 16).
 *
 * <p>Every test builds its own schema. Results are compared as sets unless the test passes an
 * {@link Order}, since no store promises an order of its own. Tests that read through one source
 * keep a second source with links of its own, so a store that ignores the source cannot pass.
 */
public abstract class BelongsToManyContract extends ContractGroup {

  /** The default declaration: keys {@code bookId} and {@code articleId}, alias {@code articles}. */
  private static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /** Rule 16 asks for a constant; this is how small the constant must be. */
  private static final int MAX_BATCH_ROUND_TRIPS = 8;

  // ---------------------------------------------------------------- get

  @Test
  void getReturnsEveryLinkedTargetOfThisSourceOnly() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Rows");
    db.on(book, ARTICLES).addAll(List.of(a, b));
    db.on(other, ARTICLES).addAll(List.of(b, c));

    List<Article> got = db.on(book, ARTICLES).get();

    assertThat(ids(got)).containsExactlyInAnyOrder(a.id, b.id);
    assertThat(got).extracting(x -> x.title).containsExactlyInAnyOrder("Nodes", "Edges");
  }

  @Test
  void getWithWhereFiltersOnTargetAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Graph walks");
    Article b = article(db, "Graph cuts");
    Article c = article(db, "Table scans");
    Article d = article(db, "Graph colouring");
    db.on(book, ARTICLES).addAll(List.of(a, b, c));
    db.on(book(db, "Other"), ARTICLES).add(d);

    List<Article> got = db.on(book, ARTICLES).get(Query.matching(Where.like("title", "Graph%")));

    assertThat(ids(got)).containsExactlyInAnyOrder(a.id, b.id);
  }

  @Test
  void getWithThroughWhereFiltersOnTheAttributesOfThisSourcesLinks() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, ARTICLES).add(b, Map.of("role", "reviewer"));
    db.on(book, ARTICLES).add(c, Map.of("role", "editor"));
    // b is an editor's article elsewhere: only this book's link may count.
    db.on(other, ARTICLES).add(b, Map.of("role", "editor"));

    List<Article> got = db.on(book, ARTICLES).get(Query.all().through(Where.eq("role", "editor")));

    assertThat(ids(got)).containsExactlyInAnyOrder(a.id, c.id);
  }

  @Test
  void getOrdersByATargetAttribute() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article b = article(db, "B");
    Article c = article(db, "C");
    Article a = article(db, "A");
    db.on(book, ARTICLES).addAll(List.of(c, a, b));

    List<Article> ascending = db.on(book, ARTICLES).get(Query.all().orderBy(Order.asc("title")));
    List<Article> descending = db.on(book, ARTICLES).get(Query.all().orderBy(Order.desc("title")));

    assertThat(ids(ascending)).containsExactly(a.id, b.id, c.id);
    assertThat(ids(descending)).containsExactly(c.id, b.id, a.id);
  }

  @Test
  void getOrdersByAThroughAttribute() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "A");
    Article b = article(db, "B");
    Article c = article(db, "C");
    db.on(book, ARTICLES).add(a, Map.of("position", 3));
    db.on(book, ARTICLES).add(b, Map.of("position", 1));
    db.on(book, ARTICLES).add(c, Map.of("position", 2));

    List<Article> ascending =
        db.on(book, ARTICLES).get(Query.all().orderBy(Order.through("position", true)));
    List<Article> descending =
        db.on(book, ARTICLES).get(Query.all().orderBy(Order.through("position", false)));

    assertThat(ids(ascending)).containsExactly(b.id, c.id, a.id);
    assertThat(ids(descending)).containsExactly(a.id, c.id, b.id);
  }

  @Test
  void getPagesWithLimitAndOffsetAfterOrdering() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article d = article(db, "D");
    Article b = article(db, "B");
    Article a = article(db, "A");
    Article c = article(db, "C");
    db.on(book, ARTICLES).addAll(List.of(a, b, c, d));
    db.on(book(db, "Other"), ARTICLES).add(article(db, "AA"));

    List<Article> page =
        db.on(book, ARTICLES).get(Query.all().orderBy(Order.asc("title")).offset(1).limit(2));

    assertThat(ids(page)).containsExactly(b.id, c.id);
  }

  @Test
  void getOfASourceWithoutLinksIsEmpty() {
    Liaison db = booksAndArticles();
    Book lonely = book(db, "Lonely");
    db.on(book(db, "Busy"), ARTICLES).add(article(db, "Nodes"));

    assertThat(db.on(lonely, ARTICLES).get()).isEmpty();
    assertThat(db.on(lonely, ARTICLES).linkedTargets()).isEmpty();
  }

  // ---------------------------------------------------------------- links (rule 14)

  @Test
  void linksCarryTheTargetItsThroughAttributesAndBothKeys() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 1));
    db.on(book(db, "Other"), ARTICLES)
        .add(article(db, "Rows"), Map.of("role", "author", "position", 9));

    List<LinkedTarget<Article>> links = db.on(book, ARTICLES).linkedTargets();

    assertThat(links).hasSize(1);
    assertThat(links.get(0).target().id).isEqualTo(a.id);
    assertThat(links.get(0).target().title).isEqualTo("Nodes");
    assertThat(links.get(0).through())
        .isEqualTo(Map.of("bookId", book.id, "articleId", a.id, "role", "editor", "position", 1));
  }

  // ---------------------------------------------------------------- add

  @Test
  void addWithAThroughMapStoresItsAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 2));

    Map<String, Object> through = throughs(db.on(book, ARTICLES).linkedTargets()).get(a.id);
    assertThat(through).containsEntry("role", "editor").containsEntry("position", 2);
  }

  @Test
  void addWithAThroughMapConvertsItsValuesToTheAttributeTypes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 2L));

    Map<String, Object> through = throughs(db.on(book, ARTICLES).linkedTargets()).get(a.id);
    assertThat(through.get("position")).isEqualTo(2);
  }

  @Test
  void addWithAThroughModelInstanceStoresItsAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(book, ARTICLES).add(a, bookArticles("reviewer", 4));

    Map<String, Object> through = throughs(db.on(book, ARTICLES).linkedTargets()).get(a.id);
    assertThat(through).containsEntry("role", "reviewer").containsEntry("position", 4);
  }

  @Test
  void addOfAnExistingLinkUpdatesTheGivenThroughAttributesAndKeepsTheOthers() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 1));

    db.on(book, ARTICLES).add(a, Map.of("position", 2));

    List<LinkedTarget<Article>> links = db.on(book, ARTICLES).linkedTargets();
    assertThat(links).hasSize(1);
    assertThat(links.get(0).through()).containsEntry("role", "editor").containsEntry("position", 2);
  }

  @Test
  void addOfAnExistingLinkWithoutAttributesChangesNothing() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 1));
    List<LinkedTarget<Article>> before = db.on(book, ARTICLES).linkedTargets();

    db.on(book, ARTICLES).add(a);

    List<LinkedTarget<Article>> after = db.on(book, ARTICLES).linkedTargets();
    assertThat(after).hasSize(1);
    assertThat(after.get(0).through()).isEqualTo(before.get(0).through());
  }

  @Test
  void addAllGivesEveryLinkTheSharedThroughAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");

    db.on(book, ARTICLES).addAll(List.of(a, b), Map.of("role", "editor"));

    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(throughs).containsOnlyKeys(a.id, b.id);
    assertThat(throughs.values()).allSatisfy(t -> assertThat(t).containsEntry("role", "editor"));
  }

  @Test
  void addAllOfLinksGivesEachLinkItsOwnThroughAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");

    db.on(book, ARTICLES)
        .addAll(
            List.of(
                NewLink.to(a, Map.of("role", "editor", "position", 1)),
                NewLink.to(b, bookArticles("reviewer", 2))));

    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(throughs).containsOnlyKeys(a.id, b.id);
    assertThat(throughs.get(a.id)).containsEntry("role", "editor").containsEntry("position", 1);
    assertThat(throughs.get(b.id)).containsEntry("role", "reviewer").containsEntry("position", 2);
  }

  @Test
  void addAllWithOneTargetTwiceMakesOneLinkWithTheLastAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(book, ARTICLES)
        .addAll(
            List.of(
                NewLink.to(a, Map.of("role", "editor")),
                NewLink.to(a.id, Map.of("role", "reviewer"))));

    List<LinkedTarget<Article>> links = db.on(book, ARTICLES).linkedTargets();
    assertThat(links).hasSize(1);
    assertThat(links.get(0).through()).containsEntry("role", "reviewer");
  }

  @Test
  void addAllGivingEveryAttributeWithOneTargetTwiceKeepsTheLastAttributes() {
    // every through attribute given on every link: the form a store may write as one statement
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article nodes = article(db, "Nodes");
    Article edges = article(db, "Edges");
    db.on(book, ARTICLES).add(edges, Map.of("role", "author", "position", 9));

    db.on(book, ARTICLES)
        .addAll(
            List.of(
                NewLink.to(nodes, Map.of("role", "editor", "position", 1)),
                NewLink.to(edges, Map.of("role", "editor", "position", 2)),
                NewLink.to(nodes.id, Map.of("role", "reviewer", "position", 3))));

    Map<Object, Map<String, Object>> byTarget = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(byTarget).containsOnlyKeys(nodes.id, edges.id);
    assertThat(byTarget.get(nodes.id))
        .containsEntry("role", "reviewer")
        .containsEntry("position", 3);
    assertThat(byTarget.get(edges.id)).containsEntry("role", "editor").containsEntry("position", 2);
  }

  @Test
  void addTakesIdsForSourceAndTarget() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    article(db, "Edges");

    db.on(book.id, ARTICLES).add(a.id, Map.of("role", "editor"));

    List<LinkedTarget<Article>> links = db.on(book, ARTICLES).linkedTargets();
    assertThat(links).hasSize(1);
    assertThat(links.get(0).target().id).isEqualTo(a.id);
    assertThat(links.get(0).target().title).isEqualTo("Nodes");
    assertThat(links.get(0).through()).containsEntry("role", "editor");
  }

  @Test
  void addAllTakesEntitiesAndIdsMixed() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    article(db, "Rows");

    db.on(book, ARTICLES).addAll(List.of(a, b.id));

    assertThat(ids(db.on(book, ARTICLES).get())).containsExactlyInAnyOrder(a.id, b.id);
  }

  // ---------------------------------------------------------------- set (rule 9)

  @Test
  void setReplacesTheLinkedTargets() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).addAll(List.of(a, b));

    db.on(book, ARTICLES).set(List.of(b, c));

    assertThat(ids(db.on(book, ARTICLES).get())).containsExactlyInAnyOrder(b.id, c.id);
  }

  @Test
  void setKeepsTheThroughAttributesOfLinksThatStay() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 1));
    db.on(book, ARTICLES).add(b, Map.of("role", "reviewer", "position", 2));

    db.on(book, ARTICLES).set(List.of(a, c));

    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(throughs).containsOnlyKeys(a.id, c.id);
    assertThat(throughs.get(a.id)).containsEntry("role", "editor").containsEntry("position", 1);
  }

  @Test
  void setWithAttributesOverwritesThoseOfLinksThatStay() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, ARTICLES).add(b, Map.of("role", "reviewer"));

    db.on(book, ARTICLES).set(List.of(a, c), Map.of("role", "author"));

    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(throughs).containsOnlyKeys(a.id, c.id);
    assertThat(throughs.get(a.id)).containsEntry("role", "author");
    assertThat(throughs.get(c.id)).containsEntry("role", "author");
  }

  @Test
  void setAllGivesEachLinkItsOwnThroughAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, ARTICLES).add(b, Map.of("role", "reviewer"));

    db.on(book, ARTICLES)
        .setAll(
            List.of(
                NewLink.to(a, Map.of("role", "author")), NewLink.to(c, Map.of("role", "editor"))));

    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(throughs).containsOnlyKeys(a.id, c.id);
    assertThat(throughs.get(a.id)).containsEntry("role", "author");
    assertThat(throughs.get(c.id)).containsEntry("role", "editor");
  }

  @Test
  void setNullClearsTheLinksAndKeepsTheTargets() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, ARTICLES).addAll(List.of(a, b));
    db.on(other, ARTICLES).add(a);

    db.on(book, ARTICLES).set(null);

    assertThat(db.on(book, ARTICLES).get()).isEmpty();
    assertThat(ids(db.findAll(Article.class))).containsExactlyInAnyOrder(a.id, b.id);
    assertThat(ids(db.on(other, ARTICLES).get())).containsExactly(a.id);
  }

  @Test
  void setEmptyClearsTheLinksAndKeepsTheTargets() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, ARTICLES).addAll(List.of(a, b));
    db.on(other, ARTICLES).add(a);

    db.on(book, ARTICLES).set(List.of());

    assertThat(db.on(book, ARTICLES).get()).isEmpty();
    assertThat(ids(db.findAll(Article.class))).containsExactlyInAnyOrder(a.id, b.id);
    assertThat(ids(db.on(other, ARTICLES).get())).containsExactly(a.id);
  }

  @Test
  void setToTheLinkedTargetsChangesNothing() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 1));
    db.on(book, ARTICLES).add(b, Map.of("role", "reviewer", "position", 2));
    Map<Object, Map<String, Object>> before = throughs(db.on(book, ARTICLES).linkedTargets());

    db.on(book, ARTICLES).set(List.of(a, b));

    assertThat(throughs(db.on(book, ARTICLES).linkedTargets())).isEqualTo(before);
  }

  // ---------------------------------------------------------------- create (rule 11)

  @Test
  void createInsertsTheTargetAndItsLinkWithThroughAttributes() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");

    Article created = db.on(book, ARTICLES).create(newArticle("Fresh"), Map.of("role", "author"));

    assertThat(created.id).isNotNull();
    assertThat(db.find(Article.class, created.id))
        .hasValueSatisfying(a -> assertThat(a.title).isEqualTo("Fresh"));
    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, ARTICLES).linkedTargets());
    assertThat(throughs).containsOnlyKeys(created.id);
    assertThat(throughs.get(created.id)).containsEntry("role", "author");
  }

  @Test
  void createWithAnUnknownThroughAttributeWritesNothing() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article kept = article(db, "Nodes");
    db.on(book, ARTICLES).add(kept);

    assertThatThrownBy(
            () -> db.on(book, ARTICLES).create(newArticle("Fresh"), Map.of("noSuchAttribute", 1)))
        .isInstanceOf(InvalidCallException.class);

    assertThat(ids(db.findAll(Article.class))).containsExactly(kept.id);
    assertThat(ids(db.on(book, ARTICLES).get())).containsExactly(kept.id);
  }

  // ---------------------------------------------------------------- remove (rule 12)

  @Test
  void removeUnlinksOnlyTheGivenTarget() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).addAll(List.of(a, b, c));
    db.on(other, ARTICLES).add(b);

    db.on(book, ARTICLES).remove(b);

    assertThat(ids(db.on(book, ARTICLES).get())).containsExactlyInAnyOrder(a.id, c.id);
    assertThat(ids(db.on(other, ARTICLES).get())).containsExactly(b.id);
    assertThat(db.find(Article.class, b.id)).isPresent();
  }

  @Test
  void removeAllUnlinksOnlyTheGivenTargets() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).addAll(List.of(a, b, c));

    db.on(book, ARTICLES).removeAll(List.of(a, c));

    assertThat(ids(db.on(book, ARTICLES).get())).containsExactly(b.id);
    assertThat(ids(db.findAll(Article.class))).containsExactlyInAnyOrder(a.id, b.id, c.id);
  }

  @Test
  void removeOfATargetThatIsNotLinkedChangesNothing() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article unlinked = article(db, "Edges");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book(db, "Other"), ARTICLES).add(unlinked);
    Map<Object, Map<String, Object>> before = throughs(db.on(book, ARTICLES).linkedTargets());

    db.on(book, ARTICLES).remove(unlinked);

    assertThat(throughs(db.on(book, ARTICLES).linkedTargets())).isEqualTo(before);
  }

  @Test
  void removeTakesAnId() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, ARTICLES).addAll(List.of(a, b));

    db.on(book.id, ARTICLES).remove(a.id);

    assertThat(ids(db.on(book, ARTICLES).get())).containsExactly(b.id);
  }

  // ---------------------------------------------------------------- has / hasAll

  @Test
  void hasTellsWhetherTheTargetIsLinkedToThisSource() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article linked = article(db, "Nodes");
    Article elsewhere = article(db, "Edges");
    db.on(book, ARTICLES).add(linked);
    db.on(book(db, "Other"), ARTICLES).add(elsewhere);

    assertThat(db.on(book, ARTICLES).has(linked)).isTrue();
    assertThat(db.on(book, ARTICLES).has(linked.id)).isTrue();
    assertThat(db.on(book, ARTICLES).has(elsewhere)).isFalse();
    assertThat(db.on(book, ARTICLES).has(elsewhere.id)).isFalse();
  }

  @Test
  void hasAllIsTrueOnlyIfEveryTargetIsLinked() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).addAll(List.of(a, b));
    db.on(book(db, "Other"), ARTICLES).add(c);

    assertThat(db.on(book, ARTICLES).hasAll(List.of(a, b))).isTrue();
    assertThat(db.on(book, ARTICLES).hasAll(List.of(a, b.id))).isTrue();
    assertThat(db.on(book, ARTICLES).hasAll(List.of(a, c))).isFalse();
    assertThat(db.on(book, ARTICLES).hasAll(List.of(c))).isFalse();
  }

  @Test
  void hasAllOfNoTargetsIsTrue() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");

    assertThat(db.on(book, ARTICLES).hasAll(List.of())).isTrue();
  }

  // ---------------------------------------------------------------- count

  @Test
  void countCountsTheTargetsLinkedToThisSource() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).addAll(List.of(a, b, c));
    db.on(other, ARTICLES).addAll(List.of(a, b));

    assertThat(db.on(book, ARTICLES).count()).isEqualTo(3);
    assertThat(db.on(other, ARTICLES).count()).isEqualTo(2);
    assertThat(db.on(book(db, "Lonely"), ARTICLES).count()).isZero();
  }

  @Test
  void countWithWhereCountsMatchingTargets() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    db.on(book, ARTICLES)
        .addAll(
            List.of(article(db, "Graph walks"), article(db, "Graph cuts"), article(db, "Rows")));
    db.on(book(db, "Other"), ARTICLES).add(article(db, "Graph colouring"));

    assertThat(db.on(book, ARTICLES).count(Query.matching(Where.like("title", "Graph%"))))
        .isEqualTo(2);
  }

  @Test
  void countWithThroughWhereCountsMatchingLinks() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    Article c = article(db, "Paths");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, ARTICLES).add(b, Map.of("role", "reviewer"));
    db.on(book, ARTICLES).add(c, Map.of("role", "editor"));
    db.on(book(db, "Other"), ARTICLES).add(b, Map.of("role", "editor"));

    assertThat(db.on(book, ARTICLES).count(Query.all().through(Where.eq("role", "editor"))))
        .isEqualTo(2);
  }

  // ---------------------------------------------------------------- both sides (rule 15)

  @Test
  void linksMadeFromOneSideAreSeenFromTheOtherWithTheSameThroughAttributes() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(ARTICLES, ARTICLES.inverse())
                .build());
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor", "position", 1));
    db.on(a, ARTICLES.inverse()).add(other, Map.of("role", "reviewer", "position", 2));

    Map<Object, Map<String, Object>> fromArticle =
        throughs(db.on(a, ARTICLES.inverse()).linkedTargets(), x -> x.id);
    Map<Object, Map<String, Object>> fromBook = throughs(db.on(book, ARTICLES).linkedTargets());
    Map<Object, Map<String, Object>> fromOther = throughs(db.on(other, ARTICLES).linkedTargets());

    assertThat(fromArticle).containsOnlyKeys(book.id, other.id);
    assertThat(fromArticle.get(book.id))
        .isEqualTo(fromBook.get(a.id))
        .containsEntry("role", "editor")
        .containsEntry("bookId", book.id)
        .containsEntry("articleId", a.id);
    assertThat(fromArticle.get(other.id))
        .isEqualTo(fromOther.get(a.id))
        .containsEntry("role", "reviewer")
        .containsEntry("bookId", other.id)
        .containsEntry("articleId", a.id);
  }

  @Test
  void removeFromTheOtherSideUnlinksForBothSides() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(ARTICLES, ARTICLES.inverse())
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, ARTICLES).addAll(List.of(a, b));

    db.on(a, ARTICLES.inverse()).remove(book);

    assertThat(ids(db.on(book, ARTICLES).get())).containsExactly(b.id);
    assertThat(db.on(a, ARTICLES.inverse()).get()).isEmpty();
    assertThat(db.on(b, ARTICLES.inverse()).get()).extracting(x -> x.id).containsExactly(book.id);
  }

  @Test
  void declaringOneSideMakesTheInverseUsable() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(a, ARTICLES.inverse()).add(book, Map.of("role", "editor"));

    assertThat(db.on(a, ARTICLES.inverse()).get()).extracting(x -> x.id).containsExactly(book.id);
    Map<String, Object> through = throughs(db.on(book, ARTICLES).linkedTargets()).get(a.id);
    assertThat(through).containsEntry("role", "editor");
  }

  // ---------------------------------------------------------------- through given by name

  @Test
  void throughGivenByNameLinksWithoutAttributesOfItsOwn() {
    BelongsToMany<Book, Article> likes =
        Association.belongsToMany(Book.class, Article.class).through("Likes");
    Liaison db =
        liaison(Schema.builder().models(Book.class, Article.class).association(likes).build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    article(db, "Rows");

    db.on(book, likes).addAll(List.of(a, b));

    assertThat(ids(db.on(book, likes).get())).containsExactlyInAnyOrder(a.id, b.id);
    Map<Object, Map<String, Object>> throughs = throughs(db.on(book, likes).linkedTargets());
    assertThat(throughs).containsOnlyKeys(a.id, b.id);
    // No attributes of its own: at most the two keys, with their values.
    assertThat(Map.<String, Object>of("bookId", book.id, "articleId", a.id))
        .containsAllEntriesOf(throughs.get(a.id));
    assertThat(Map.<String, Object>of("bookId", book.id, "articleId", b.id))
        .containsAllEntriesOf(throughs.get(b.id));
    assertThat(db.on(a, likes.inverse()).get()).extracting(x -> x.id).containsExactly(book.id);
  }

  // ---------------------------------------------------------------- self-association

  private static final BelongsToMany<User, User> FRIENDS =
      Association.belongsToMany(User.class, User.class)
          .through(Friendship.class)
          .as("friends")
          .inverseAs("friendOf");

  @Test
  void selfAssociationReadsEachDirectionThroughItsOwnAlias() {
    Liaison db = liaison(Schema.builder().models(User.class).association(FRIENDS).build());
    User alice = user(db, "Alice");
    User bob = user(db, "Bob");
    User carol = user(db, "Carol");

    db.on(alice, FRIENDS).addAll(List.of(bob, carol), Map.of("since", "2020"));

    assertThat(userIds(db.on(alice, FRIENDS).get())).containsExactlyInAnyOrder(bob.id, carol.id);
    assertThat(userIds(db.on(bob, FRIENDS.inverse()).get())).containsExactly(alice.id);
    assertThat(userIds(db.on(carol, FRIENDS.inverse()).get())).containsExactly(alice.id);
    assertThat(db.on(bob, FRIENDS).get()).isEmpty();
    assertThat(db.on(alice, FRIENDS.inverse()).get()).isEmpty();
  }

  @Test
  void selfAssociationKeysAreNamedAfterTheAliases() {
    Liaison db = liaison(Schema.builder().models(User.class).association(FRIENDS).build());
    User alice = user(db, "Alice");
    User bob = user(db, "Bob");

    db.on(alice, FRIENDS).add(bob, Map.of("since", "2020"));

    // otherKey from as("friends") singularised, foreignKey from inverseAs("friendOf") (rule 2).
    Map<String, Object> expected =
        Map.of("friendId", bob.id, "friendOfId", alice.id, "since", "2020");
    assertThat(db.on(alice, FRIENDS).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through()).isEqualTo(expected));
    assertThat(db.on(bob, FRIENDS.inverse()).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through()).isEqualTo(expected));
  }

  @Test
  void selfAssociationLinksUsersWhoseUuidsLiaisonGenerated() {
    Liaison db = liaison(Schema.builder().models(User.class).association(FRIENDS).build());
    User alice = user(db, "Alice");
    User bob = user(db, "Bob");
    assertThat(List.of(alice.id, bob.id)).doesNotContainNull().doesNotHaveDuplicates();

    db.on(alice.id, FRIENDS).add(bob.id);

    assertThat(db.on(alice, FRIENDS).has(bob.id)).isTrue();
    assertThat(db.on(alice, FRIENDS).get())
        .singleElement()
        .satisfies(u -> assertThat(u.id).isInstanceOf(UUID.class).isEqualTo(bob.id));
  }

  // ---------------------------------------------------------------- two associations of one pair

  @Test
  void twoAssociationsOfOnePairToldApartByAliasKeepSeparateLinks() {
    BelongsToMany<Book, Article> reviewed =
        Association.belongsToMany(Book.class, Article.class)
            .through(BookReviews.class)
            .as("reviewedArticles")
            .inverseAs("reviewers");
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(ARTICLES, reviewed)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, reviewed).add(b, Map.of("rating", 4));
    db.on(book, reviewed).add(a, Map.of("rating", 5));

    db.on(book, ARTICLES).remove(a);

    assertThat(db.on(book, ARTICLES).get()).isEmpty();
    Map<Object, Map<String, Object>> reviews = throughs(db.on(book, reviewed).linkedTargets());
    assertThat(reviews).containsOnlyKeys(a.id, b.id);
    assertThat(reviews.get(a.id)).containsEntry("rating", 5).doesNotContainKey("role");
    assertThat(db.on(a, reviewed.inverse()).get()).extracting(x -> x.id).containsExactly(book.id);
  }

  // ---------------------------------------------------------------- options

  @Test
  void explicitForeignKeyAndOtherKeyNameTheKeysOfTheLink() {
    BelongsToMany<Book, Article> cites =
        Association.belongsToMany(Book.class, Article.class)
            .through(BookCitations.class)
            .foreignKey("citingBookId")
            .otherKey("citedArticleId");
    Liaison db =
        liaison(Schema.builder().models(Book.class, Article.class).association(cites).build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(book, cites).add(a, Map.of("note", "see p. 3"));

    assertThat(db.on(book, cites).linkedTargets())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.through())
                    .isEqualTo(
                        Map.of(
                            "citingBookId", book.id, "citedArticleId", a.id, "note", "see p. 3")));
    assertThat(db.on(a, cites.inverse()).get()).extracting(x -> x.id).containsExactly(book.id);
  }

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void sourceKeyAndTargetKeyAreTheValuesTheLinksHold() {
    BelongsToMany<Author, Publisher> publishers =
        Association.belongsToMany(Author.class, Publisher.class)
            .through("AuthorPublishers")
            .sourceKey("code")
            .targetKey("code")
            .foreignKey("authorCode")
            .otherKey("publisherCode");
    Liaison db =
        liaison(
            Schema.builder().models(Author.class, Publisher.class).association(publishers).build());
    Author ada = db.insert(author("Ada", "AU-ADA"));
    Author bo = db.insert(author("Bo", "AU-BO"));
    Publisher north = db.insert(publisher("North", "PU-NORTH"));
    Publisher south = db.insert(publisher("South", "PU-SOUTH"));

    db.on(ada, publishers).add(north);
    db.on(bo, publishers).addAll(List.of(north, south));

    assertThat(db.on(ada, publishers).linkedTargets())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.target().id).isEqualTo(north.id);
              assertThat(l.through())
                  .containsEntry("authorCode", "AU-ADA")
                  .containsEntry("publisherCode", "PU-NORTH");
            });
    assertThat(db.on(bo, publishers).get())
        .extracting(p -> p.id)
        .containsExactlyInAnyOrder(north.id, south.id);
    assertThat(db.on(north, publishers.inverse()).get())
        .extracting(x -> x.id)
        .containsExactlyInAnyOrder(ada.id, bo.id);
  }

  private static final BelongsToMany<Book, Article> PARALLEL_ARTICLES =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .unique(false);

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueAddOfALinkedPairAddsAParallelLinkWithItsOwnIdAndAttributes() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");

    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "reviewer"));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL_ARTICLES).linkedTargets();
    assertThat(links).hasSize(2).allSatisfy(l -> assertThat(l.target().id).isEqualTo(a.id));
    assertThat(links).extracting(LinkedTarget::linkId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(links)
        .extracting(l -> l.through("role"))
        .containsExactlyInAnyOrder("editor", "reviewer");
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueGetLinksAndCountSeeOneEntryPerLink() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "reviewer"));
    db.on(book, PARALLEL_ARTICLES).add(b);

    assertThat(ids(db.on(book, PARALLEL_ARTICLES).get()))
        .containsExactlyInAnyOrder(a.id, a.id, b.id);
    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets()).hasSize(3);
    assertThat(db.on(book, PARALLEL_ARTICLES).count()).isEqualTo(3);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueRemoveOfATargetRemovesEveryLinkOfThePair() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "reviewer"));
    db.on(book, PARALLEL_ARTICLES).add(b, Map.of("role", "editor"));

    db.on(book, PARALLEL_ARTICLES).remove(a);

    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.target().id).isEqualTo(b.id));
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueRemoveLinkRemovesThatLinkOnlyAndKeepsTheOthersOfThePair() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "reviewer"));
    db.on(book, PARALLEL_ARTICLES).add(b, Map.of("role", "editor"));
    Object editorOfA = linkId(db.on(book, PARALLEL_ARTICLES).linkedTargets(), a, "editor");

    boolean removed = db.on(book, PARALLEL_ARTICLES).removeLink(editorOfA);

    assertThat(removed).isTrue();
    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets())
        .extracting(l -> l.target().id + " " + l.through("role"))
        .containsExactlyInAnyOrder(a.id + " reviewer", b.id + " editor");
    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets())
        .extracting(LinkedTarget::linkId)
        .doesNotContain(editorOfA);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueRemoveLinksRemovesTheGivenLinksAndCountsThem() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    for (String role : List.of("editor", "reviewer", "author")) {
      db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", role));
    }
    List<LinkedTarget<Article>> links = db.on(book, PARALLEL_ARTICLES).linkedTargets();
    Object editor = linkId(links, a, "editor");
    Object author = linkId(links, a, "author");

    int removed = db.on(book, PARALLEL_ARTICLES).removeLinks(List.of(editor, author, editor));

    assertThat(removed).isEqualTo(2);
    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through("role")).isEqualTo("reviewer"));
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueRemoveLinkOfAnotherSourcesLinkRemovesNothing() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Book other = book(db, "Tables");
    Article a = article(db, "Nodes");
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    db.on(other, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    Object othersLink = linkId(db.on(other, PARALLEL_ARTICLES).linkedTargets(), a, "editor");
    Object missing =
        db.on(book, PARALLEL_ARTICLES).linkedTargets().stream()
                .mapToLong(l -> ((Number) l.linkId()).longValue())
                .max()
                .orElse(0)
            + 1000;

    assertThat(db.on(book, PARALLEL_ARTICLES).removeLink(othersLink))
        .as("another source's link")
        .isFalse();
    assertThat(db.on(book, PARALLEL_ARTICLES).removeLink(missing))
        .as("a link id of no link")
        .isFalse();

    assertThat(db.on(other, PARALLEL_ARTICLES).linkedTargets())
        .extracting(LinkedTarget::linkId)
        .containsExactly(othersLink);
    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets()).hasSize(1);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueLinkIdsAreTheSameFromBothSides() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "reviewer"));
    List<Object> fromBook =
        db.on(book, PARALLEL_ARTICLES).linkedTargets().stream().map(LinkedTarget::linkId).toList();
    Object reviewer =
        db.on(a, PARALLEL_ARTICLES.inverse()).linkedTargets().stream()
            .filter(l -> "reviewer".equals(l.through("role")))
            .findFirst()
            .orElseThrow()
            .linkId();

    db.on(a, PARALLEL_ARTICLES.inverse()).removeLink(reviewer);

    assertThat(fromBook).contains(reviewer);
    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(l -> assertThat(l.through("role")).isEqualTo("editor"));
  }

  @Test
  void removeLinkOnLinksWithoutIdsIsRefused() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class, Author.class)
                .associations(ARTICLES, Association.hasMany(Author.class, Book.class))
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, ARTICLES).add(a);
    Author ann = db.insert(author("Ann", "A-1"));
    db.on(ann, Association.hasMany(Author.class, Book.class)).add(book);

    assertThatThrownBy(() -> db.on(book, ARTICLES).removeLink(1L))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("unique(false)");
    assertThatThrownBy(
            () ->
                db.on(ann, Association.hasMany(Author.class, Book.class)).removeLinks(List.of(1L)))
        .isInstanceOf(InvalidCallException.class);

    assertThat(db.on(book, ARTICLES).get()).extracting(x -> x.id).containsExactly(a.id);
    assertThat(db.on(ann, Association.hasMany(Author.class, Book.class)).get())
        .extracting(x -> x.id)
        .containsExactly(book.id);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueRemoveLinkOfANullOrMistypedIdIsRefusedAndChangesNothing() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, PARALLEL_ARTICLES).add(a, Map.of("role", "editor"));
    Object id = db.on(book, PARALLEL_ARTICLES).linkedTargets().get(0).linkId();
    List<Object> withNull = new ArrayList<>();
    withNull.add(id);
    withNull.add(null);

    assertThatThrownBy(() -> db.on(book, PARALLEL_ARTICLES).removeLink(null))
        .isInstanceOf(InvalidCallException.class);
    assertThatThrownBy(() -> db.on(book, PARALLEL_ARTICLES).removeLinks(withNull))
        .isInstanceOf(InvalidCallException.class);
    assertThatThrownBy(() -> db.on(book, PARALLEL_ARTICLES).removeLink("first"))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("first");

    assertThat(db.on(book, PARALLEL_ARTICLES).linkedTargets())
        .extracting(LinkedTarget::linkId)
        .containsExactly(id);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void nonUniqueRemoveLinksCostsAConstantNumberOfRoundTrips() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .association(PARALLEL_ARTICLES)
                .build());
    Batch ten = batch(db, 10);
    Batch thousand = batch(db, 1000);
    for (Batch b : List.of(ten, thousand)) {
      db.on(b.book, PARALLEL_ARTICLES).addAll(b.targets);
      db.on(b.book, PARALLEL_ARTICLES).addAll(b.targets);
    }
    List<Object> tenIds =
        db.on(ten.book, PARALLEL_ARTICLES).linkedTargets().stream()
            .map(LinkedTarget::linkId)
            .toList();
    List<Object> thousandIds =
        db.on(thousand.book, PARALLEL_ARTICLES).linkedTargets().stream()
            .map(LinkedTarget::linkId)
            .toList();

    int forTen =
        roundTrips(() -> db.on(ten.book, PARALLEL_ARTICLES).removeLinks(tenIds.subList(0, 10)));
    int forThousand =
        roundTrips(
            () ->
                db.on(thousand.book, PARALLEL_ARTICLES).removeLinks(thousandIds.subList(0, 1000)));

    assertThat(db.on(ten.book, PARALLEL_ARTICLES).count()).isEqualTo(10);
    assertThat(db.on(thousand.book, PARALLEL_ARTICLES).count()).isEqualTo(1000);
    assertConstant("removeLinks", forTen, forThousand);
  }

  /** The id of the link to {@code target} with this role. */
  private static Object linkId(List<LinkedTarget<Article>> links, Article target, String role) {
    return links.stream()
        .filter(l -> l.target().id.equals(target.id) && role.equals(l.through("role")))
        .findFirst()
        .orElseThrow()
        .linkId();
  }

  @Test
  void deletingASourceDeletesItsLinksByDefault() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(ARTICLES, ARTICLES.inverse())
                .build());
    Book doomed = book(db, "Graphs");
    Book kept = book(db, "Tables");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");
    db.on(doomed, ARTICLES).addAll(List.of(a, b));
    db.on(kept, ARTICLES).add(a);

    db.delete(doomed);

    assertThat(ids(db.findAll(Article.class))).containsExactlyInAnyOrder(a.id, b.id);
    assertThat(db.on(a, ARTICLES.inverse()).get()).extracting(x -> x.id).containsExactly(kept.id);
    assertThat(db.on(b, ARTICLES.inverse()).get()).isEmpty();
    assertThat(ids(db.on(kept, ARTICLES).get())).containsExactly(a.id);
  }

  @Test
  void deletingATargetDeletesItsLinksByDefault() {
    Liaison db = booksAndArticles();
    Book book = book(db, "Graphs");
    Article doomed = article(db, "Nodes");
    Article kept = article(db, "Edges");
    db.on(book, ARTICLES).addAll(List.of(doomed, kept));

    db.delete(doomed);

    assertThat(db.find(Book.class, book.id)).isPresent();
    assertThat(ids(db.on(book, ARTICLES).get())).containsExactly(kept.id);
    assertThat(db.on(book, ARTICLES).count()).isEqualTo(1);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void onDeleteRestrictRefusesToDeleteALinkedSourceAndChangesNothing() {
    BelongsToMany<Book, Article> restricted =
        Association.belongsToMany(Book.class, Article.class)
            .through(BookArticles.class)
            .onDelete(ReferentialAction.RESTRICT);
    Liaison db =
        liaison(Schema.builder().models(Book.class, Article.class).association(restricted).build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    db.on(book, restricted).add(a, Map.of("role", "editor"));

    assertThatThrownBy(() -> db.delete(book)).isInstanceOf(ConflictException.class);

    assertThat(db.find(Book.class, book.id)).isPresent();
    assertThat(db.on(book, restricted).linkedTargets())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.target().id).isEqualTo(a.id);
              assertThat(l.through()).containsEntry("role", "editor");
            });
  }

  @Test
  void withoutConstraintsTheSchemaBuildsAndLinksWork() {
    BelongsToMany<Book, Article> loose =
        Association.belongsToMany(Book.class, Article.class)
            .through(BookArticles.class)
            .constraints(false);
    Liaison db =
        liaison(Schema.builder().models(Book.class, Article.class).association(loose).build());
    Book book = book(db, "Graphs");
    Article a = article(db, "Nodes");
    Article b = article(db, "Edges");

    db.on(book, loose).add(a, Map.of("role", "editor"));
    db.on(book, loose).add(b);
    db.on(book, loose).remove(b);

    assertThat(throughs(db.on(book, loose).linkedTargets())).containsOnlyKeys(a.id);
    assertThat(db.on(a, loose.inverse()).get()).extracting(x -> x.id).containsExactly(book.id);
  }

  // ---------------------------------------------------------------- batches (rule 16)

  @Test
  void addAllCostsAConstantNumberOfRoundTrips() {
    Liaison db = booksAndArticles();
    Batch ten = batch(db, 10);
    Batch thousand = batch(db, 1000);

    int forTen =
        roundTrips(() -> db.on(ten.book, ARTICLES).addAll(ten.targets, Map.of("role", "bulk")));
    int forThousand =
        roundTrips(
            () -> db.on(thousand.book, ARTICLES).addAll(thousand.targets, Map.of("role", "bulk")));

    assertThat(db.on(ten.book, ARTICLES).count()).isEqualTo(10);
    assertThat(db.on(thousand.book, ARTICLES).count()).isEqualTo(1000);
    assertConstant("addAll", forTen, forThousand);
  }

  @Test
  void removeAllCostsAConstantNumberOfRoundTrips() {
    Liaison db = booksAndArticles();
    Batch ten = batch(db, 10);
    Batch thousand = batch(db, 1000);
    Article stays = article(db, "Stays");
    for (Batch b : List.of(ten, thousand)) {
      db.on(b.book, ARTICLES).addAll(b.targets);
      db.on(b.book, ARTICLES).add(stays);
    }

    int forTen = roundTrips(() -> db.on(ten.book, ARTICLES).removeAll(ten.targets));
    int forThousand = roundTrips(() -> db.on(thousand.book, ARTICLES).removeAll(thousand.targets));

    assertThat(ids(db.on(ten.book, ARTICLES).get())).containsExactly(stays.id);
    assertThat(ids(db.on(thousand.book, ARTICLES).get())).containsExactly(stays.id);
    assertConstant("removeAll", forTen, forThousand);
  }

  @Test
  void setCostsAConstantNumberOfRoundTrips() {
    Liaison db = booksAndArticles();
    Batch ten = batch(db, 10);
    Batch thousand = batch(db, 1000);
    // Half the targets already linked, plus as many links that must go: set keeps, adds and
    // removes.
    for (Batch b : List.of(ten, thousand)) {
      int n = b.targets.size();
      db.on(b.book, ARTICLES).addAll(b.targets.subList(0, n / 2), Map.of("role", "kept"));
      db.on(b.book, ARTICLES).addAll(db.insertAll(articles("Leaving", n / 2)));
    }

    int forTen = roundTrips(() -> db.on(ten.book, ARTICLES).set(ten.targets));
    int forThousand = roundTrips(() -> db.on(thousand.book, ARTICLES).set(thousand.targets));

    assertThat(ids(db.on(ten.book, ARTICLES).get()))
        .containsExactlyInAnyOrderElementsOf(ids(ten.targets));
    assertThat(ids(db.on(thousand.book, ARTICLES).get()))
        .containsExactlyInAnyOrderElementsOf(ids(thousand.targets));
    assertConstant("set", forTen, forThousand);
  }

  @Test
  void getCostsAConstantNumberOfRoundTrips() {
    Liaison db = booksAndArticles();
    Batch ten = linkedBatch(db, 10);
    Batch thousand = linkedBatch(db, 1000);
    AtomicReference<List<Article>> gotTen = new AtomicReference<>();
    AtomicReference<List<Article>> gotThousand = new AtomicReference<>();

    int forTen = roundTrips(() -> gotTen.set(db.on(ten.book, ARTICLES).get()));
    int forThousand = roundTrips(() -> gotThousand.set(db.on(thousand.book, ARTICLES).get()));

    assertThat(gotTen.get()).hasSize(10);
    assertThat(gotThousand.get()).hasSize(1000);
    assertConstant("get", forTen, forThousand);
  }

  @Test
  void countCostsAConstantNumberOfRoundTrips() {
    Liaison db = booksAndArticles();
    Batch ten = linkedBatch(db, 10);
    Batch thousand = linkedBatch(db, 1000);
    long[] counted = new long[2];

    int forTen = roundTrips(() -> counted[0] = db.on(ten.book, ARTICLES).count());
    int forThousand = roundTrips(() -> counted[1] = db.on(thousand.book, ARTICLES).count());

    assertThat(counted).containsExactly(10, 1000);
    assertConstant("count", forTen, forThousand);
  }

  @Test
  void hasAllCostsAConstantNumberOfRoundTrips() {
    Liaison db = booksAndArticles();
    Batch ten = linkedBatch(db, 10);
    Batch thousand = linkedBatch(db, 1000);
    boolean[] answers = new boolean[2];

    int forTen = roundTrips(() -> answers[0] = db.on(ten.book, ARTICLES).hasAll(ten.targets));
    int forThousand =
        roundTrips(() -> answers[1] = db.on(thousand.book, ARTICLES).hasAll(thousand.targets));

    assertThat(answers).containsExactly(true, true);
    assertConstant("hasAll", forTen, forThousand);
  }

  // ---------------------------------------------------------------- helpers

  /** A book and {@code n} saved articles, not linked yet. */
  private record Batch(Book book, List<Article> targets) {}

  private Batch batch(Liaison db, int n) {
    Book book = book(db, "Batch of " + n);
    return new Batch(book, db.insertAll(articles("Batch-" + n, n)));
  }

  private Batch linkedBatch(Liaison db, int n) {
    Batch batch = batch(db, n);
    db.on(batch.book, ARTICLES).addAll(batch.targets);
    return batch;
  }

  private static void assertConstant(String operation, int forTen, int forThousand) {
    assertThat(forThousand)
        .as("round trips of %s for 1,000 targets (for 10 it made %d)", operation, forTen)
        .isEqualTo(forTen)
        .isLessThanOrEqualTo(MAX_BATCH_ROUND_TRIPS);
  }

  private Liaison booksAndArticles() {
    return liaison(
        Schema.builder().models(Book.class, Article.class).association(ARTICLES).build());
  }

  private static Book book(Liaison db, String title) {
    Book b = new Book();
    b.title = title;
    b.year = 2000;
    return db.insert(b);
  }

  private static Article newArticle(String title) {
    Article a = new Article();
    a.title = title;
    return a;
  }

  private static Article article(Liaison db, String title) {
    return db.insert(newArticle(title));
  }

  /** {@code n} unsaved articles titled {@code prefix-0000}, {@code prefix-0001}, ... */
  private static List<Article> articles(String prefix, int n) {
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      articles.add(newArticle(String.format("%s-%04d", prefix, i)));
    }
    return articles;
  }

  private static User user(Liaison db, String name) {
    User u = new User();
    u.name = name;
    return db.insert(u);
  }

  private static Author author(String name, String code) {
    Author a = new Author();
    a.name = name;
    a.code = code;
    return a;
  }

  private static Publisher publisher(String name, String code) {
    Publisher p = new Publisher();
    p.name = name;
    p.code = code;
    return p;
  }

  private static BookArticles bookArticles(String role, Integer position) {
    BookArticles through = new BookArticles();
    through.role = role;
    through.position = position;
    return through;
  }

  private static List<Long> ids(List<Article> articles) {
    return articles.stream().map(a -> a.id).toList();
  }

  private static List<UUID> userIds(List<User> users) {
    return users.stream().map(u -> u.id).toList();
  }

  /**
   * Through attributes by target article id; fails if a target appears twice (links are unique).
   */
  private static Map<Object, Map<String, Object>> throughs(List<LinkedTarget<Article>> links) {
    return throughs(links, a -> a.id);
  }

  private static <T> Map<Object, Map<String, Object>> throughs(
      List<LinkedTarget<T>> links, Function<T, Object> id) {
    Map<Object, Map<String, Object>> byTarget = new HashMap<>();
    for (LinkedTarget<T> link : links) {
      Object key = id.apply(link.target());
      assertThat(byTarget.put(key, link.through())).as("a second link to target %s", key).isNull();
    }
    return byTarget;
  }
}

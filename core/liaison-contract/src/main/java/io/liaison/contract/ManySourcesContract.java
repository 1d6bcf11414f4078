package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.LinkedTarget;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operations across many sources at once ({@code db.batch(association)}, cheat sheet rule 23):
 * adding links of many sources with their own through attributes, reading, counting and testing
 * links of many sources, each in a constant number of round trips, with the same checks and
 * atomicity as the one-source operations.
 */
public abstract class ManySourcesContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final List<Class<?>> MODELS = List.of(Author.class, Book.class, Article.class);
  static final List<Association<?, ?>> ASSOCIATIONS = List.of(BOOKS, ARTICLES);

  /** Source check, target check, write: the bound for a batch, as for one source. */
  static final int MAX_ROUND_TRIPS = 8;

  private Liaison db;

  @BeforeEach
  void openLiaison() {
    db =
        liaison(
            Schema.builder()
                .models(MODELS.toArray(Class<?>[]::new))
                .associations(BOOKS, ARTICLES)
                .build());
  }

  @Test
  void addAllLinksPairsOfManySourcesEachWithItsOwnThroughAttributes() {
    List<Book> books = db.insertAll(List.of(book("Graphs", 2001), book("Tables", 2002)));
    List<Article> articles = db.insertAll(List.of(article("Nodes"), article("Rows")));

    db.batch(ARTICLES)
        .addAll(
            List.of(
                LinkBetween.of(
                    books.get(0), articles.get(0), Map.of("role", "editor", "position", 1)),
                LinkBetween.of(books.get(0).id, articles.get(1).id, new BookArticles()),
                LinkBetween.of(books.get(1), articles.get(1), Map.of("role", "author"))));

    assertThat(
            describe(
                db.on(books.get(0), ARTICLES)
                    .linkedTargets(Query.all().orderBy(Order.asc("title")))))
        .containsExactly("Nodes:editor:1", "Rows:null:null");
    assertThat(describe(db.on(books.get(1), ARTICLES).linkedTargets()))
        .containsExactly("Rows:author:null");
  }

  @Test
  void addAllWithAPairTwiceWritesItOnceWithTheAttributesGivenLast() {
    List<Book> books = db.insertAll(List.of(book("Graphs", 2001), book("Tables", 2002)));
    List<Article> articles = db.insertAll(List.of(article("Nodes"), article("Rows")));
    db.on(books.get(1), ARTICLES).add(articles.get(0), Map.of("role", "author", "position", 9));

    db.batch(ARTICLES)
        .addAll(
            List.of(
                LinkBetween.of(
                    books.get(0), articles.get(0), Map.of("role", "editor", "position", 1)),
                LinkBetween.of(
                    books.get(1), articles.get(0), Map.of("role", "editor", "position", 2)),
                LinkBetween.of(
                    books.get(0).id, articles.get(0).id, Map.of("role", "reviewer", "position", 3)),
                LinkBetween.of(
                    books.get(1), articles.get(1), Map.of("role", "author", "position", 4))));

    assertThat(describe(db.on(books.get(0), ARTICLES).linkedTargets()))
        .containsExactly("Nodes:reviewer:3");
    assertThat(describe(db.on(books.get(1), ARTICLES).linkedTargets()))
        .containsExactly("Nodes:editor:2", "Rows:author:4");
  }

  @Test
  void addAllOfAnExistingUniqueLinkUpdatesItsThroughAttributes() {
    Book book = db.insert(book("Graphs", 2001));
    Article nodes = db.insert(article("Nodes"));
    db.on(book, ARTICLES).add(nodes, Map.of("role", "editor", "position", 1));

    db.batch(ARTICLES).addAll(List.of(LinkBetween.of(book, nodes, Map.of("role", "author"))));

    assertThat(describe(db.on(book, ARTICLES).linkedTargets())).containsExactly("Nodes:author:1");
  }

  @Test
  void addAllOnHasManyPointsEachTargetAtItsSource() {
    Author ann = db.insert(author("Ann", "A"));
    Author bob = db.insert(author("Bob", "B"));
    List<Book> books = db.insertAll(Samples.books("b", 4));

    db.batch(BOOKS)
        .addAll(
            List.of(
                LinkBetween.of(ann, books.get(0)),
                LinkBetween.of(bob, books.get(1)),
                LinkBetween.of(ann.id, books.get(2).id)));

    assertThat(titles(db.on(ann, BOOKS).get())).containsExactlyInAnyOrder("b-0000", "b-0002");
    assertThat(titles(db.on(bob, BOOKS).get())).containsExactly("b-0001");
  }

  @Test
  void addAllRefusesBadPairsAndWritesNothing() {
    Author ann = db.insert(author("Ann", "A"));
    Author bob = db.insert(author("Bob", "B"));
    Book book = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Tables", 2002));
    Article nodes = db.insert(article("Nodes"));
    Map<String, Object> before = StoreState.read(db, MODELS, ASSOCIATIONS);

    assertThatThrownBy(
            () ->
                db.batch(BOOKS)
                    .addAll(List.of(LinkBetween.of(ann, book), LinkBetween.of(bob, book))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("two sources");
    assertThatThrownBy(
            () ->
                db.batch(ARTICLES)
                    .addAll(List.of(LinkBetween.of(book, nodes), LinkBetween.of(other, 999_999L))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("999999");
    assertThatThrownBy(
            () ->
                db.batch(ARTICLES)
                    .addAll(List.of(LinkBetween.of(book, nodes), LinkBetween.of(888_888L, nodes))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("888888");
    assertThatThrownBy(
            () ->
                db.batch(ARTICLES).addAll(List.of(LinkBetween.of(book, nodes, Map.of("rank", 1)))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("rank");
    assertThatThrownBy(
            () -> db.batch(BOOKS).addAll(List.of(LinkBetween.of(ann, book, Map.of("role", "x")))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("through");

    assertThat(StoreState.read(db, MODELS, ASSOCIATIONS)).isEqualTo(before);
  }

  @Test
  void linksReadsEachSourcesLinksKeyedByTheSourcesAsGiven() {
    List<Book> books =
        db.insertAll(List.of(book("Graphs", 2001), book("Tables", 2002), book("Trees", 2003)));
    List<Article> articles = db.insertAll(List.of(article("A"), article("B"), article("C")));
    db.on(books.get(0), ARTICLES)
        .addAll(List.of(articles.get(0), articles.get(1), articles.get(2)), Map.of("role", "x"));
    db.on(books.get(1), ARTICLES).add(articles.get(2), Map.of("role", "y"));

    Map<Object, List<LinkedTarget<Article>>> all =
        db.batch(ARTICLES)
            .linkedTargets(List.of(books.get(0), books.get(1).id, books.get(2), 777_777L));
    Map<Object, List<LinkedTarget<Article>>> firstTwo =
        db.batch(ARTICLES).linkedTargets(books, Query.all().orderBy(Order.desc("title")).limit(2));

    assertThat(all).containsOnlyKeys(books.get(0), books.get(1).id, books.get(2), 777_777L);
    assertThat(describe(all.get(books.get(0))))
        .containsExactlyInAnyOrder("A:x:null", "B:x:null", "C:x:null");
    assertThat(describe(all.get(books.get(1).id))).containsExactly("C:y:null");
    assertThat(all.get(books.get(2))).isEmpty();
    assertThat(all.get(777_777L)).isEmpty();
    assertThat(firstTwo.get(books.get(0)))
        .extracting(l -> l.target().title)
        .containsExactly("C", "B");
    assertThat(firstTwo.get(books.get(1))).extracting(l -> l.target().title).containsExactly("C");
  }

  /**
   * One read makes one entity per stored target, however many of the sources reach it: in the
   * default order, with a page per source (each source's page in id order, so the ids start over
   * from one source to the next), and in an order of the caller's.
   */
  @Test
  void aTargetOfSeveralSourcesIsOneInstanceInEveryListOfARead() {
    List<Book> books =
        db.insertAll(List.of(book("Graphs", 2001), book("Tables", 2002), book("Trees", 2003)));
    List<Article> articles =
        db.insertAll(List.of(article("A"), article("B"), article("C"), article("D")));
    db.on(books.get(0), ARTICLES)
        .addAll(List.of(articles.get(0), articles.get(1), articles.get(3)));
    db.on(books.get(1), ARTICLES)
        .addAll(List.of(articles.get(1), articles.get(2), articles.get(3)));
    db.on(books.get(2), ARTICLES).addAll(List.of(articles.get(0), articles.get(3)));

    for (Query q :
        List.of(Query.all(), Query.all().limit(2), Query.all().orderBy(Order.desc("title")))) {
      Map<Object, List<LinkedTarget<Article>>> read = db.batch(ARTICLES).linkedTargets(books, q);
      Map<String, Article> byTitle = new HashMap<>();
      int links = 0;
      for (List<LinkedTarget<Article>> l : read.values()) {
        for (LinkedTarget<Article> x : l) {
          Article first = byTitle.putIfAbsent(x.target().title, x.target());
          assertThat(x.target())
              .as("%s of %s", x.target().title, q)
              .isSameAs(first == null ? x.target() : first);
          links++;
        }
      }
      assertThat(links).as("%s", q).isEqualTo(q.limit() == null ? 8 : 6);
      assertThat(byTitle).as("%s", q).hasSize(4);
    }
  }

  /**
   * Rule 34: the links are written against the id order (the last article first, the second book's
   * in no order), so a store that returns its rows as stored, or as its index or graph walks them,
   * fails unless it orders them.
   */
  @Test
  void withoutAnOrderEachSourcesTargetsComeInIdOrder() {
    List<Book> books = db.insertAll(List.of(book("Graphs", 2001), book("Tables", 2002)));
    Author ann = db.insert(author("Ann", "A"));
    List<Article> articles =
        db.insertAll(List.of(article("A"), article("B"), article("C"), article("D"), article("E")));
    for (int i = articles.size() - 1; i >= 0; i--) {
      db.on(books.get(0), ARTICLES).add(articles.get(i), Map.of("position", i));
    }
    db.on(books.get(1), ARTICLES)
        .addAll(List.of(articles.get(3), articles.get(0), articles.get(4), articles.get(1)));
    db.on(ann, BOOKS).add(books.get(1));
    db.on(ann, BOOKS).add(books.get(0));

    Map<Object, List<LinkedTarget<Article>>> all = db.batch(ARTICLES).linkedTargets(books);

    assertThat(all.get(books.get(0)))
        .extracting(l -> l.target().title)
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(all.get(books.get(0)))
        .extracting(l -> l.through("articleId"))
        .containsExactly(articles.stream().map(a -> (Object) a.id).toArray());
    assertThat(all.get(books.get(1)))
        .extracting(l -> l.target().title)
        .containsExactly("A", "B", "D", "E");
    assertThat(db.on(books.get(0), ARTICLES).get())
        .extracting(a -> a.title)
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(db.on(books.get(1), ARTICLES).linkedTargets())
        .extracting(l -> l.target().title)
        .containsExactly("A", "B", "D", "E");
    assertThat(titles(db.on(ann, BOOKS).get())).containsExactly("Graphs", "Tables");
  }

  @Test
  void countAndHasAnswerForEverySourceAndPair() {
    List<Book> books =
        db.insertAll(List.of(book("Graphs", 2001), book("Tables", 2002), book("Trees", 2003)));
    List<Article> articles = db.insertAll(List.of(article("A"), article("B")));
    db.on(books.get(0), ARTICLES).addAll(articles, Map.of("role", "editor"));
    db.on(books.get(1), ARTICLES).add(articles.get(1), Map.of("role", "author"));

    Map<Object, Long> counts =
        db.batch(ARTICLES).count(List.of(books.get(0), books.get(1), books.get(2), 555L));
    Map<Object, Long> editors =
        db.batch(ARTICLES).count(books, Query.all().through(Where.eq("role", "editor")));
    List<Boolean> has =
        db.batch(ARTICLES)
            .has(
                List.of(
                    LinkBetween.of(books.get(0), articles.get(1)),
                    LinkBetween.of(books.get(1), articles.get(0)),
                    LinkBetween.of(books.get(1).id, articles.get(1).id),
                    LinkBetween.of(books.get(2), articles.get(0)),
                    LinkBetween.of(555L, articles.get(0))));

    assertThat(counts)
        .containsEntry(books.get(0), 2L)
        .containsEntry(books.get(1), 1L)
        .containsEntry(books.get(2), 0L)
        .containsEntry(555L, 0L);
    assertThat(editors)
        .containsEntry(books.get(0), 2L)
        .containsEntry(books.get(1), 0L)
        .containsEntry(books.get(2), 0L);
    assertThat(has).containsExactly(true, false, true, false, false);
  }

  @Test
  void everyManySourceOperationCostsTheSameFor1And100Sources() {
    List<Book> few = db.insertAll(Samples.books("few", 1));
    List<Book> many = db.insertAll(Samples.books("many", 100));
    List<Article> articles = db.insertAll(List.of(article("A"), article("B"), article("C")));

    int addFew = roundTrips(() -> db.batch(ARTICLES).addAll(pairs(few, articles)));
    int addMany = roundTrips(() -> db.batch(ARTICLES).addAll(pairs(many, articles)));
    int linksFew = roundTrips(() -> db.batch(ARTICLES).linkedTargets(few));
    int linksMany = roundTrips(() -> db.batch(ARTICLES).linkedTargets(many));
    int countFew = roundTrips(() -> db.batch(ARTICLES).count(few));
    int countMany = roundTrips(() -> db.batch(ARTICLES).count(many));
    int hasFew = roundTrips(() -> db.batch(ARTICLES).has(pairs(few, articles)));
    int hasMany = roundTrips(() -> db.batch(ARTICLES).has(pairs(many, articles)));

    assertThat(db.batch(ARTICLES).count(many).values()).containsOnly(3L);
    assertThat(db.batch(ARTICLES).has(pairs(many, articles))).containsOnly(true).hasSize(300);
    assertThat(addFew).isPositive().isLessThanOrEqualTo(MAX_ROUND_TRIPS);
    assertThat(addMany).as("add for 100 sources (%d for 1)", addFew).isEqualTo(addFew);
    assertThat(linksMany).as("links for 100 sources (%d for 1)", linksFew).isEqualTo(linksFew);
    assertThat(countMany).as("count for 100 sources (%d for 1)", countFew).isEqualTo(countFew);
    assertThat(hasMany).as("has for 100 sources (%d for 1)", hasFew).isEqualTo(hasFew);
  }

  private static List<LinkBetween> pairs(List<Book> books, List<Article> articles) {
    List<LinkBetween> out = new ArrayList<>();
    for (Book b : books) {
      for (int i = 0; i < articles.size(); i++) {
        out.add(LinkBetween.of(b, articles.get(i), Map.of("role", "r" + i, "position", i)));
      }
    }
    return out;
  }

  private static List<String> titles(List<Book> books) {
    return books.stream().map(b -> b.title).toList();
  }

  private static List<String> describe(List<LinkedTarget<Article>> links) {
    return links.stream()
        .map(l -> l.target().title + ":" + l.through("role") + ":" + l.through("position"))
        .toList();
  }
}

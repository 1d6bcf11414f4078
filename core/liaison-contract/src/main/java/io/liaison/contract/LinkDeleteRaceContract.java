package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.TransientStoreException;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A link racing the delete of the row it points at (a belongsToMany link's target; the row a
 * foreign key references, for the other kinds) (architecture.md, "Faults"): whichever way the two
 * calls interleave, no link to the deleted row survives, and the link call either went through
 * before the delete (which then took the link with it), or is refused as a whole and writes
 * nothing: with a {@link ConflictException} naming the target's model and the id the caller gave
 * when the target was deleted while the call linked it, with an {@link InvalidCallException} when
 * it was gone before the call looked. A call whose every attempt lost a deadlock to the other may
 * end in a {@link TransientStoreException}, its transaction rolled back whole. Any other exception
 * fails the test.
 *
 * <p>Each round, two threads wait at a barrier, then one links a book to a few articles while the
 * other deletes one of them. The rounds do not depend on which call wins: every outcome is checked
 * against the state it must leave, read through the provider's {@link StoreProbe} when it has one
 * (a junction row left pointing at a deleted row is seen there even where a join would hide it),
 * and through plain reads from both sides. The moment itself (the delete held open while the link
 * waits for it) is {@link FaultContract}'s, on stores whose provider can hold it.
 */
public abstract class LinkDeleteRaceContract extends ContractGroup {

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /** Races: each is cheap, so many. */
  static final int ROUNDS = 40;

  /** Articles each round links; the middle one is deleted. */
  static final int TARGETS = 9;

  private Schema schema;
  private Liaison db;
  private Race race;

  @BeforeEach
  void openLiaison() {
    schema = Schema.builder().models(Book.class, Article.class).associations(ARTICLES).build();
    db = liaison(schema);
    race = new Race();
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    race.close();
  }

  @Test
  void addAllRacingTheDeleteOfATargetLeavesNoLinkToItAndIsAllOrNothing() throws Exception {
    races((book, targets) -> db.on(book, ARTICLES).addAll(targets, Map.of("role", "raced")));
  }

  @Test
  void setRacingTheDeleteOfATargetLeavesNoLinkToItAndIsAllOrNothing() throws Exception {
    races((book, targets) -> db.on(book, ARTICLES).set(targets, Map.of("role", "raced")));
  }

  @Test
  void addsFromTheTargetsSideRacingTheDeleteOfTheirTargetLeaveNoLinkToIt() throws Exception {
    races(
        (book, targets) ->
            db.inTransaction(
                tx -> {
                  for (Long article : targets) {
                    tx.on(article, ARTICLES.inverse()).add(book, Map.of("role", "raced"));
                  }
                }));
  }

  /** Authors and books of the foreign-key races: a hasMany and its belongsTo inverse. */
  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);

  /**
   * Books each raced author already has: its delete nulls their keys, so it runs long enough for
   * the racing call to write while the delete is under way.
   */
  static final int CROWD = 50;

  @Test
  void belongsToSetRacingTheDeleteOfItsTargetLeavesNoKeyToIt() throws Exception {
    BelongsTo<Book, Author> author = BOOKS.inverse();
    keyRaces(
        (book, target) -> db.on(book, author).set(target),
        (book, target, linked) ->
            assertThat(db.on(book, author).get().map(a -> (Long) StoreState.id(a)))
                .as("the book's author")
                .isEqualTo(java.util.Optional.ofNullable(linked ? target : null)));
  }

  @Test
  void hasManyAddRacingTheDeleteOfItsSourceLeavesNoKeyToIt() throws Exception {
    keyRaces(
        (book, source) -> db.on(source, BOOKS).add(book),
        (book, source, linked) ->
            assertThat(db.on(book, BOOKS.inverse()).get().map(a -> (Long) StoreState.id(a)))
                .as("the book's author")
                .isEqualTo(java.util.Optional.ofNullable(linked ? source : null)));
  }

  /** What a round of {@link #keyRaces} expects: {@code linked} when the author and the key stay. */
  interface KeyCheck {
    void check(Long book, Long author, boolean linked);
  }

  /**
   * {@link #ROUNDS} races of {@code link} (a book, an author with {@link #CROWD} books) against the
   * delete of that author. Whichever wins, no key survives that references a deleted author (read
   * through the provider's probe, where a join would hide it), and the link either went through
   * (the delete then nulled the key) or was refused whole with one of the documented exceptions.
   */
  private void keyRaces(BiConsumer<Long, Long> link, KeyCheck check) throws Exception {
    schema = Schema.builder().models(Book.class, Author.class).associations(BOOKS).build();
    db = liaison(schema);
    List<Long> books = ids(db.insertAll(books(ROUNDS)));
    List<Author> authors = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      authors.add(author("Raced " + i));
    }
    List<Long> doomed = ids(db.insertAll(authors));
    for (Long author : doomed) {
      db.on(author, BOOKS).addAll(ids(db.insertAll(books(CROWD))));
    }
    boolean anyDeleted = false;
    for (int round = 0; round < ROUNDS; round++) {
      Long book = books.get(round);
      Long author = doomed.get(round);
      List<Throwable> ends =
          race.run(() -> link.accept(book, author), () -> db.delete(Author.class, author));
      Throwable linkEnd = ends.get(0);
      Throwable deleteEnd = ends.get(1);
      assertThat(deleteEnd)
          .as("the delete, round %d: it goes through or ends transient", round)
          .satisfiesAnyOf(
              e -> assertThat(e).isNull(),
              e -> assertThat(e).isInstanceOf(TransientStoreException.class));
      boolean deleted = deleteEnd == null;
      anyDeleted |= deleted;
      if (linkEnd instanceof ConflictException) {
        assertThat(linkEnd)
            .as("the refused link, round %d, names the deleted author", round)
            .hasMessageContaining("Author")
            .hasMessageContaining(String.valueOf(author));
      } else if (linkEnd != null
          && !(linkEnd instanceof InvalidCallException)
          && !(linkEnd instanceof TransientStoreException)) {
        throw new AssertionError("round " + round + ": the link call saw " + linkEnd, linkEnd);
      }
      check.check(book, author, linkEnd == null && !deleted);
      if (provider().probe().isPresent()) {
        Set<Long> live = new HashSet<>(ids(db.findAll(Author.class)));
        assertThat(storedLinks(schema, BOOKS).stream().filter(l -> !live.contains(l.principal())))
            .as("stored keys that reference a deleted author, after round %d", round)
            .isEmpty();
      }
    }
    assertThat(anyDeleted).as("some round's delete went through").isTrue();
  }

  /**
   * Runs {@link #ROUNDS} races of {@code link} (book, its targets) against the delete of the middle
   * target, each on rows of its own, and checks each round's outcome.
   */
  private void races(BiConsumer<Long, List<Long>> link) throws Exception {
    List<Long> books = ids(db.insertAll(books(ROUNDS)));
    List<Long> articles = ids(db.insertAll(articles(ROUNDS * TARGETS)));
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      Long book = books.get(round);
      List<Long> targets = articles.subList(round * TARGETS, (round + 1) * TARGETS);
      Long doomed = targets.get(TARGETS / 2);

      List<Throwable> ends =
          race.run(() -> link.accept(book, targets), () -> db.delete(Article.class, doomed));
      Throwable linkEnd = ends.get(0);
      Throwable deleteEnd = ends.get(1);

      assertThat(deleteEnd)
          .as("the delete, round %d: it goes through or ends transient", round)
          .satisfiesAnyOf(
              e -> assertThat(e).isNull(),
              e -> assertThat(e).isInstanceOf(TransientStoreException.class));
      boolean deleted = deleteEnd == null;
      assertThat(db.find(Article.class, doomed))
          .as("the deleted article, round %d", round)
          .matches(found -> found.isPresent() != deleted);
      if (linkEnd instanceof ConflictException) {
        assertThat(linkEnd)
            .as("the refused link, round %d, names the deleted target", round)
            .hasMessageContaining("Article")
            .hasMessageContaining(String.valueOf(doomed));
      } else if (linkEnd != null
          && !(linkEnd instanceof InvalidCallException)
          && !(linkEnd instanceof TransientStoreException)) {
        throw new AssertionError("round " + round + ": the link call saw " + linkEnd, linkEnd);
      }
      outcomes.merge(
          (linkEnd == null ? "linked" : linkEnd.getClass().getSimpleName())
              + (deleted ? ", deleted" : ", delete transient"),
          1,
          Integer::sum);

      List<Long> expected = new ArrayList<>();
      if (linkEnd == null) {
        expected.addAll(targets);
        if (deleted) {
          expected.remove(doomed);
        }
      }
      assertLinks(round, book, doomed, expected);
    }
    assertThat(outcomes.keySet())
        .as("outcomes of the %d rounds: %s", ROUNDS, outcomes)
        .anyMatch(o -> o.endsWith(", deleted"));
  }

  /**
   * The book's links are exactly {@code expected}, seen from the book, from each target and in the
   * store; no link reaches the deleted article.
   */
  private void assertLinks(int round, Long book, Long doomed, List<Long> expected) {
    assertThat(ids(db.on(book, ARTICLES).get()))
        .as("the book's articles after round %d", round)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(db.on(book, ARTICLES).count())
        .as("the count of the book's articles after round %d", round)
        .isEqualTo(expected.size());
    assertThat(db.on(doomed, ARTICLES.inverse()).count())
        .as("books of the deleted article after round %d", round)
        .isEqualTo(expected.contains(doomed) ? 1 : 0);
    if (provider().probe().isPresent()) {
      Set<Long> live = new HashSet<>(ids(db.findAll(Article.class)));
      List<StoredLink> stored =
          storedLinks(schema, ARTICLES).stream().filter(l -> book.equals(l.principal())).toList();
      assertThat(stored.stream().map(l -> (Long) l.dependent()).toList())
          .as("the book's links as the store holds them after round %d", round)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(stored)
          .as("stored links to rows that exist, after round %d", round)
          .allSatisfy(l -> assertThat(live).contains((Long) l.dependent()));
    }
  }

  private static List<Book> books(int n) {
    List<Book> books = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      books.add(book("Raced " + i, 2000));
    }
    return books;
  }

  private static List<Article> articles(int n) {
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      articles.add(article(String.format("Article-%04d", i)));
    }
    return articles;
  }

  private static List<Long> ids(List<?> entities) {
    return entities.stream().map(e -> (Long) StoreState.id(e)).toList();
  }
}

package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.books;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.Schema;
import io.liaison.TransientStoreException;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two writers at the same moment (the cheat sheet's "Concurrent callers"): callers racing on the
 * same links end in a state one of them alone, run after the other, would have left, never a mix,
 * and neither sees an exception. A store may refuse one of them transiently (a deadlock, say) as
 * long as it says so with a {@link io.liaison.TransientStoreException}: the engine runs a single
 * operation again, so the caller still sees nothing.
 *
 * <p>Each test repeats its race for several rounds: two threads wait at a barrier, then call at
 * once. Racing calls pass ids, not entities, so the two threads share no object. One test instead
 * runs eight callers mixing every kind of write for a bounded few seconds and checks the invariants
 * after.
 */
public abstract class ConcurrencyContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /** Races of single links: cheap, so many. */
  static final int ROUNDS = 50;

  /** Races of whole sets. */
  static final int SET_ROUNDS = 10;

  /** Targets in each raced set. */
  static final int TARGETS = 200;

  /** A call that takes longer than this is taken for a hang. */
  static final long TIMEOUT_SECONDS = Race.TIMEOUT_SECONDS;

  private Liaison db;
  private Race race;

  @BeforeEach
  void openLiaison() {
    db =
        liaison(
            Schema.builder()
                .models(Author.class, Book.class, Article.class)
                .associations(BOOKS, ARTICLES)
                .build());
    race = new Race();
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    race.close();
  }

  // ---------------------------------------------------------------- belongsToMany

  @Test
  void concurrentAddsOfOneUniqueLinkLeaveOneLinkAndNoError() {
    List<Long> books = ids(db.insertAll(books("Raced", ROUNDS)));
    List<Long> articles = ids(db.insertAll(articles(ROUNDS)));
    for (int round = 0; round < ROUNDS; round++) {
      Long book = books.get(round);
      Long article = articles.get(round);

      race.runBothToTheEnd(
          () -> db.on(book, ARTICLES).add(article, Map.of("role", "first")),
          () -> db.on(book, ARTICLES).add(article, Map.of("role", "second")));

      assertOneLink(round, book, article);
    }
  }

  @Test
  void concurrentTransactionsAddingOneUniqueLinkLeaveOneLinkAndNoError() {
    List<Long> books = ids(db.insertAll(books("Raced", ROUNDS)));
    List<Long> articles = ids(db.insertAll(articles(ROUNDS)));
    for (int round = 0; round < ROUNDS; round++) {
      Long book = books.get(round);
      Long article = articles.get(round);

      race.runBothToTheEnd(
          () -> db.inTransaction(tx -> tx.on(book, ARTICLES).add(article, Map.of("role", "first"))),
          () ->
              db.inTransaction(tx -> tx.on(book, ARTICLES).add(article, Map.of("role", "second"))));

      assertOneLink(round, book, article);
    }
  }

  @Test
  void concurrentAddsOfOneUniqueLinkFromBothSidesLeaveOneLinkAndNoError() {
    List<Long> books = ids(db.insertAll(books("Raced", ROUNDS)));
    List<Long> articles = ids(db.insertAll(articles(ROUNDS)));
    for (int round = 0; round < ROUNDS; round++) {
      Long book = books.get(round);
      Long article = articles.get(round);

      race.runBothToTheEnd(
          () -> db.on(book, ARTICLES).add(article, Map.of("role", "first")),
          () -> db.on(article, ARTICLES.inverse()).add(book, Map.of("role", "second")));

      assertOneLink(round, book, article);
    }
  }

  private void assertOneLink(int round, Long book, Long article) {
    List<LinkedTarget<Article>> links = db.on(book, ARTICLES).linkedTargets();
    assertThat(links)
        .as("links after round %d", round)
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.target().id).isEqualTo(article);
              assertThat(link.through("role")).isIn("first", "second");
            });
    assertThat(db.on(article, ARTICLES.inverse()).count())
        .as("links seen from the article, round %d", round)
        .isEqualTo(1);
  }

  @Test
  void concurrentSetsOfOneSourceLeaveExactlyOneOfTheTwoLists() {
    List<Long> all = ids(db.insertAll(articles(5 * TARGETS / 2)));
    // a and b share half their targets; each round starts from a third list that both must remove
    List<Long> a = all.subList(0, TARGETS);
    List<Long> b = all.subList(TARGETS / 2, 3 * TARGETS / 2);
    List<Long> before = all.subList(3 * TARGETS / 2, 5 * TARGETS / 2);
    Long book = db.insert(book("Raced", 2000)).id;

    for (int round = 0; round < SET_ROUNDS; round++) {
      db.on(book, ARTICLES).set(before, Map.of("role", "before"));

      race.runBothToTheEnd(
          () -> db.on(book, ARTICLES).set(a, Map.of("role", "a")),
          () -> db.on(book, ARTICLES).set(b, Map.of("role", "b")));

      List<LinkedTarget<Article>> links = db.on(book, ARTICLES).linkedTargets();
      List<Long> linked = new ArrayList<>();
      Set<Object> roles = new HashSet<>();
      for (LinkedTarget<Article> link : links) {
        linked.add(link.target().id);
        roles.add(link.through("role"));
      }
      assertOneOf(round, linked, a, b);
      assertThat(roles)
          .as("through attributes after round %d", round)
          .containsExactly(Set.copyOf(linked).equals(Set.copyOf(a)) ? "a" : "b");
    }
  }

  // ---------------------------------------------------------------- hasMany

  @Test
  void concurrentHasManySetsOfOneSourceLeaveExactlyOneOfTheTwoLists() {
    List<Long> all = ids(db.insertAll(books("Raced", 5 * TARGETS / 2)));
    List<Long> a = all.subList(0, TARGETS);
    List<Long> b = all.subList(TARGETS / 2, 3 * TARGETS / 2);
    List<Long> before = all.subList(3 * TARGETS / 2, 5 * TARGETS / 2);
    Long author = db.insert(author("Ann", "A-1")).id;

    for (int round = 0; round < SET_ROUNDS; round++) {
      db.on(author, BOOKS).set(before);

      race.runBothToTheEnd(() -> db.on(author, BOOKS).set(a), () -> db.on(author, BOOKS).set(b));

      assertOneOf(round, ids(db.on(author, BOOKS).get()), a, b);
    }
  }

  @Test
  void concurrentHasManyAddsOfOneTargetFromTwoSourcesLeaveItWithOne() {
    List<Long> authors = ids(db.insertAll(authors(2 * ROUNDS)));
    List<Long> books = ids(db.insertAll(books("Raced", ROUNDS)));
    for (int round = 0; round < ROUNDS; round++) {
      Long ann = authors.get(2 * round);
      Long bob = authors.get(2 * round + 1);
      Long book = books.get(round);

      race.runBothToTheEnd(() -> db.on(ann, BOOKS).add(book), () -> db.on(bob, BOOKS).add(book));

      List<Long> owners = new ArrayList<>();
      for (Long author : List.of(ann, bob)) {
        if (ids(db.on(author, BOOKS).get()).contains(book)) {
          owners.add(author);
        }
      }
      assertThat(owners).as("authors having the book after round %d", round).hasSize(1);
      assertThat(db.on(book, BOOKS.inverse()).get())
          .as("the book's author after round %d", round)
          .hasValueSatisfying(x -> assertThat(x.id).isEqualTo(owners.get(0)));
    }
  }

  @Test
  void concurrentHasManySetsOfTheSameTargetsFromTwoSourcesLeaveEachWithOne() {
    List<Long> raced = ids(db.insertAll(books("Raced", TARGETS)));
    List<Long> authors = ids(db.insertAll(authors(2 * SET_ROUNDS)));
    for (int round = 0; round < SET_ROUNDS; round++) {
      Long ann = authors.get(2 * round);
      Long bob = authors.get(2 * round + 1);

      race.runBothToTheEnd(() -> db.on(ann, BOOKS).set(raced), () -> db.on(bob, BOOKS).set(raced));

      Set<Long> anns = Set.copyOf(ids(db.on(ann, BOOKS).get()));
      Set<Long> bobs = Set.copyOf(ids(db.on(bob, BOOKS).get()));
      Set<Long> both = new HashSet<>(anns);
      both.retainAll(bobs);
      Set<Long> all = Set.copyOf(raced);
      assertThat(anns.equals(all) && bobs.isEmpty() || bobs.equals(all) && anns.isEmpty())
          .as(
              "after round %d one author has all %d books and the other none; Ann has %d, Bob %d, both %d",
              round, all.size(), anns.size(), bobs.size(), both.size())
          .isTrue();
    }
  }

  // ---------------------------------------------------------------- helpers

  // ---------------------------------------------------------------- many callers, every kind of
  // write

  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);

  /** Callers of the mixed workload. */
  static final int WORKERS = 8;

  /** How long the mixed workload runs; each caller stops by itself after it. */
  static final long MIXED_MILLIS = 3_000;

  /** Kinds of call in the mixed workload (see mixedCall). */
  static final int MIXED_KINDS = 13;

  /**
   * Eight callers for a few seconds, each picking at random among adds, sets, removes, creates and
   * deletes of targets (belongsToMany from both sides, hasMany, hasOne) on a few shared sources. A
   * call naming a row another caller just deleted may be refused, with {@link InvalidCallException}
   * or {@link ConflictException}, and a call whose every attempt lost a deadlock to the others may
   * end in {@link TransientStoreException} (its transaction rolled back whole, the policy of
   * architecture.md's "Faults"), as long as most calls complete; any other exception fails the
   * test. Afterwards: no unique link twice, no link to or from a deleted row, at most one target
   * per hasOne, and for every source {@code count()} equals {@code get().size()} equals what the
   * store holds (read natively through the provider's {@link StoreProbe}, when it has one).
   */
  @Test
  void eightCallersMixingEveryWriteOnSharedSourcesKeepEveryInvariant() throws Exception {
    Schema schema =
        Schema.builder()
            .models(Author.class, Book.class, Article.class, Person.class, Profile.class)
            .associations(BOOKS, ARTICLES, PROFILE)
            .build();
    Liaison mixed = liaison(schema);
    List<Long> shelves = ids(mixed.insertAll(books("Shared", 3)));
    List<Long> writers = ids(mixed.insertAll(authors(2)));
    List<Long> people = ids(mixed.insertAll(List.of(Samples.person("Ann"), Samples.person("Bob"))));
    List<Long> articles = new CopyOnWriteArrayList<>(ids(mixed.insertAll(articles(12))));
    List<Long> loose = new CopyOnWriteArrayList<>(ids(mixed.insertAll(books("Loose", 8))));
    List<Long> profiles =
        new CopyOnWriteArrayList<>(
            ids(
                mixed.insertAll(
                    List.of(Samples.profile("p0"), Samples.profile("p1"), Samples.profile("p2")))));
    // each kind of call once, alone: it works on its own (and a store that plans statements has
    // planned them)
    for (int kind = 0; kind < MIXED_KINDS; kind++) {
      mixedCall(
          mixed,
          kind,
          ThreadLocalRandom.current(),
          shelves,
          writers,
          people,
          articles,
          loose,
          profiles);
    }
    AtomicInteger done = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger transients = new AtomicInteger();
    long end = System.nanoTime() + MIXED_MILLIS * 1_000_000;
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        calls.add(
            workers.submit(
                () -> {
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  while (System.nanoTime() < end) {
                    try {
                      mixedCall(
                          mixed,
                          r.nextInt(MIXED_KINDS),
                          r,
                          shelves,
                          writers,
                          people,
                          articles,
                          loose,
                          profiles);
                      done.incrementAndGet();
                    } catch (InvalidCallException | ConflictException e) {
                      refused.incrementAndGet();
                    } catch (TransientStoreException e) {
                      transients.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> call : calls) {
        try {
          call.get(MIXED_MILLIS / 1000 + TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          throw new AssertionError("a caller saw an exception: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      workers.shutdownNow();
      workers.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(done.get() + refused.get())
        .as("calls made (%d refused)", refused.get())
        .isGreaterThanOrEqualTo(WORKERS);
    assertThat(transients.get())
        .as("calls that ended transient, against %d completed", done.get())
        .isLessThan(done.get());
    Set<Long> liveArticles = Set.copyOf(ids(mixed.findAll(Article.class)));
    Set<Long> liveBooks = Set.copyOf(ids(mixed.findAll(Book.class)));
    Set<Long> liveProfiles = Set.copyOf(ids(mixed.findAll(Profile.class)));
    boolean probed = provider().probe().isPresent();
    List<StoredLink> storedArticles = probed ? storedLinks(schema, ARTICLES) : List.of();
    List<StoredLink> storedBooks = probed ? storedLinks(schema, BOOKS) : List.of();
    List<StoredLink> storedProfiles = probed ? storedLinks(schema, PROFILE) : List.of();

    for (Long shelf : shelves) {
      List<Long> got = ids(mixed.on(shelf, ARTICLES).get());
      assertThat(got).as("articles of book %d", shelf).doesNotHaveDuplicates();
      assertThat(liveArticles).as("articles of book %d exist", shelf).containsAll(got);
      assertThat(mixed.on(shelf, ARTICLES).count())
          .as("count of book %d's articles", shelf)
          .isEqualTo(got.size());
      if (probed) {
        assertThat(stored(storedArticles, shelf))
            .as("stored links of book %d", shelf)
            .containsExactlyInAnyOrderElementsOf(got);
      }
    }
    if (probed) {
      assertThat(storedArticles)
          .as("stored belongsToMany links")
          .allSatisfy(
              l -> {
                assertThat(liveBooks).contains((Long) l.principal());
                assertThat(liveArticles).contains((Long) l.dependent());
              });
      assertThat(storedArticles.stream().map(l -> l.principal() + "->" + l.dependent()).toList())
          .as("unique links stored once")
          .doesNotHaveDuplicates();
    }
    for (Long writer : writers) {
      List<Long> got = ids(mixed.on(writer, BOOKS).get());
      assertThat(liveBooks).containsAll(got);
      assertThat(mixed.on(writer, BOOKS).count())
          .as("count of author %d's books", writer)
          .isEqualTo(got.size());
      if (probed) {
        assertThat(stored(storedBooks, writer))
            .as("stored links of author %d", writer)
            .containsExactlyInAnyOrderElementsOf(got);
      }
    }
    for (Long person : people) {
      List<Long> got = mixed.on(person, PROFILE).get().map(p -> List.of(p.id)).orElse(List.of());
      assertThat(liveProfiles).containsAll(got);
      if (probed) {
        assertThat(stored(storedProfiles, person))
            .as("stored profiles of person %d: one at most", person)
            .containsExactlyElementsOf(got);
      }
    }
  }

  /**
   * One call of the mixed workload, of this kind, on rows picked at random; ids only, so callers
   * share no object.
   */
  private static void mixedCall(
      Liaison db,
      int kind,
      ThreadLocalRandom r,
      List<Long> shelves,
      List<Long> writers,
      List<Long> people,
      List<Long> articles,
      List<Long> loose,
      List<Long> profiles) {
    Long shelf = pick(r, shelves);
    Long writer = pick(r, writers);
    Long person = pick(r, people);
    switch (kind) {
      case 0 -> db.on(shelf, ARTICLES).add(pick(r, articles), Map.of("role", "r" + r.nextInt(3)));
      case 1 -> db.on(pick(r, articles), ARTICLES.inverse()).add(shelf);
      case 2 -> db.on(shelf, ARTICLES).set(List.of(pick(r, articles), pick(r, articles)));
      case 3 -> db.on(shelf, ARTICLES).remove(pick(r, articles));
      case 4 ->
          articles.add(db.on(shelf, ARTICLES).create(article("Created " + r.nextInt(1000))).id);
      case 5 -> {
        Long gone = pick(r, articles);
        if (articles.size() > 4 && articles.remove(gone)) {
          db.delete(Article.class, gone);
        }
      }
      case 6 -> db.on(writer, BOOKS).add(pick(r, loose));
      case 7 -> db.on(writer, BOOKS).set(List.of(pick(r, loose)));
      case 8 -> loose.add(db.on(writer, BOOKS).create(Samples.book("Created", 2000)).id);
      case 9 -> {
        Long gone = pick(r, loose);
        if (loose.size() > 4 && loose.remove(gone)) {
          db.delete(Book.class, gone);
        }
      }
      case 10 -> db.on(person, PROFILE).set(pick(r, profiles));
      case 11 -> profiles.add(db.on(person, PROFILE).create(Samples.profile("created")).id);
      default -> {
        Long gone = pick(r, profiles);
        if (profiles.size() > 2 && profiles.remove(gone)) {
          db.delete(Profile.class, gone);
        }
      }
    }
  }

  private static Long pick(ThreadLocalRandom r, List<Long> ids) {
    while (true) {
      try {
        return ids.get(r.nextInt(ids.size()));
      } catch (IndexOutOfBoundsException e) {
        // another caller removed one meanwhile: pick again
      }
    }
  }

  /** The dependents the store holds for one principal. */
  private static List<Long> stored(List<StoredLink> links, Long principal) {
    return links.stream()
        .filter(l -> principal.equals(l.principal()))
        .map(l -> (Long) l.dependent())
        .toList();
  }

  /**
   * The targets are exactly list a or exactly list b; the message counts what they hold of each.
   */
  private static void assertOneOf(int round, List<Long> targets, List<Long> a, List<Long> b) {
    Set<Long> inA = Set.copyOf(a);
    Set<Long> inB = Set.copyOf(b);
    long onlyA = targets.stream().filter(t -> inA.contains(t) && !inB.contains(t)).count();
    long onlyB = targets.stream().filter(t -> inB.contains(t) && !inA.contains(t)).count();
    long shared = targets.stream().filter(t -> inA.contains(t) && inB.contains(t)).count();
    boolean exactlyOne =
        targets.size() == new HashSet<>(targets).size()
            && (Set.copyOf(targets).equals(inA) || Set.copyOf(targets).equals(inB));
    assertThat(exactlyOne)
        .as(
            "after round %d the %d targets are exactly list a or list b (%d each, %d shared);"
                + " they hold %d of a only, %d of b only, %d of both, %d others",
            round,
            targets.size(),
            a.size(),
            inA.stream().filter(inB::contains).count(),
            onlyA,
            onlyB,
            shared,
            targets.size() - onlyA - onlyB - shared)
        .isTrue();
  }

  private static List<Author> authors(int n) {
    List<Author> authors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      authors.add(author("Author " + i, "A-" + i));
    }
    return authors;
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

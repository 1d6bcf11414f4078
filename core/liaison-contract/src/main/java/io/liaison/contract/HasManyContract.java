package io.liaison.contract;

import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.books;
import static io.liaison.contract.Samples.chapter;
import static io.liaison.contract.Samples.citation;
import static io.liaison.contract.Samples.novel;
import static io.liaison.contract.Samples.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Citation;
import io.liaison.contract.fixtures.Novel;
import io.liaison.contract.fixtures.Person;
import io.liaison.spi.Capability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Author.hasMany(Book)} (implicit key) and {@code Book.hasMany(Chapter)} (declared {@code
 * bookId}): the plural mixins, moving and unlinking (rules 5, 9, 10, 12), default keys, sourceKey,
 * referential actions, the inverse, self-association and batch cost (rule 16).
 */
public abstract class HasManyContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final HasMany<Book, Chapter> CHAPTERS = Association.hasMany(Book.class, Chapter.class);

  /** The most round trips one batch operation may cost, whatever its size. */
  static final int MAX_BATCH_ROUND_TRIPS = 8;

  private Liaison withBooks() {
    return liaison(Schema.builder().models(Author.class, Book.class).association(BOOKS).build());
  }

  private Liaison withChapters(HasMany<Book, Chapter> chapters) {
    return liaison(
        Schema.builder().models(Book.class, Chapter.class).association(chapters).build());
  }

  private static Long bookIdOf(Liaison db, Chapter chapter) {
    return db.find(Chapter.class, chapter.id).orElseThrow().bookId;
  }

  private static List<Long> ids(List<Book> books) {
    return books.stream().map(b -> b.id).toList();
  }

  // get / count / has

  @Test
  void getReturnsEveryLinkedTargetAndNoOther() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    List<Book> anns =
        db.insertAll(List.of(book("One", 2001), book("Two", 2002), book("Three", 2003)));
    Book bobs = db.insert(book("Four", 2004));
    db.insert(book("Unlinked", 2005));
    db.on(ann, BOOKS).addAll(anns);
    db.on(bob, BOOKS).add(bobs);

    assertThat(db.on(ann, BOOKS).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrderElementsOf(ids(anns));
  }

  @Test
  void getIsEmptyWhenNothingIsLinked() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    db.insert(book("Unlinked", 2005));

    assertThat(db.on(ann, BOOKS).get()).isEmpty();
  }

  @Test
  void getWithWhereReturnsOnlyMatchingLinkedTargets() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    Book old = db.insert(book("Old", 1990));
    Book recent = db.insert(book("Recent", 2010));
    Book bobsRecent = db.insert(book("Bob's", 2011));
    db.on(ann, BOOKS).addAll(List.of(old, recent));
    db.on(bob, BOOKS).add(bobsRecent);

    List<Book> found = db.on(ann, BOOKS).get(Query.matching(Where.gt("year", 2000)));

    assertThat(found).extracting(b -> b.id).containsExactly(recent.id);
  }

  @Test
  void getWithOrderSortsTheTargets() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book b = db.insert(book("B", 2001));
    Book c = db.insert(book("C", 2002));
    Book a = db.insert(book("A", 2003));
    db.on(ann, BOOKS).addAll(List.of(b, c, a));

    List<Book> found = db.on(ann, BOOKS).get(Query.all().orderBy(Order.asc("title")));

    assertThat(found).extracting(x -> x.title).containsExactly("A", "B", "C");
  }

  @Test
  void getWithLimitReturnsTheFirstTargetsInOrder() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    List<Book> books =
        db.insertAll(
            List.of(book("Y1", 2001), book("Y4", 2004), book("Y2", 2002), book("Y3", 2003)));
    db.on(ann, BOOKS).addAll(books);

    List<Book> found = db.on(ann, BOOKS).get(Query.all().orderBy(Order.desc("year")).limit(2));

    assertThat(found).extracting(x -> x.year).containsExactly(2004, 2003);
  }

  @Test
  void countCountsOnlyThisSourcesTargets() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    db.on(ann, BOOKS)
        .addAll(db.insertAll(List.of(book("One", 2001), book("Two", 2002), book("Three", 2003))));
    db.on(bob, BOOKS).add(db.insert(book("Four", 2004)));
    db.insert(book("Unlinked", 2005));

    assertThat(db.on(ann, BOOKS).count()).isEqualTo(3);
  }

  @Test
  void countWithWhereCountsOnlyMatchingTargets() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    db.on(ann, BOOKS)
        .addAll(db.insertAll(List.of(book("One", 1990), book("Two", 2002), book("Three", 2003))));

    assertThat(db.on(ann, BOOKS).count(Query.matching(Where.gt("year", 2000)))).isEqualTo(2);
  }

  @Test
  void hasIsTrueOnlyForALinkedTarget() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    Book anns = db.insert(book("Ann's", 2001));
    Book bobs = db.insert(book("Bob's", 2002));
    Book nobodys = db.insert(book("Nobody's", 2003));
    db.on(ann, BOOKS).add(anns);
    db.on(bob, BOOKS).add(bobs);

    assertThat(db.on(ann, BOOKS).has(anns)).as("linked here").isTrue();
    assertThat(db.on(ann, BOOKS).has(bobs)).as("linked to another source").isFalse();
    assertThat(db.on(ann, BOOKS).has(nobodys)).as("not linked").isFalse();
  }

  @Test
  void hasAllIsTrueOnlyWhenEveryTargetIsLinked() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book one = db.insert(book("One", 2001));
    Book two = db.insert(book("Two", 2002));
    Book other = db.insert(book("Other", 2003));
    db.on(ann, BOOKS).addAll(List.of(one, two));

    assertThat(db.on(ann, BOOKS).hasAll(List.of(one, two))).as("all linked").isTrue();
    assertThat(db.on(ann, BOOKS).hasAll(List.of(one, other))).as("one not linked").isFalse();
  }

  @Test
  void hasAllOfNoTargetsIsTrue() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));

    assertThat(db.on(ann, BOOKS).hasAll(List.of())).isTrue();
  }

  // add

  @Test
  void addLinksOneTarget() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book book = db.insert(book("One", 2001));

    db.on(ann, BOOKS).add(book);

    assertThat(db.on(ann, BOOKS).get()).extracting(b -> b.id).containsExactly(book.id);
  }

  @Test
  void addKeepsTheTargetsAlreadyLinked() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book first = db.insert(book("One", 2001));
    Book second = db.insert(book("Two", 2002));
    db.on(ann, BOOKS).add(first);

    db.on(ann, BOOKS).add(second);

    assertThat(db.on(ann, BOOKS).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrder(first.id, second.id);
  }

  @Test
  void addAllLinksEveryTarget() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    List<Book> books = db.insertAll(books("b", 5));

    db.on(ann, BOOKS).addAll(books);

    assertThat(db.on(ann, BOOKS).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrderElementsOf(ids(books));
  }

  @Test
  void sourceAndTargetsMayBeGivenAsIds() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book one = db.insert(book("One", 2001));
    Book two = db.insert(book("Two", 2002));
    Book three = db.insert(book("Three", 2003));

    db.on(ann.id, BOOKS).add(one.id);
    db.on(ann.id, BOOKS).addAll(List.of(two.id, three.id));

    assertThat(db.on(ann.id, BOOKS).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrder(one.id, two.id, three.id);
  }

  @Test
  void addMovesATargetLinkedToAnotherSource() {
    Liaison db = withChapters(CHAPTERS);
    Book first = db.insert(book("First", 2001));
    Book second = db.insert(book("Second", 2002));
    Chapter chapter = db.insert(chapter("One"));
    db.on(first, CHAPTERS).add(chapter);

    db.on(second, CHAPTERS).add(chapter);

    assertThat(bookIdOf(db, chapter)).isEqualTo(second.id);
    assertThat(db.on(first, CHAPTERS).get()).as("the previous source").isEmpty();
    assertThat(db.on(second, CHAPTERS).get()).extracting(c -> c.id).containsExactly(chapter.id);
  }

  // set

  @Test
  void setReplacesTheTargetsAndNullsTheForeignKeyOfUnlinkedOnes() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Chapter dropped = db.insert(chapter("Dropped"));
    Chapter kept = db.insert(chapter("Kept"));
    Chapter added = db.insert(chapter("Added"));
    db.on(book, CHAPTERS).addAll(List.of(dropped, kept));

    db.on(book, CHAPTERS).set(List.of(kept, added));

    assertThat(db.on(book, CHAPTERS).get())
        .extracting(c -> c.id)
        .containsExactlyInAnyOrder(kept.id, added.id);
    assertThat(db.find(Chapter.class, dropped.id)).as("the unlinked target").isPresent();
    assertThat(bookIdOf(db, dropped)).as("the unlinked target's foreign key").isNull();
  }

  @Test
  void setDeletesUnlinkedTargetsWhenForeignKeyMayNotBeNull() {
    HasMany<Book, Chapter> strict = CHAPTERS.foreignKeyAllowNull(false);
    Liaison db = withChapters(strict);
    Book book = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    Chapter dropped = db.on(book, strict).create(chapter("Dropped"));
    Chapter kept = db.on(book, strict).create(chapter("Kept"));
    Chapter moved = db.on(other, strict).create(chapter("Moved"));

    db.on(book, strict).set(List.of(kept, moved));

    assertThat(db.find(Chapter.class, dropped.id)).as("the unlinked target").isEmpty();
    assertThat(db.on(book, strict).get())
        .extracting(c -> c.id)
        .containsExactlyInAnyOrder(kept.id, moved.id);
  }

  @Test
  void setNullClearsEveryLink() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Chapter one = db.insert(chapter("One"));
    Chapter two = db.insert(chapter("Two"));
    db.on(book, CHAPTERS).addAll(List.of(one, two));

    db.on(book, CHAPTERS).set(null);

    assertThat(db.on(book, CHAPTERS).count()).isZero();
    assertThat(bookIdOf(db, one)).isNull();
    assertThat(bookIdOf(db, two)).isNull();
  }

  @Test
  void setEmptyClearsEveryLink() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Chapter one = db.insert(chapter("One"));
    Chapter two = db.insert(chapter("Two"));
    db.on(book, CHAPTERS).addAll(List.of(one, two));

    db.on(book, CHAPTERS).set(List.of());

    assertThat(db.on(book, CHAPTERS).count()).isZero();
    assertThat(bookIdOf(db, one)).isNull();
    assertThat(bookIdOf(db, two)).isNull();
  }

  @Test
  void setLeavesOtherSourcesTargetsAlone() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    Chapter mine = db.insert(chapter("Mine"));
    Chapter theirs = db.insert(chapter("Theirs"));
    db.on(book, CHAPTERS).add(mine);
    db.on(other, CHAPTERS).add(theirs);

    db.on(book, CHAPTERS).set(List.of());

    assertThat(bookIdOf(db, theirs)).isEqualTo(other.id);
  }

  // remove

  @Test
  void removeUnlinksTheTargetAndNullsItsForeignKey() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Chapter removed = db.insert(chapter("Removed"));
    Chapter kept = db.insert(chapter("Kept"));
    db.on(book, CHAPTERS).addAll(List.of(removed, kept));

    db.on(book, CHAPTERS).remove(removed);

    assertThat(db.on(book, CHAPTERS).get()).extracting(c -> c.id).containsExactly(kept.id);
    assertThat(db.find(Chapter.class, removed.id)).as("the unlinked target").isPresent();
    assertThat(bookIdOf(db, removed)).isNull();
  }

  @Test
  void removeDeletesTheTargetWhenForeignKeyMayNotBeNull() {
    HasMany<Book, Chapter> strict = CHAPTERS.foreignKeyAllowNull(false);
    Liaison db = withChapters(strict);
    Book book = db.insert(book("Graphs", 2001));
    Chapter removed = db.on(book, strict).create(chapter("Removed"));
    Chapter kept = db.on(book, strict).create(chapter("Kept"));

    db.on(book, strict).remove(removed);

    assertThat(db.find(Chapter.class, removed.id)).as("the unlinked target").isEmpty();
    assertThat(db.on(book, strict).get()).extracting(c -> c.id).containsExactly(kept.id);
  }

  @Test
  void removeAllUnlinksEveryGivenTarget() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    List<Book> books = db.insertAll(books("b", 4));
    db.on(ann, BOOKS).addAll(books);

    db.on(ann, BOOKS).removeAll(books.subList(0, 3));

    assertThat(db.on(ann, BOOKS).get()).extracting(b -> b.id).containsExactly(books.get(3).id);
    assertThat(db.findAll(Book.class)).as("unlinked targets are kept").hasSize(4);
  }

  @Test
  void removeOfATargetLinkedToAnotherSourceChangesNothing() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    Chapter theirs = db.insert(chapter("Theirs"));
    db.on(other, CHAPTERS).add(theirs);

    db.on(book, CHAPTERS).remove(theirs);

    assertThat(bookIdOf(db, theirs)).isEqualTo(other.id);
  }

  @Test
  void removeOfAnUnlinkedTargetKeepsItWhenForeignKeyMayNotBeNull() {
    HasMany<Book, Chapter> strict = CHAPTERS.foreignKeyAllowNull(false);
    Liaison db = withChapters(strict);
    Book book = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    Chapter theirs = db.on(other, strict).create(chapter("Theirs"));

    db.on(book, strict).remove(theirs);

    assertThat(db.find(Chapter.class, theirs.id)).as("a target of another source").isPresent();
    assertThat(bookIdOf(db, theirs)).isEqualTo(other.id);
  }

  @Test
  void removeAllLeavesTargetsLinkedElsewhereAlone() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    Chapter mine = db.insert(chapter("Mine"));
    Chapter theirs = db.insert(chapter("Theirs"));
    db.on(book, CHAPTERS).add(mine);
    db.on(other, CHAPTERS).add(theirs);

    db.on(book, CHAPTERS).removeAll(List.of(mine, theirs));

    assertThat(bookIdOf(db, mine)).isNull();
    assertThat(bookIdOf(db, theirs)).isEqualTo(other.id);
  }

  // create

  @Test
  void createInsertsTheTargetAndLinksIt() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Chapter existing = db.on(book, CHAPTERS).create(chapter("One"));

    Chapter created = db.on(book, CHAPTERS).create(chapter("Two"));

    assertThat(created.id).as("generated id").isNotNull();
    assertThat(db.find(Chapter.class, created.id)).get().extracting(c -> c.title).isEqualTo("Two");
    assertThat(db.on(book, CHAPTERS).get())
        .extracting(c -> c.id)
        .containsExactlyInAnyOrder(existing.id, created.id);
  }

  @Test
  void createWritesTheForeignKeyWithTheTargetWhenItMayNotBeNull() {
    HasMany<Book, Chapter> strict = CHAPTERS.foreignKeyAllowNull(false);
    Liaison db = withChapters(strict);
    Book book = db.insert(book("Graphs", 2001));

    Chapter created = db.on(book, strict).create(chapter("One"));

    assertThat(bookIdOf(db, created)).isEqualTo(book.id);
  }

  // keys (rule 2) and sourceKey

  @Test
  void defaultForeignKeyIsTheSourceNamePlusId() {
    HasMany<Author, Novel> novels = Association.hasMany(Author.class, Novel.class);
    Liaison db =
        liaison(Schema.builder().models(Author.class, Novel.class).association(novels).build());
    Author ann = db.insert(author("Ann", "A-1"));
    Novel novel = db.insert(novel("Dune"));

    db.on(ann, novels).add(novel);

    assertThat(db.find(Novel.class, novel.id)).get().extracting(n -> n.authorId).isEqualTo(ann.id);
  }

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void sourceKeyMakesTheForeignKeyHoldTheSourcesKey() {
    HasMany<Author, Citation> citations =
        Association.hasMany(Author.class, Citation.class)
            .sourceKey("code")
            .foreignKey("authorCode");
    Liaison db =
        liaison(
            Schema.builder().models(Author.class, Citation.class).association(citations).build());
    Author ann = db.insert(author("Ann", "A-1"));
    db.insert(author("Bob", "B-1"));
    Citation citation = db.insert(citation("quoted"));

    db.on(ann, citations).add(citation);

    assertThat(db.find(Citation.class, citation.id))
        .get()
        .extracting(c -> c.authorCode)
        .isEqualTo("A-1");
    assertThat(db.on(ann, citations).get()).extracting(c -> c.id).containsExactly(citation.id);
  }

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void defaultForeignKeyEndsWithTheSourceKeyName() {
    HasMany<Author, Citation> citations =
        Association.hasMany(Author.class, Citation.class).sourceKey("code");
    Liaison db =
        liaison(
            Schema.builder().models(Author.class, Citation.class).association(citations).build());
    Author ann = db.insert(author("Ann", "A-1"));
    Citation citation = db.insert(citation("quoted"));

    db.on(ann, citations).add(citation);

    assertThat(db.find(Citation.class, citation.id))
        .get()
        .extracting(c -> c.authorCode)
        .isEqualTo("A-1");
  }

  // onDelete (rules 3, 4) and constraints(false)

  @Test
  void deletingTheSourceNullsTheForeignKeyByDefault() {
    Liaison db = withChapters(CHAPTERS);
    Book book = db.insert(book("Graphs", 2001));
    Chapter one = db.on(book, CHAPTERS).create(chapter("One"));
    Chapter two = db.on(book, CHAPTERS).create(chapter("Two"));

    db.delete(book);

    assertThat(db.findAll(Chapter.class)).as("the targets are kept").hasSize(2);
    assertThat(bookIdOf(db, one)).isNull();
    assertThat(bookIdOf(db, two)).isNull();
  }

  @Test
  void deletingTheSourceDeletesItsTargetsByDefaultWhenForeignKeyMayNotBeNull() {
    HasMany<Book, Chapter> strict = CHAPTERS.foreignKeyAllowNull(false);
    Liaison db = withChapters(strict);
    Book doomed = db.insert(book("Doomed", 2001));
    Book kept = db.insert(book("Kept", 2002));
    db.on(doomed, strict).create(chapter("One"));
    db.on(doomed, strict).create(chapter("Two"));
    Chapter survivor = db.on(kept, strict).create(chapter("Three"));

    db.delete(doomed);

    assertThat(db.findAll(Chapter.class)).extracting(c -> c.id).containsExactly(survivor.id);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void restrictRefusesDeletingASourceWithTargetsAndChangesNothing() {
    HasMany<Book, Chapter> restricted = CHAPTERS.onDelete(ReferentialAction.RESTRICT);
    Liaison db = withChapters(restricted);
    Book book = db.insert(book("Graphs", 2001));
    Chapter chapter = db.on(book, restricted).create(chapter("One"));

    assertThatThrownBy(() -> db.delete(book)).isInstanceOf(ConflictException.class);

    assertThat(db.find(Book.class, book.id)).as("the source").isPresent();
    assertThat(bookIdOf(db, chapter)).isEqualTo(book.id);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void restrictLetsASourceWithoutTargetsBeDeleted() {
    HasMany<Book, Chapter> restricted = CHAPTERS.onDelete(ReferentialAction.RESTRICT);
    Liaison db = withChapters(restricted);
    Book empty = db.insert(book("Empty", 2001));
    Book other = db.insert(book("Other", 2002));
    db.on(other, restricted).create(chapter("One"));

    db.delete(empty);

    assertThat(db.find(Book.class, empty.id)).isEmpty();
  }

  @Test
  void withoutConstraintsLinksAreReadAndRemoved() {
    HasMany<Book, Chapter> loose = CHAPTERS.constraints(false);
    Liaison db = withChapters(loose);
    Book book = db.insert(book("Graphs", 2001));
    Chapter one = db.insert(chapter("One"));
    Chapter two = db.insert(chapter("Two"));
    db.on(book, loose).addAll(List.of(one, two));

    db.on(book, loose).remove(one);

    assertThat(db.on(book, loose).get()).extracting(c -> c.id).containsExactly(two.id);
    assertThat(bookIdOf(db, two)).isEqualTo(book.id);
  }

  @Test
  void withoutConstraintsDeletingTheSourceDeletesNoTarget() {
    HasMany<Book, Chapter> loose = CHAPTERS.foreignKeyAllowNull(false).constraints(false);
    Liaison db = withChapters(loose);
    Book book = db.insert(book("Graphs", 2001));
    Chapter chapter = db.on(book, loose).create(chapter("One"));

    db.delete(book);

    assertThat(db.find(Book.class, book.id)).as("the source").isEmpty();
    assertThat(db.find(Chapter.class, chapter.id)).as("the target").isPresent();
  }

  // several associations, the inverse, self-association

  @Test
  void twoAssociationsBetweenTheSameModelsAreIndependent() {
    HasMany<Author, Book> written =
        Association.hasMany(Author.class, Book.class)
            .as("written")
            .foreignKey("writerId")
            .inverseAs("writer");
    HasMany<Author, Book> edited =
        Association.hasMany(Author.class, Book.class)
            .as("edited")
            .foreignKey("editorId")
            .inverseAs("editor");
    Liaison db =
        liaison(
            Schema.builder()
                .models(Author.class, Book.class)
                .associations(written, edited)
                .build());
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    Book both = db.insert(book("Both", 2001));
    Book writtenOnly = db.insert(book("Written", 2002));

    db.on(ann, written).addAll(List.of(both, writtenOnly));
    db.on(bob, edited).add(both);

    assertThat(db.on(ann, written).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrder(both.id, writtenOnly.id);
    assertThat(db.on(ann, edited).get()).isEmpty();
    assertThat(db.on(bob, edited).get()).extracting(b -> b.id).containsExactly(both.id);
    assertThat(db.on(bob, written).get()).isEmpty();
  }

  @Test
  void inverseReadsTheLinksThatHasManyMade() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book book = db.insert(book("One", 2001));

    db.on(ann, BOOKS).add(book);

    assertThat(db.on(book, BOOKS.inverse()).get()).get().extracting(a -> a.id).isEqualTo(ann.id);
  }

  @Test
  void hasManyReadsTheLinksThatItsInverseMade() {
    Liaison db = withBooks();
    Author ann = db.insert(author("Ann", "A-1"));
    Book one = db.insert(book("One", 2001));
    Book two = db.insert(book("Two", 2002));

    db.on(one, BOOKS.inverse()).set(ann);
    db.on(two, BOOKS.inverse()).set(ann.id);

    assertThat(db.on(ann, BOOKS).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrder(one.id, two.id);
  }

  /** Cheat sheet rule 4: the key field of an entity handed to a link write follows the store. */
  @Test
  void theKeyFieldOfAnEntityGivenToALinkWriteFollowsTheStore() {
    HasMany<Author, Novel> novels = Association.hasMany(Author.class, Novel.class);
    BelongsTo<Novel, Author> author = Association.belongsTo(Novel.class, Author.class);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Author.class, Novel.class)
                .associations(novels, author)
                .build());
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    Novel dune = db.insert(novel("Dune"));
    Novel emma = db.insert(novel("Emma"));
    Novel byId = db.insert(novel("Ulysses"));

    db.on(ann, novels).add(dune);
    db.batch(novels).addAll(List.of(LinkBetween.of(bob, emma), LinkBetween.of(ann.id, byId.id)));

    assertThat(dune.authorId).isEqualTo(ann.id);
    assertThat(emma.authorId).isEqualTo(bob.id);
    assertThat(byId.authorId).as("an entity the call was not given").isNull();
    assertThat(db.find(Novel.class, byId.id)).get().extracting(n -> n.authorId).isEqualTo(ann.id);

    db.on(emma, author).set(ann);
    assertThat(emma.authorId).isEqualTo(ann.id);
    db.on(ann, novels).remove(dune);
    assertThat(dune.authorId).isNull();
    assertThat(db.find(Novel.class, dune.id)).get().extracting(n -> n.authorId).isNull();
  }

  @Test
  void declaredBelongsToSharesTheForeignKeyOfHasMany() {
    HasMany<Author, Novel> novels = Association.hasMany(Author.class, Novel.class);
    BelongsTo<Novel, Author> author = Association.belongsTo(Novel.class, Author.class);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Author.class, Novel.class)
                .associations(novels, author)
                .build());
    Author ann = db.insert(author("Ann", "A-1"));
    Novel viaHasMany = db.insert(novel("Dune"));
    Novel viaBelongsTo = db.insert(novel("Emma"));

    db.on(ann, novels).add(viaHasMany);
    db.on(viaBelongsTo, author).set(ann);

    assertThat(db.on(viaHasMany, author).get()).get().extracting(a -> a.id).isEqualTo(ann.id);
    assertThat(db.on(ann, novels).get())
        .extracting(n -> n.id)
        .containsExactlyInAnyOrder(viaHasMany.id, viaBelongsTo.id);
  }

  @Test
  void selfAssociationKeepsEachParentsChildrenApart() {
    HasMany<Person, Person> children =
        Association.hasMany(Person.class, Person.class)
            .as("children")
            .inverseAs("parent")
            .foreignKey("parentId");
    Liaison db = liaison(Schema.builder().models(Person.class).association(children).build());
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    Person carl = db.insert(person("Carl"));
    Person dora = db.insert(person("Dora"));

    db.on(ann, children).addAll(List.of(bob, carl));
    db.on(bob, children).add(dora);

    assertThat(db.on(ann, children).get())
        .extracting(p -> p.name)
        .containsExactlyInAnyOrder("Bob", "Carl");
    assertThat(db.on(bob, children).get()).extracting(p -> p.name).containsExactly("Dora");
    assertThat(db.on(dora, children).get()).isEmpty();
  }

  @Test
  void selfAssociationInverseReadsTheParent() {
    HasMany<Person, Person> children =
        Association.hasMany(Person.class, Person.class)
            .as("children")
            .inverseAs("parent")
            .foreignKey("parentId");
    Liaison db = liaison(Schema.builder().models(Person.class).association(children).build());
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));

    db.on(ann, children).add(bob);

    assertThat(db.on(bob, children.inverse()).get()).get().extracting(p -> p.id).isEqualTo(ann.id);
    assertThat(db.on(ann, children.inverse()).get()).isEmpty();
  }

  // batches (rule 16): one author with 10 targets, another with 1,000, in the same store

  /** One step of a batch scenario over an author and its (saved) books. */
  private interface Step {
    void run(Liaison db, Author author, List<Book> books);
  }

  private int batchCost(Liaison db, int n, Step prepare, Step measured, Step check) {
    Author author = db.insert(author("Author of " + n, "A-" + n));
    List<Book> books = db.insertAll(books("n" + n, n));
    prepare.run(db, author, books);
    int cost = roundTrips(() -> measured.run(db, author, books));
    check.run(db, author, books);
    return cost;
  }

  private void assertConstantCost(Step prepare, Step measured, Step check) {
    Liaison db = withBooks();
    int ofTen = batchCost(db, 10, prepare, measured, check);
    int ofThousand = batchCost(db, 1000, prepare, measured, check);
    assertThat(ofThousand).as("round trips for 1,000 targets (10 cost %d)", ofTen).isEqualTo(ofTen);
    assertThat(ofThousand)
        .as("round trips for one batch")
        .isLessThanOrEqualTo(MAX_BATCH_ROUND_TRIPS);
  }

  private static void nothing(Liaison db, Author author, List<Book> books) {}

  private static void linkAll(Liaison db, Author author, List<Book> books) {
    db.on(author, BOOKS).addAll(books);
  }

  @Test
  void addAllCostsTheSameRoundTripsForAThousandTargetsAsForTen() {
    assertConstantCost(
        HasManyContract::nothing,
        (db, author, books) -> db.on(author, BOOKS).addAll(books),
        (db, author, books) -> assertThat(db.on(author, BOOKS).count()).isEqualTo(books.size()));
  }

  @Test
  void removeAllCostsTheSameRoundTripsForAThousandTargetsAsForTen() {
    assertConstantCost(
        HasManyContract::linkAll,
        (db, author, books) -> db.on(author, BOOKS).removeAll(books),
        (db, author, books) -> assertThat(db.on(author, BOOKS).count()).isZero());
  }

  @Test
  void setCostsTheSameRoundTripsForAThousandTargetsAsForTen() {
    // Linked before: the first half. Set to: the last three quarters. So set keeps, adds and
    // removes.
    assertConstantCost(
        (db, author, books) -> db.on(author, BOOKS).addAll(books.subList(0, books.size() / 2)),
        (db, author, books) ->
            db.on(author, BOOKS).set(books.subList(books.size() / 4, books.size())),
        (db, author, books) ->
            assertThat(db.on(author, BOOKS).get())
                .extracting(b -> b.id)
                .containsExactlyInAnyOrderElementsOf(
                    ids(books.subList(books.size() / 4, books.size()))));
  }

  @Test
  void getCostsTheSameRoundTripsForAThousandTargetsAsForTen() {
    List<Integer> sizes = new ArrayList<>();
    assertConstantCost(
        HasManyContract::linkAll,
        (db, author, books) -> sizes.add(db.on(author, BOOKS).get().size()),
        (db, author, books) -> assertThat(sizes.get(sizes.size() - 1)).isEqualTo(books.size()));
  }

  @Test
  void countCostsTheSameRoundTripsForAThousandTargetsAsForTen() {
    List<Long> counts = new ArrayList<>();
    assertConstantCost(
        HasManyContract::linkAll,
        (db, author, books) -> counts.add(db.on(author, BOOKS).count()),
        (db, author, books) -> assertThat(counts.get(counts.size() - 1)).isEqualTo(books.size()));
  }

  @Test
  void hasAllCostsTheSameRoundTripsForAThousandTargetsAsForTen() {
    List<Boolean> answers = new ArrayList<>();
    assertConstantCost(
        HasManyContract::linkAll,
        (db, author, books) -> answers.add(db.on(author, BOOKS).hasAll(books)),
        (db, author, books) -> assertThat(answers.get(answers.size() - 1)).isTrue());
  }
}

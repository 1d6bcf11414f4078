package io.liaison.contract;

import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.chapter;
import static io.liaison.contract.Samples.citation;
import static io.liaison.contract.Samples.comment;
import static io.liaison.contract.Samples.essay;
import static io.liaison.contract.Samples.novel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Citation;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Essay;
import io.liaison.contract.fixtures.Novel;
import io.liaison.spi.Capability;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Chapter.belongsTo(Book)} (declared {@code bookId}) and {@code Comment.belongsTo(Author)}
 * (implicit key): get, set, create, default keys, targetKey and the default referential actions
 * (cheat sheet rules 2, 3, 4, 6).
 */
public abstract class BelongsToContract extends ContractGroup {

  static final BelongsTo<Chapter, Book> BOOK = Association.belongsTo(Chapter.class, Book.class);
  static final BelongsTo<Comment, Author> AUTHOR =
      Association.belongsTo(Comment.class, Author.class);

  private Liaison withBook(BelongsTo<Chapter, Book> book) {
    return liaison(Schema.builder().models(Chapter.class, Book.class).association(book).build());
  }

  private Liaison withAuthor() {
    return liaison(
        Schema.builder().models(Comment.class, Author.class).association(AUTHOR).build());
  }

  private static Long bookIdOf(Liaison db, Chapter chapter) {
    return db.find(Chapter.class, chapter.id).orElseThrow().bookId;
  }

  // get / set

  @Test
  void getIsEmptyWhenNothingIsLinked() {
    Liaison db = withAuthor();
    Comment comment = db.insert(comment("first"));
    db.insert(author("Ann", "A-1"));

    assertThat(db.on(comment, AUTHOR).get()).isEmpty();
  }

  @Test
  void getReturnsTheTargetThatSetLinked() {
    Liaison db = withAuthor();
    Comment comment = db.insert(comment("first"));
    Author ann = db.insert(author("Ann", "A-1"));
    db.insert(author("Bob", "B-1"));

    db.on(comment, AUTHOR).set(ann);

    assertThat(db.on(comment, AUTHOR).get())
        .get()
        .satisfies(a -> assertThat(a.id).isEqualTo(ann.id))
        .satisfies(a -> assertThat(a.name).isEqualTo("Ann"));
  }

  @Test
  void setWritesTheTargetIdIntoTheSourcesForeignKey() {
    Liaison db = withBook(BOOK);
    Chapter chapter = db.insert(chapter("One"));
    Book book = db.insert(book("Graphs", 2001));

    db.on(chapter, BOOK).set(book);

    assertThat(bookIdOf(db, chapter)).isEqualTo(book.id);
  }

  @Test
  void setReplacesThePreviousTargetAndKeepsIt() {
    Liaison db = withBook(BOOK);
    Chapter chapter = db.insert(chapter("One"));
    Book first = db.insert(book("First", 2001));
    Book second = db.insert(book("Second", 2002));
    db.on(chapter, BOOK).set(first);

    db.on(chapter, BOOK).set(second);

    assertThat(db.on(chapter, BOOK).get()).get().extracting(b -> b.id).isEqualTo(second.id);
    assertThat(db.find(Book.class, first.id)).as("the previous target").isPresent();
  }

  @Test
  void setChangesOnlyThisSource() {
    Liaison db = withBook(BOOK);
    Chapter one = db.insert(chapter("One"));
    Chapter two = db.insert(chapter("Two"));
    Book first = db.insert(book("First", 2001));
    Book second = db.insert(book("Second", 2002));
    db.on(one, BOOK).set(first);
    db.on(two, BOOK).set(first);

    db.on(one, BOOK).set(second);

    assertThat(bookIdOf(db, two)).as("another source of the previous target").isEqualTo(first.id);
  }

  @Test
  void setNullNullsTheSourcesForeignKey() {
    Liaison db = withBook(BOOK);
    Chapter chapter = db.insert(chapter("One"));
    Book book = db.insert(book("Graphs", 2001));
    db.on(chapter, BOOK).set(book);

    db.on(chapter, BOOK).set(null);

    assertThat(db.on(chapter, BOOK).get()).isEmpty();
    assertThat(bookIdOf(db, chapter)).isNull();
    assertThat(db.find(Book.class, book.id)).as("the unlinked target").isPresent();
  }

  @Test
  void setNullIsRefusedWhenForeignKeyMayNotBeNullAndChangesNothing() {
    BelongsTo<Chapter, Book> strict = BOOK.foreignKeyAllowNull(false);
    Liaison db = withBook(strict);
    Book book = db.insert(book("Graphs", 2001));
    Chapter chapter = chapter("One");
    chapter.bookId = book.id;
    db.insert(chapter);

    assertThatThrownBy(() -> db.on(chapter, strict).set(null))
        .isInstanceOf(InvalidCallException.class);

    assertThat(bookIdOf(db, chapter)).isEqualTo(book.id);
    assertThat(db.on(chapter, strict).get()).get().extracting(b -> b.id).isEqualTo(book.id);
  }

  @Test
  void sourceAndTargetMayBeGivenAsIds() {
    Liaison db = withAuthor();
    Comment comment = db.insert(comment("first"));
    Author ann = db.insert(author("Ann", "A-1"));

    db.on(comment.id, AUTHOR).set(ann.id);

    assertThat(db.on(comment.id, AUTHOR).get()).get().extracting(a -> a.name).isEqualTo("Ann");
  }

  // create

  @Test
  void createInsertsTheTargetAndPointsTheSourceAtIt() {
    Liaison db = withBook(BOOK);
    Chapter chapter = db.insert(chapter("One"));

    Book created = db.on(chapter, BOOK).create(book("Graphs", 2001));

    assertThat(created.id).as("generated id").isNotNull();
    assertThat(db.find(Book.class, created.id)).get().extracting(b -> b.title).isEqualTo("Graphs");
    assertThat(bookIdOf(db, chapter)).isEqualTo(created.id);
  }

  @Test
  void createReplacesThePreviousTargetAndKeepsIt() {
    Liaison db = withAuthor();
    Comment comment = db.insert(comment("first"));
    Author previous = db.on(comment, AUTHOR).create(author("Ann", "A-1"));

    Author created = db.on(comment, AUTHOR).create(author("Bob", "B-1"));

    assertThat(db.on(comment, AUTHOR).get()).get().extracting(a -> a.id).isEqualTo(created.id);
    assertThat(db.find(Author.class, previous.id)).as("the previous target").isPresent();
  }

  // foreign-key names (rule 2)

  @Test
  void defaultForeignKeyIsTheTargetNamePlusId() {
    BelongsTo<Novel, Author> author = Association.belongsTo(Novel.class, Author.class);
    Liaison db =
        liaison(Schema.builder().models(Novel.class, Author.class).association(author).build());
    Novel novel = db.insert(novel("Dune"));
    Author ann = db.insert(author("Ann", "A-1"));

    db.on(novel, author).set(ann);

    assertThat(db.find(Novel.class, novel.id)).get().extracting(n -> n.authorId).isEqualTo(ann.id);
  }

  @Test
  void defaultForeignKeyIsTheAliasPlusId() {
    BelongsTo<Essay, Author> writer = Association.belongsTo(Essay.class, Author.class).as("writer");
    Liaison db =
        liaison(Schema.builder().models(Essay.class, Author.class).association(writer).build());
    Essay essay = db.insert(essay("On graphs"));
    Author ann = db.insert(author("Ann", "A-1"));

    db.on(essay, writer).set(ann);

    assertThat(db.find(Essay.class, essay.id)).get().extracting(e -> e.writerId).isEqualTo(ann.id);
  }

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void defaultForeignKeyEndsWithTheTargetKeyName() {
    BelongsTo<Citation, Author> author =
        Association.belongsTo(Citation.class, Author.class).targetKey("code");
    Liaison db =
        liaison(Schema.builder().models(Citation.class, Author.class).association(author).build());
    Citation citation = db.insert(citation("quoted"));
    Author ann = db.insert(author("Ann", "A-1"));

    db.on(citation, author).set(ann);

    assertThat(db.find(Citation.class, citation.id))
        .get()
        .extracting(c -> c.authorCode)
        .isEqualTo("A-1");
  }

  // targetKey

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void targetKeyMakesTheForeignKeyHoldTheTargetsKey() {
    BelongsTo<Citation, Author> author =
        Association.belongsTo(Citation.class, Author.class)
            .targetKey("code")
            .foreignKey("authorCode");
    Liaison db =
        liaison(Schema.builder().models(Citation.class, Author.class).association(author).build());
    Citation citation = db.insert(citation("quoted"));
    db.insert(author("Bob", "B-1"));
    Author ann = db.insert(author("Ann", "A-1"));

    db.on(citation, author).set(ann);

    assertThat(db.find(Citation.class, citation.id))
        .get()
        .extracting(c -> c.authorCode)
        .isEqualTo("A-1");
    assertThat(db.on(citation, author).get()).get().extracting(a -> a.id).isEqualTo(ann.id);
  }

  @Test
  @Requires(Capability.CUSTOM_KEYS)
  void changingTheTargetKeyUpdatesTheForeignKeyByDefault() {
    BelongsTo<Citation, Author> author =
        Association.belongsTo(Citation.class, Author.class)
            .targetKey("code")
            .foreignKey("authorCode");
    Liaison db =
        liaison(Schema.builder().models(Citation.class, Author.class).association(author).build());
    Citation citation = db.insert(citation("quoted"));
    Author ann = db.insert(author("Ann", "A-1"));
    db.on(citation, author).set(ann);

    ann.code = "A-2";
    db.update(ann);

    assertThat(db.find(Citation.class, citation.id))
        .get()
        .extracting(c -> c.authorCode)
        .isEqualTo("A-2");
    assertThat(db.on(citation, author).get()).get().extracting(a -> a.id).isEqualTo(ann.id);
  }

  // onDelete (rules 3, 4)

  @Test
  void deletingTheTargetNullsTheForeignKeyByDefault() {
    Liaison db = withBook(BOOK);
    Chapter chapter = db.insert(chapter("One"));
    Book book = db.insert(book("Graphs", 2001));
    db.on(chapter, BOOK).set(book);

    db.delete(book);

    assertThat(db.find(Chapter.class, chapter.id)).as("the source").isPresent();
    assertThat(bookIdOf(db, chapter)).isNull();
  }

  @Test
  void deletingTheTargetDeletesTheSourceByDefaultWhenForeignKeyMayNotBeNull() {
    BelongsTo<Chapter, Book> strict = BOOK.foreignKeyAllowNull(false);
    Liaison db = withBook(strict);
    Book doomed = db.insert(book("Doomed", 2001));
    Book kept = db.insert(book("Kept", 2002));
    Chapter gone = chapter("Gone");
    gone.bookId = doomed.id;
    Chapter stays = chapter("Stays");
    stays.bookId = kept.id;
    db.insertAll(List.of(gone, stays));

    db.delete(doomed);

    assertThat(db.find(Chapter.class, gone.id)).as("source of the deleted target").isEmpty();
    assertThat(db.find(Chapter.class, stays.id)).as("source of another target").isPresent();
  }

  @Test
  void deletingTheSourceLeavesTheTarget() {
    Liaison db = withBook(BOOK);
    Chapter chapter = db.insert(chapter("One"));
    Book book = db.insert(book("Graphs", 2001));
    db.on(chapter, BOOK).set(book);

    db.delete(chapter);

    assertThat(db.find(Book.class, book.id)).isPresent();
  }
}

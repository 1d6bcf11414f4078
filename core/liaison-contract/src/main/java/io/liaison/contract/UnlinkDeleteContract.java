package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.chapter;
import static io.liaison.contract.Samples.comment;
import static io.liaison.contract.Samples.person;
import static io.liaison.contract.Samples.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Unlink;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.spi.Capability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cheat sheet rule 39: unlinking by deleting, as Sequelize v7's {@code destroyPrevious} option of
 * hasOne {@code set} and hasMany {@code set}, and {@code destroy} option of hasMany {@code remove}
 * (associations/has-one.ts, has-many.ts), chosen with {@code unlinking(Unlink.DESTROY)} on keys
 * that may be null (a key that may not be null always deletes, rule 5). The deleted target's own
 * referential actions apply, as on any delete.
 */
public abstract class UnlinkDeleteContract extends ContractGroup {

  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);
  static final HasMany<Book, Chapter> CHAPTERS = Association.hasMany(Book.class, Chapter.class);
  static final HasOne<Book, Chapter> OPENING = Association.hasOne(Book.class, Chapter.class);
  static final HasMany<Chapter, Comment> COMMENTS =
      Association.hasMany(Chapter.class, Comment.class);

  private Liaison withProfile() {
    return liaison(
        Schema.builder().models(Person.class, Profile.class).association(PROFILE).build());
  }

  private Liaison withChapters() {
    return liaison(
        Schema.builder().models(Book.class, Chapter.class).association(CHAPTERS).build());
  }

  private static List<Long> ids(List<Chapter> chapters) {
    return chapters.stream().map(c -> c.id).toList();
  }

  @Test
  void hasOneSetWithDestroyDeletesThePreviousTargetInsteadOfUnlinkingIt() {
    Liaison db = withProfile();
    Person pat = db.insert(person("Pat"));
    Profile old = db.on(pat, PROFILE).create(profile("old"));
    Profile current = db.on(pat, PROFILE).create(profile("current"));
    Profile next = db.insert(profile("next"));

    assertThat(db.find(Profile.class, old.id)).as("by default the previous one stays").isPresent();
    db.on(pat, PROFILE).unlinking(Unlink.DESTROY).set(next);

    assertThat(db.find(Profile.class, current.id)).as("the replaced profile").isEmpty();
    assertThat(db.on(pat, PROFILE).get()).map(p -> p.id).contains(next.id);
    assertThat(db.findAll(Profile.class))
        .extracting(p -> p.id)
        .containsExactlyInAnyOrder(old.id, next.id);

    db.on(pat, PROFILE).unlinking(Unlink.DESTROY).set(next);
    assertThat(db.on(pat, PROFILE).get())
        .as("setting the linked target again keeps it")
        .map(p -> p.id)
        .contains(next.id);

    db.on(pat, PROFILE).unlinking(Unlink.DESTROY).set(null);
    assertThat(db.find(Profile.class, next.id)).as("set(null) deletes the target").isEmpty();
    assertThat(db.on(pat, PROFILE).get()).isEmpty();
  }

  @Test
  void hasOneCreateWithDestroyDeletesThePreviousTarget() {
    Liaison db = withProfile();
    Person pat = db.insert(person("Pat"));
    Person sam = db.insert(person("Sam"));
    Profile first = db.on(pat, PROFILE).create(profile("first"));
    Profile sams = db.on(sam, PROFILE).create(profile("sam's"));

    Profile second = db.on(pat, PROFILE).unlinking(Unlink.DESTROY).create(profile("second"));

    assertThat(db.findAll(Profile.class))
        .extracting(p -> p.id)
        .containsExactlyInAnyOrder(second.id, sams.id);
    assertThat(db.on(pat, PROFILE).get()).map(p -> p.id).contains(second.id);
    assertThat(db.find(Profile.class, first.id)).isEmpty();
  }

  @Test
  void hasManySetWithDestroyDeletesTheTargetsItRemovesOnly() {
    Liaison db = withChapters();
    Book graphs = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    db.on(graphs, CHAPTERS).create(chapter("One"));
    Chapter two = db.on(graphs, CHAPTERS).create(chapter("Two"));
    db.on(graphs, CHAPTERS).create(chapter("Three"));
    Chapter elsewhere = db.on(other, CHAPTERS).create(chapter("Elsewhere"));
    Chapter loose = db.insert(chapter("Loose"));

    db.on(graphs, CHAPTERS).unlinking(Unlink.DESTROY).set(List.of(two, loose));

    assertThat(ids(db.on(graphs, CHAPTERS).get())).containsExactlyInAnyOrder(two.id, loose.id);
    assertThat(ids(db.findAll(Chapter.class)))
        .as("one and three deleted; another book's chapter stays")
        .containsExactlyInAnyOrder(two.id, loose.id, elsewhere.id);
    assertThat(ids(db.on(other, CHAPTERS).get())).containsExactly(elsewhere.id);

    db.on(graphs, CHAPTERS).unlinking(Unlink.DESTROY).set(List.of());
    assertThat(ids(db.findAll(Chapter.class))).containsExactly(elsewhere.id);
  }

  @Test
  void hasManyRemoveWithDestroyDeletesLinkedTargetsAndLeavesOthersAsTheyAre() {
    Liaison db = withChapters();
    Book graphs = db.insert(book("Graphs", 2001));
    Book other = db.insert(book("Other", 2002));
    Chapter one = db.on(graphs, CHAPTERS).create(chapter("One"));
    Chapter two = db.on(graphs, CHAPTERS).create(chapter("Two"));
    Chapter three = db.on(graphs, CHAPTERS).create(chapter("Three"));
    Chapter elsewhere = db.on(other, CHAPTERS).create(chapter("Elsewhere"));
    Chapter loose = db.insert(chapter("Loose"));

    db.on(graphs, CHAPTERS).unlinking(Unlink.DESTROY).remove(one);
    assertThat(db.find(Chapter.class, one.id)).isEmpty();

    db.on(graphs, CHAPTERS).unlinking(Unlink.DESTROY).removeAll(List.of(two.id, elsewhere, loose));
    assertThat(ids(db.findAll(Chapter.class)))
        .as("a target not linked to this book is left as it is")
        .containsExactlyInAnyOrder(three.id, elsewhere.id, loose.id);
    assertThat(ids(db.on(other, CHAPTERS).get())).containsExactly(elsewhere.id);

    db.on(graphs, CHAPTERS).unlinking(Unlink.NULLIFY).remove(three);
    assertThat(db.find(Chapter.class, three.id))
        .as("NULLIFY, the default, keeps the target with a null key")
        .get()
        .extracting(c -> c.bookId)
        .isNull();
  }

  @ParameterizedTest(name = "a target deleted on unlink applies its own onDelete {0}")
  @EnumSource(
      value = ReferentialAction.class,
      names = {"CASCADE", "RESTRICT", "SET_NULL"})
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void aTargetDeletedOnUnlinkAppliesItsOwnReferentialActions(ReferentialAction onComments) {
    HasMany<Chapter, Comment> comments = COMMENTS.onDelete(onComments);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Chapter.class, Comment.class)
                .associations(CHAPTERS, comments)
                .build());
    Book book = db.insert(book("Graphs", 2001));
    Chapter removed = db.on(book, CHAPTERS).create(chapter("Removed"));
    Chapter kept = db.on(book, CHAPTERS).create(chapter("Kept"));
    Comment remark = db.on(removed, comments).create(comment("Remark"));
    Comment other = db.on(kept, comments).create(comment("Other"));
    List<Class<?>> models = List.of(Book.class, Chapter.class, Comment.class);
    List<Association<?, ?>> associations = List.of(CHAPTERS, comments);
    Map<String, Object> before = StoreState.read(db, models, associations);

    if (onComments == ReferentialAction.RESTRICT) {
      assertThatThrownBy(() -> db.on(book, CHAPTERS).unlinking(Unlink.DESTROY).remove(removed))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> db.on(book, CHAPTERS).unlinking(Unlink.DESTROY).set(List.of(kept)))
          .isInstanceOf(ConflictException.class);
      assertThat(StoreState.read(db, models, associations)).isEqualTo(before);
      return;
    }
    db.on(book, CHAPTERS).unlinking(Unlink.DESTROY).set(List.of(kept));

    assertThat(ids(db.findAll(Chapter.class))).containsExactly(kept.id);
    if (onComments == ReferentialAction.CASCADE) {
      assertThat(db.find(Comment.class, remark.id)).as("the deleted chapter's comment").isEmpty();
    } else {
      assertThat(db.find(Comment.class, remark.id)).as("the deleted chapter's comment").isPresent();
      assertThat(db.on(remark, comments.inverse()).get()).isEmpty();
    }
    assertThat(db.on(kept, comments).get()).extracting(c -> c.id).containsExactly(other.id);
  }

  @ParameterizedTest(name = "a hasOne target deleted on set applies its own onDelete {0}")
  @EnumSource(
      value = ReferentialAction.class,
      names = {"CASCADE", "RESTRICT"})
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void aHasOneTargetDeletedOnSetAppliesItsOwnReferentialActions(ReferentialAction onComments) {
    HasMany<Chapter, Comment> comments = COMMENTS.onDelete(onComments);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Chapter.class, Comment.class)
                .associations(OPENING, comments)
                .build());
    Book book = db.insert(book("Graphs", 2001));
    Chapter first = db.on(book, OPENING).create(chapter("First"));
    Comment remark = db.on(first, comments).create(comment("Remark"));
    Chapter next = db.insert(chapter("Next"));
    List<Class<?>> models = List.of(Book.class, Chapter.class, Comment.class);
    List<Association<?, ?>> associations = List.of(OPENING, comments);
    Map<String, Object> before = StoreState.read(db, models, associations);

    if (onComments == ReferentialAction.RESTRICT) {
      assertThatThrownBy(() -> db.on(book, OPENING).unlinking(Unlink.DESTROY).set(next))
          .isInstanceOf(ConflictException.class);
      assertThat(StoreState.read(db, models, associations)).isEqualTo(before);
      return;
    }
    db.on(book, OPENING).unlinking(Unlink.DESTROY).set(next);

    assertThat(ids(db.findAll(Chapter.class))).containsExactly(next.id);
    assertThat(db.find(Comment.class, remark.id)).isEmpty();
    assertThat(db.on(book, OPENING).get()).map(c -> c.id).contains(next.id);
  }

  @Test
  void destroyIsRefusedOnBelongsToAndBelongsToMany() {
    BelongsTo<Book, Author> author = Association.belongsTo(Book.class, Author.class);
    BelongsToMany<Book, Article> articles =
        Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Author.class, Article.class)
                .associations(author, articles)
                .build());
    Book book = db.insert(book("Graphs", 2001));
    Author ann = db.insert(author("Ann", "A-1"));
    Article art = db.insert(article("Art"));
    db.on(book, author).set(ann);
    db.on(book, articles).add(art);

    assertThatThrownBy(() -> db.on(book, author).unlinking(Unlink.DESTROY))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Book.author.unlinking")
        .hasMessageContaining("only hasOne and hasMany");
    assertThatThrownBy(() -> db.on(book, articles).unlinking(Unlink.DESTROY))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Book.articles.unlinking");
    assertThatThrownBy(() -> db.on(book, articles).unlinking(null))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("how");

    db.on(book, articles).unlinking(Unlink.NULLIFY).remove(art);
    assertThat(db.find(Article.class, art.id)).as("NULLIFY only drops the link").isPresent();
    assertThat(db.on(book, author).get()).map(a -> a.id).contains(ann.id);
  }
}

package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.ConflictException;
import io.liaison.DefinitionException;
import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.LinkedTarget;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Post;
import io.liaison.contract.fixtures.Tag;
import io.liaison.contract.fixtures.Tagging;
import io.liaison.contract.fixtures.Video;
import io.liaison.spi.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two belongsToMany associations sharing one junction, told apart only by their through scope
 * (cheat sheet rule 25): the tags of posts and the tags of videos are rows of one {@code Tagging}
 * junction whose {@code taggableId} holds a post's or a video's id and whose {@code taggableType}
 * says which. The post and the video have the same id on purpose, so that a write keyed on the ids
 * alone would reach the other side's links. Every write of one side, from either end and in every
 * form, leaves the other side's links exactly as they were, with unique links and with parallel
 * ones.
 */
public abstract class SharedJunctionContract extends ContractGroup {

  static final long SHARED_ID = 7L;

  static final BelongsToMany<Post, Tag> POST_TAGS =
      tags(Association.belongsToMany(Post.class, Tag.class), "post");
  static final BelongsToMany<Video, Tag> VIDEO_TAGS =
      tags(Association.belongsToMany(Video.class, Tag.class), "video");

  private static <S> BelongsToMany<S, Tag> tags(BelongsToMany<S, Tag> declared, String type) {
    return declared
        .through(Tagging.class)
        .unique(false)
        .as("tags")
        .inverseAs(type + "s")
        .foreignKey("taggableId")
        .otherKey("tagId")
        .constraints(false)
        .throughScope(Map.of("taggableType", type));
  }

  /**
   * A post and a video with the same id, both tagged {@code shared}; the video also {@code own}.
   */
  private record World(Liaison db, Post post, Video video, Tag shared, Tag own, Tag fresh) {

    BelongsToMany<Post, Tag> postTags() {
      return POST_TAGS;
    }

    BelongsToMany<Video, Tag> videoTags() {
      return VIDEO_TAGS;
    }

    List<String> postSide() {
      return describe(db.on(post, POST_TAGS).linkedTargets());
    }

    List<String> videoSide() {
      return describe(db.on(video, VIDEO_TAGS).linkedTargets());
    }
  }

  private World world() {
    BelongsToMany<Post, Tag> postTags = POST_TAGS;
    BelongsToMany<Video, Tag> videoTags = VIDEO_TAGS;
    Liaison db =
        liaison(
            Schema.builder()
                .models(Post.class, Video.class, Tag.class)
                .associations(postTags, videoTags)
                .build());
    Post post = new Post();
    post.id = SHARED_ID;
    post.title = "A post";
    Video video = new Video();
    video.id = SHARED_ID;
    video.title = "A video";
    db.insertAll(List.of(post, video));
    Tag shared = db.insert(tag("shared"));
    Tag own = db.insert(tag("own"));
    Tag fresh = db.insert(tag("fresh"));
    db.on(post, postTags).add(shared, Map.of("note", "post's"));
    db.on(video, videoTags).add(shared, Map.of("note", "video's"));
    db.on(video, videoTags).add(own, Map.of("note", "video's own"));
    World w = new World(db, post, video, shared, own, fresh);
    assertThat(w.postSide())
        .as("the post's links before the write")
        .containsExactly("shared post's post");
    assertThat(w.videoSide()).as("the video's links before the write").containsExactly(VIDEO_SIDE);
    return w;
  }

  /** The video's links as {@link #world} makes them; every test checks they are untouched. */
  private static final String[] VIDEO_SIDE = {"own video's own video", "shared video's video"};

  // ---------------------------------------------------------------- from the side that has the
  // scope

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void setKeepsTheOtherAssociationsLinkOfTheSamePair() {
    World w = world();

    w.db().on(w.post(), w.postTags()).set(List.of(w.fresh()));

    assertThat(w.postSide()).containsExactly("fresh null post");
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void setOfParallelLinksReplacesThisSidesLinksOfTheSharedPairOnly() {
    World w = world();

    w.db().on(w.post(), w.postTags()).set(List.of(w.shared(), w.fresh()));

    assertThat(w.postSide()).containsExactly("fresh null post", "shared null post");
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void clearingKeepsTheOtherAssociationsLinks() {
    World w = world();

    w.db().on(w.post(), w.postTags()).set(List.of());

    assertThat(w.postSide()).isEmpty();
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void removeKeepsTheOtherAssociationsLinkOfTheSamePair() {
    World w = world();

    w.db().on(w.post(), w.postTags()).remove(w.shared());

    assertThat(w.postSide()).isEmpty();
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void removeAllKeepsTheOtherAssociationsLinks() {
    World w = world();

    w.db().on(w.post(), w.postTags()).removeAll(List.of(w.shared(), w.own(), w.fresh()));

    assertThat(w.postSide()).isEmpty();
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void addLeavesTheOtherAssociationsLinkOfTheSamePairAsItWas() {
    World w = world();

    w.db().on(w.post(), w.postTags()).add(w.own(), Map.of("note", "post's own"));
    w.db().on(w.post(), w.postTags()).add(w.shared(), Map.of("note", "post's again"));

    assertThat(w.postSide())
        .containsExactly("own post's own post", "shared post's again post", "shared post's post");
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void removeLinkOfTheOtherAssociationsLinkRemovesNothing() {
    World w = world();
    Object videosShared =
        w.db().on(w.video(), w.videoTags()).linkedTargets().stream()
            .filter(l -> l.target().id.equals(w.shared().id))
            .findFirst()
            .orElseThrow()
            .linkId();

    boolean removed = w.db().on(w.post(), w.postTags()).removeLink(videosShared);

    assertThat(removed).isFalse();
    assertThat(w.postSide()).containsExactly("shared post's post");
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  // ---------------------------------------------------------------- from the other end (the tag)

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void theInversesSetAndRemoveKeepTheOtherAssociationsLinks() {
    World w = world();
    BelongsToMany<Tag, Post> posts = w.postTags().inverse();

    w.db().on(w.shared(), posts).set(List.of());
    w.db().on(w.own(), posts).removeAll(List.of(w.post()));

    assertThat(w.db().on(w.shared(), posts).get()).isEmpty();
    assertThat(w.postSide()).isEmpty();
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
    assertThat(w.db().on(w.shared(), w.videoTags().inverse()).get())
        .extracting(v -> v.id)
        .containsExactly(SHARED_ID);
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void theInversesSetAddsInItsScopeAndKeepsTheOtherAssociationsLinks() {
    World w = world();
    BelongsToMany<Tag, Post> posts = w.postTags().inverse();

    w.db().on(w.own(), posts).set(List.of(w.post()));

    assertThat(w.postSide()).containsExactly("own null post", "shared post's post");
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  // ---------------------------------------------------------------- many sources

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void manySourceWritesAndReadsKeepToTheirScope() {
    World w = world();

    w.db()
        .batch(w.postTags())
        .addAll(List.of(LinkBetween.of(w.post(), w.own()), LinkBetween.of(w.post(), w.fresh())));

    Map<Object, List<LinkedTarget<Tag>>> read =
        w.db().batch(w.postTags()).linkedTargets(List.of(w.post()));
    assertThat(describe(read.get(w.post())))
        .containsExactly("fresh null post", "own null post", "shared post's post");
    assertThat(w.db().batch(w.postTags()).count(List.of(w.post())).get(w.post())).isEqualTo(3);
    assertThat(w.db().batch(w.videoTags()).count(List.of(w.video())).get(w.video())).isEqualTo(2);
    assertThat(w.videoSide()).containsExactly(VIDEO_SIDE);
  }

  // ---------------------------------------------------------------- deletes

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void deletingTheOtherSidesSourceLeavesThisSidesLinks() {
    World w = world();

    w.db().delete(w.video());

    assertThat(w.postSide()).containsExactly("shared post's post");
    assertThat(w.db().on(w.shared(), w.postTags().inverse()).get())
        .extracting(p -> p.id)
        .containsExactly(SHARED_ID);
  }

  @Test
  void aPolymorphicJunctionWithUniqueLinksOrWithoutAThroughScopeIsADefinitionError() {
    BelongsToMany<Post, Tag> uniquePosts =
        Association.belongsToMany(Post.class, Tag.class)
            .through(Tagging.class)
            .as("tags")
            .inverseAs("posts")
            .foreignKey("taggableId")
            .otherKey("tagId")
            .constraints(false)
            .throughScope(Map.of("taggableType", "post"));
    BelongsToMany<Video, Tag> uniqueVideos =
        Association.belongsToMany(Video.class, Tag.class)
            .through(Tagging.class)
            .as("tags")
            .inverseAs("videos")
            .foreignKey("taggableId")
            .otherKey("tagId")
            .constraints(false)
            .throughScope(Map.of("taggableType", "video"));
    BelongsToMany<Video, Tag> unscopedVideos =
        Association.belongsToMany(Video.class, Tag.class)
            .through(Tagging.class)
            .unique(false)
            .as("tags")
            .inverseAs("videos")
            .foreignKey("taggableId")
            .otherKey("tagId")
            .constraints(false);

    assertThatThrownBy(
            () ->
                Schema.builder()
                    .models(Post.class, Video.class, Tag.class)
                    .associations(uniquePosts, uniqueVideos)
                    .build())
        .isInstanceOf(DefinitionException.class)
        .hasMessageContainingAll("Tagging", "'taggableId'", "unique(false)");
    assertThatThrownBy(
            () ->
                Schema.builder()
                    .models(Post.class, Video.class, Tag.class)
                    .associations(POST_TAGS, unscopedVideos)
                    .build())
        .isInstanceOf(DefinitionException.class)
        .hasMessageContainingAll("Tagging", "'taggableId'", "throughScope");
  }

  // ---------------------------------------------------------------- one model's links in several
  // scopes

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /**
   * Links of one book to its articles in the roles editor and reviewer, and unscoped, on one
   * junction.
   */
  enum Roles {
    UNIQUE,
    PARALLEL;

    BelongsToMany<Book, Article> all() {
      return this == PARALLEL ? ARTICLES.unique(false) : ARTICLES;
    }

    BelongsToMany<Book, Article> role(String role) {
      BelongsToMany<Book, Article> a =
          Association.belongsToMany(Book.class, Article.class)
              .through(BookArticles.class)
              .as(role + "Articles")
              .inverseAs(role + "Books")
              .throughScope(Map.of("role", role));
      return this == PARALLEL ? a.unique(false) : a;
    }
  }

  /**
   * A book linked to {@code shared} as editor (and, with parallel links, as reviewer too) and to
   * {@code own} as reviewer; {@code fresh} is linked to nothing.
   */
  private record Desk(
      Liaison db,
      Roles roles,
      Book book,
      Article shared,
      Article own,
      Article fresh,
      List<String> reviewers) {

    BelongsToMany<Book, Article> editors() {
      return roles.role("editor");
    }

    List<String> side(String role) {
      return describeRoles(db.on(book, roles.role(role)).linkedTargets());
    }

    List<String> reviewerSide() {
      return side("reviewer");
    }
  }

  private Desk desk(Roles roles) {
    assumeTrue(
        roles == Roles.UNIQUE || provider().capabilities().contains(Capability.PARALLEL_LINKS),
        "parallel links need the PARALLEL_LINKS capability");
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(roles.all(), roles.role("editor"), roles.role("reviewer"))
                .build());
    Book book = db.insert(Samples.book("Graphs", 2001));
    Article shared = db.insert(article("shared"));
    Article own = db.insert(article("own"));
    Article fresh = db.insert(article("fresh"));
    db.on(book, roles.role("editor")).add(shared, Map.of("position", 1));
    if (roles == Roles.PARALLEL) {
      db.on(book, roles.role("reviewer")).add(shared, Map.of("position", 2));
    }
    db.on(book, roles.role("reviewer")).add(own, Map.of("position", 3));
    List<String> reviewers =
        roles == Roles.PARALLEL
            ? List.of("own 3 reviewer", "shared 2 reviewer")
            : List.of("own 3 reviewer");
    Desk d = new Desk(db, roles, book, shared, own, fresh, reviewers);
    assertThat(d.side("editor"))
        .as("the editor's links before the write")
        .containsExactly("shared 1 editor");
    assertThat(d.reviewerSide()).as("the reviewer's links before the write").isEqualTo(reviewers);
    return d;
  }

  @ParameterizedTest
  @EnumSource(Roles.class)
  void aScopedSetKeepsTheLinksOfOtherScopes(Roles roles) {
    Desk d = desk(roles);

    d.db().on(d.book(), d.editors()).set(List.of(d.fresh()));

    assertThat(d.side("editor")).containsExactly("fresh null editor");
    assertThat(d.reviewerSide()).isEqualTo(d.reviewers());
  }

  @ParameterizedTest
  @EnumSource(Roles.class)
  void aScopedClearRemoveAndRemoveAllKeepTheLinksOfOtherScopes(Roles roles) {
    Desk d = desk(roles);

    d.db().on(d.book(), d.editors()).remove(d.shared());
    d.db().on(d.book(), d.editors()).removeAll(List.of(d.own(), d.fresh()));
    d.db().on(d.book(), d.editors()).set(List.of());

    assertThat(d.side("editor")).isEmpty();
    assertThat(d.reviewerSide()).isEqualTo(d.reviewers());
  }

  @ParameterizedTest
  @EnumSource(Roles.class)
  void aScopedAddOfAPairLinkedInAnotherScopeAddsAParallelLinkOrIsAConflict(Roles roles) {
    Desk d = desk(roles);
    Map<String, Object> before =
        StoreState.read(d.db(), List.of(Book.class, Article.class), List.of(roles.all()));

    if (roles == Roles.UNIQUE) {
      assertThatThrownBy(() -> d.db().on(d.book(), d.editors()).add(d.own(), Map.of("position", 4)))
          .isInstanceOf(ConflictException.class)
          .hasMessageContainingAll("BookArticles", "role");
      assertThatThrownBy(
              () -> d.db().batch(d.editors()).addAll(List.of(LinkBetween.of(d.book(), d.own()))))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> d.db().on(d.book(), d.editors()).set(List.of(d.shared(), d.own())))
          .isInstanceOf(ConflictException.class);
      assertThat(StoreState.read(d.db(), List.of(Book.class, Article.class), List.of(roles.all())))
          .isEqualTo(before);
      return;
    }
    d.db().on(d.book(), d.editors()).add(d.own(), Map.of("position", 4));

    assertThat(d.side("editor")).containsExactly("own 4 editor", "shared 1 editor");
    assertThat(d.reviewerSide()).isEqualTo(d.reviewers());
  }

  @ParameterizedTest
  @EnumSource(Roles.class)
  void theUnscopedAssociationOnTheJunctionSeesAndRemovesEveryScopesLinks(Roles roles) {
    Desk d = desk(roles);

    assertThat(d.db().on(d.book(), roles.all()).count()).isEqualTo(d.reviewers().size() + 1);
    d.db().on(d.book(), roles.all()).remove(d.shared());

    assertThat(d.side("editor")).isEmpty();
    assertThat(d.reviewerSide()).containsExactly("own 3 reviewer");
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void aScopedRemoveLinkOfAnotherScopesLinkRemovesNothing() {
    Desk d = desk(Roles.PARALLEL);
    Object reviewersShared =
        d.db().on(d.book(), Roles.PARALLEL.role("reviewer")).linkedTargets().stream()
            .filter(l -> l.target().id.equals(d.shared().id))
            .findFirst()
            .orElseThrow()
            .linkId();

    assertThat(d.db().on(d.book(), d.editors()).removeLink(reviewersShared)).isFalse();

    assertThat(d.side("editor")).containsExactly("shared 1 editor");
    assertThat(d.reviewerSide()).isEqualTo(d.reviewers());
  }

  private static List<String> describeRoles(List<LinkedTarget<Article>> links) {
    List<String> out = new ArrayList<>();
    for (LinkedTarget<Article> l : links) {
      out.add(l.target().title + " " + l.through("position") + " " + l.through("role"));
    }
    out.sort(null);
    return out;
  }

  private static Tag tag(String label) {
    Tag t = new Tag();
    t.id = label;
    t.label = label;
    return t;
  }

  /** Links as "target note type", sorted. */
  private static List<String> describe(List<LinkedTarget<Tag>> links) {
    List<String> out = new ArrayList<>();
    for (LinkedTarget<Tag> l : links) {
      out.add(l.target().id + " " + l.through("note") + " " + l.through("taggableType"));
    }
    out.sort(null);
    return out;
  }
}

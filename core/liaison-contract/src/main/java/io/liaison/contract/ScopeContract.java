package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.DefinitionException;
import io.liaison.HasMany;
import io.liaison.Include;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.Loaded;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Post;
import io.liaison.contract.fixtures.Remark;
import io.liaison.contract.fixtures.Video;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Association scopes (Sequelize's {@code scope} and {@code through.scope}, cheat sheet rules
 * 24-26): a scope filters what an association reads and is written by what it writes, enough for
 * polymorphic associations: remarks on posts and on videos share the foreign key {@code
 * commentableId} and are told apart by {@code commentableType}. The post and the video have the
 * same id on purpose, so a store that ignored the scope would mix their remarks.
 */
public abstract class ScopeContract extends ContractGroup {

  static final HasMany<Post, Remark> POST_REMARKS =
      Association.hasMany(Post.class, Remark.class)
          .as("remarks")
          .foreignKey("commentableId")
          .constraints(false)
          .scope(Map.of("commentableType", "post"));
  static final HasMany<Video, Remark> VIDEO_REMARKS =
      Association.hasMany(Video.class, Remark.class)
          .as("remarks")
          .foreignKey("commentableId")
          .constraints(false)
          .scope(Map.of("commentableType", "video"));
  static final BelongsTo<Remark, Post> REMARK_POST = POST_REMARKS.inverse();
  static final BelongsTo<Remark, Video> REMARK_VIDEO = VIDEO_REMARKS.inverse();

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final BelongsToMany<Book, Article> EDITED =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .as("editedArticles")
          .inverseAs("editedBooks")
          .throughScope(Map.of("role", "editor"));

  static final long SHARED_ID = 7L;

  private Liaison polymorphic() {
    return liaison(
        Schema.builder()
            .models(Post.class, Video.class, Remark.class)
            .associations(POST_REMARKS, VIDEO_REMARKS)
            .build());
  }

  /** A post and a video with the same id, and one remark on each. */
  private record World(Liaison db, Post post, Video video, Remark onPost, Remark onVideo) {}

  private World world() {
    Liaison db = polymorphic();
    Post post = new Post();
    post.id = SHARED_ID;
    post.title = "A post";
    Video video = new Video();
    video.id = SHARED_ID;
    video.title = "A video";
    db.insertAll(List.of(post, video));
    Remark onPost = db.insert(remark("on the post"));
    Remark onVideo = db.insert(remark("on the video"));
    db.on(post, POST_REMARKS).add(onPost);
    db.on(video, VIDEO_REMARKS).add(onVideo);
    return new World(db, post, video, onPost, onVideo);
  }

  // ---------------------------------------------------------------- polymorphic hasMany

  @Test
  void addGivesTheTargetTheScopeAndEachSideReadsOnlyItsOwn() {
    World w = world();

    assertThat(w.onPost().commentableType).isEqualTo("post");
    assertThat(w.db().find(Remark.class, w.onPost().id))
        .get()
        .satisfies(r -> assertThat(r.commentableType).isEqualTo("post"))
        .satisfies(r -> assertThat(r.commentableId).isEqualTo(SHARED_ID));
    assertThat(w.db().find(Remark.class, w.onVideo().id))
        .get()
        .satisfies(r -> assertThat(r.commentableType).isEqualTo("video"))
        .satisfies(r -> assertThat(r.commentableId).isEqualTo(SHARED_ID));
    assertThat(bodies(w.db().on(w.post(), POST_REMARKS).get())).containsExactly("on the post");
    assertThat(bodies(w.db().on(w.video(), VIDEO_REMARKS).get())).containsExactly("on the video");
    assertThat(w.db().on(w.post(), POST_REMARKS).count()).isEqualTo(1);
    assertThat(w.db().on(w.post(), POST_REMARKS).has(w.onVideo())).isFalse();
    assertThat(w.db().on(w.video(), VIDEO_REMARKS).has(w.onVideo())).isTrue();
  }

  @Test
  void createGivesTheNewTargetTheScope() {
    World w = world();

    Remark created = w.db().on(w.video(), VIDEO_REMARKS).create(remark("created"));

    assertThat(created.commentableType).isEqualTo("video");
    assertThat(
            bodies(w.db().on(w.video(), VIDEO_REMARKS).get(Query.all().orderBy(Order.asc("body")))))
        .containsExactly("created", "on the video");
    assertThat(bodies(w.db().on(w.post(), POST_REMARKS).get())).containsExactly("on the post");
  }

  @Test
  void setAndRemoveTouchOnlyTargetsInScope() {
    World w = world();
    Remark other = w.db().insert(remark("another"));

    w.db().on(w.post(), POST_REMARKS).set(List.of(other));
    w.db().on(w.post(), POST_REMARKS).remove(w.onVideo());

    assertThat(bodies(w.db().on(w.post(), POST_REMARKS).get())).containsExactly("another");
    assertThat(bodies(w.db().on(w.video(), VIDEO_REMARKS).get())).containsExactly("on the video");
    assertThat(w.db().find(Remark.class, w.onVideo().id))
        .get()
        .satisfies(r -> assertThat(r.commentableId).isEqualTo(SHARED_ID));
    assertThat(w.db().find(Remark.class, w.onPost().id))
        .get()
        .satisfies(r -> assertThat(r.commentableId).isNull());
  }

  @Test
  void theInverseBelongsToSeesItsTargetOnlyWhenTheSourceIsInScope() {
    World w = world();

    assertThat(w.db().on(w.onPost(), REMARK_POST).get())
        .get()
        .extracting(p -> p.title)
        .isEqualTo("A post");
    assertThat(w.db().on(w.onPost(), REMARK_VIDEO).get()).isEmpty();
    assertThat(w.db().on(w.onVideo(), REMARK_VIDEO).get())
        .get()
        .extracting(v -> v.title)
        .isEqualTo("A video");
    assertThat(w.db().on(w.onVideo(), REMARK_POST).get()).isEmpty();
  }

  @Test
  void settingTheInverseBelongsToGivesTheSourceTheScope() {
    World w = world();
    Remark fresh = w.db().insert(remark("fresh"));

    w.db().on(fresh, REMARK_VIDEO).set(w.video());

    assertThat(w.db().find(Remark.class, fresh.id))
        .get()
        .satisfies(r -> assertThat(r.commentableType).isEqualTo("video"));
    assertThat(
            bodies(w.db().on(w.video(), VIDEO_REMARKS).get(Query.all().orderBy(Order.asc("body")))))
        .containsExactly("fresh", "on the video");
    assertThat(bodies(w.db().on(w.post(), POST_REMARKS).get())).containsExactly("on the post");
  }

  @Test
  void aRowInsertedWithKeyAndTypeIsLinkedOnlyThroughItsType() {
    World w = world();
    Remark direct = remark("direct");
    direct.commentableId = SHARED_ID;
    direct.commentableType = "video";

    w.db().insert(direct);

    assertThat(
            bodies(w.db().on(w.video(), VIDEO_REMARKS).get(Query.all().orderBy(Order.asc("body")))))
        .containsExactly("direct", "on the video");
    assertThat(bodies(w.db().on(w.post(), POST_REMARKS).get())).containsExactly("on the post");
    assertThat(w.db().on(direct, REMARK_VIDEO).get()).isPresent();
    assertThat(w.db().on(direct, REMARK_POST).get()).isEmpty();
  }

  @Test
  void includesAndAssociationFiltersRespectTheScope() {
    World w = world();

    Loaded<Post> posts = w.db().findAll(Post.class, Query.all(), Include.of(POST_REMARKS));
    Loaded<Remark> remarks =
        w.db()
            .findAll(
                Remark.class,
                Query.all().orderBy(Order.asc("body")),
                List.of(Include.of(REMARK_POST), Include.of(REMARK_VIDEO)));
    long onPosts = w.db().count(Remark.class, Where.has(REMARK_POST));
    long videosWithRemarks = w.db().count(Video.class, Where.has(VIDEO_REMARKS));
    Loaded<Remark> onlyOnPosts =
        w.db().findAll(Remark.class, Query.all(), Include.of(REMARK_POST).required(true));

    assertThat(bodies(posts.get(posts.list().get(0), POST_REMARKS))).containsExactly("on the post");
    Remark first = remarks.list().get(0);
    Remark second = remarks.list().get(1);
    assertThat(first.body).isEqualTo("on the post");
    assertThat(remarks.one(first, REMARK_POST)).isPresent();
    assertThat(remarks.one(first, REMARK_VIDEO)).isEmpty();
    assertThat(remarks.one(second, REMARK_POST)).isEmpty();
    assertThat(remarks.one(second, REMARK_VIDEO)).isPresent();
    assertThat(onPosts).isEqualTo(1);
    assertThat(videosWithRemarks).isEqualTo(1);
    assertThat(bodies(onlyOnPosts.list())).containsExactly("on the post");
  }

  // ---------------------------------------------------------------- through scope

  @Test
  void aThroughScopeFiltersLinksAndIsWrittenOnEveryLink() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(ARTICLES, EDITED)
                .build());
    Book book = db.insert(book("Graphs", 2001));
    Article a = db.insert(article("A"));
    Article b = db.insert(article("B"));
    Article c = db.insert(article("C"));
    db.on(book, ARTICLES).add(a, Map.of("role", "author"));

    db.on(book, EDITED).add(b);
    db.on(book, EDITED).add(c, Map.of("role", "reviewer", "position", 3));

    assertThat(titles(db.on(book, EDITED).get(Query.all().orderBy(Order.asc("title")))))
        .containsExactly("B", "C");
    assertThat(db.on(book, EDITED).linkedTargets())
        .allSatisfy(l -> assertThat(l.through("role")).isEqualTo("editor"));
    assertThat(
            db.on(book, EDITED)
                .linkedTargets(Query.matching(Where.eq("title", "C")))
                .get(0)
                .through("position"))
        .isEqualTo(3);
    assertThat(titles(db.on(book, ARTICLES).get(Query.all().orderBy(Order.asc("title")))))
        .containsExactly("A", "B", "C");
    assertThat(db.on(book, EDITED).count()).isEqualTo(2);
    assertThat(db.on(book, EDITED).has(a)).isFalse();
  }

  @Test
  void setAndRemoveOnAThroughScopeTouchOnlyLinksInScope() {
    Liaison db =
        liaison(
            Schema.builder()
                .models(Book.class, Article.class)
                .associations(ARTICLES, EDITED)
                .build());
    Book book = db.insert(book("Graphs", 2001));
    Article a = db.insert(article("A"));
    Article b = db.insert(article("B"));
    Article c = db.insert(article("C"));
    db.on(book, ARTICLES).add(a, Map.of("role", "author"));
    db.on(book, EDITED).add(b);

    db.on(book, EDITED).set(List.of(c));
    db.on(book, EDITED).remove(a);

    List<LinkedTarget<Article>> all =
        db.on(book, ARTICLES).linkedTargets(Query.all().orderBy(Order.asc("title")));
    assertThat(all)
        .extracting(l -> l.target().title + ":" + l.through("role"))
        .containsExactly("A:author", "C:editor");
  }

  // ---------------------------------------------------------------- definitions

  @Test
  void aScopeNamingAnUnknownAttributeOrAKeyIsADefinitionError() {
    HasMany<Post, Remark> unknown =
        Association.hasMany(Post.class, Remark.class)
            .foreignKey("commentableId")
            .scope(Map.of("kind", "post"));
    HasMany<Video, Remark> onKey =
        Association.hasMany(Video.class, Remark.class)
            .foreignKey("commentableId")
            .scope(Map.of("commentableId", 1L));
    BelongsToMany<Book, Article> badThrough =
        Association.belongsToMany(Book.class, Article.class)
            .through(BookArticles.class)
            .throughScope(Map.of("rank", 1));

    assertThatThrownBy(
            () ->
                Schema.builder()
                    .models(Post.class, Video.class, Remark.class, Book.class, Article.class)
                    .associations(unknown, onKey, badThrough)
                    .build())
        .isInstanceOf(DefinitionException.class)
        .hasMessageContainingAll("'kind'", "'commentableId'", "'rank'");
  }

  private static Remark remark(String body) {
    Remark r = new Remark();
    r.body = body;
    return r;
  }

  private static List<String> bodies(List<Remark> remarks) {
    return remarks.stream().map(r -> r.body).toList();
  }

  private static List<String> titles(List<Article> articles) {
    return articles.stream().map(a -> a.title).toList();
  }

  // ---------------------------------------------------------------- set: the links that stay

  static final BelongsToMany<Book, Remark> NOTES =
      Association.belongsToMany(Book.class, Remark.class)
          .through(BookArticles.class)
          .as("notes")
          .scope(Map.of("commentableType", "note"));
  static final BelongsToMany<Book, Article> PARALLEL_ALL =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .unique(false);
  static final BelongsToMany<Book, Article> PARALLEL_EDITED =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .unique(false)
          .as("editedArticles")
          .inverseAs("editedBooks")
          .throughScope(Map.of("role", "editor"));

  @Test
  void setOnAThroughScopeLeavesTheLinksThatStayUntouchedWithTheirAttributes() {
    Schema schema =
        Schema.builder().models(Book.class, Article.class).associations(ARTICLES, EDITED).build();
    Liaison db = liaison(schema);
    Book book = db.insert(book("Graphs", 2001));
    Article stays = db.insert(article("Stays"));
    Article goes = db.insert(article("Goes"));
    Article comes = db.insert(article("Comes"));
    Article other = db.insert(article("Other"));
    db.on(book, EDITED).add(stays, Map.of("position", 1));
    db.on(book, EDITED).add(goes, Map.of("position", 2));
    db.on(book, ARTICLES).add(other, Map.of("role", "author", "position", 7));

    db.on(book, EDITED).set(List.of(stays, comes));

    assertThat(db.on(book, ARTICLES).linkedTargets())
        .extracting(l -> l.target().title + ":" + l.through("role") + ":" + l.through("position"))
        .containsExactlyInAnyOrder("Stays:editor:1", "Comes:editor:null", "Other:author:7");
    if (provider().probe().isPresent()) {
      assertThat(storedLinks(schema, ARTICLES))
          .extracting(StoredLink::pair)
          .containsExactlyInAnyOrder(
              book.id + "->" + stays.id + " {position=1, role=editor}",
              book.id + "->" + comes.id + " {position=null, role=editor}",
              book.id + "->" + other.id + " {position=7, role=author}");
    }
  }

  @Test
  void setOnATargetScopeLeavesTheLinksThatStayUntouchedWithTheirAttributes() {
    Schema schema = Schema.builder().models(Book.class, Remark.class).association(NOTES).build();
    Liaison db = liaison(schema);
    Book book = db.insert(book("Graphs", 2001));
    Book otherBook = db.insert(book("Tables", 2002));
    Remark stays = db.insert(note("stays"));
    Remark goes = db.insert(note("goes"));
    Remark comes = db.insert(note("comes"));
    db.on(book, NOTES)
        .addAll(
            List.of(
                NewLink.to(stays, Map.of("role", "editor", "position", 1)),
                NewLink.to(goes, Map.of("role", "editor", "position", 2))));
    db.on(otherBook, NOTES).add(stays, Map.of("role", "author", "position", 9));

    db.on(book, NOTES).set(List.of(stays, comes));

    assertThat(db.on(book, NOTES).linkedTargets())
        .extracting(
            l ->
                l.target().body
                    + ":"
                    + l.target().commentableType
                    + ":"
                    + l.through("role")
                    + ":"
                    + l.through("position"))
        .containsExactlyInAnyOrder("stays:note:editor:1", "comes:note:null:null");
    assertThat(db.on(otherBook, NOTES).linkedTargets())
        .extracting(l -> l.through("role") + ":" + l.through("position"))
        .containsExactly("author:9");
    if (provider().probe().isPresent()) {
      assertThat(storedLinks(schema, NOTES))
          .extracting(StoredLink::pair)
          .containsExactlyInAnyOrder(
              book.id + "->" + stays.id + " {position=1, role=editor}",
              book.id + "->" + comes.id + " {position=null, role=null}",
              otherBook.id + "->" + stays.id + " {position=9, role=author}");
    }
  }

  @Test
  void setOnAHasManyTargetScopeLeavesTheTargetsThatStayUntouched() {
    World w = world();
    Remark second = w.db().insert(remark("second on the post"));
    w.db().on(w.post(), POST_REMARKS).add(second);
    Remark comes = w.db().insert(remark("comes"));

    w.db().on(w.post(), POST_REMARKS).set(List.of(w.onPost(), comes));

    assertThat(w.db().find(Remark.class, w.onPost().id))
        .get()
        .satisfies(
            r -> {
              assertThat(r.body).isEqualTo("on the post");
              assertThat(r.commentableId).isEqualTo(SHARED_ID);
              assertThat(r.commentableType).isEqualTo("post");
            });
    assertThat(
            bodies(w.db().on(w.post(), POST_REMARKS).get(Query.all().orderBy(Order.asc("body")))))
        .containsExactly("comes", "on the post");
    assertThat(bodies(w.db().on(w.video(), VIDEO_REMARKS).get())).containsExactly("on the video");
  }

  /**
   * Parallel links under a through scope: {@code set} replaces the source's links in the scope (as
   * {@code set} on parallel links replaces all of the source's links, see ParallelLinksContract),
   * so a target that stays gets one new link per occurrence, with a new id; links out of the scope,
   * of this target or another, keep their ids and attributes.
   */
  @Test
  void setOnAThroughScopeOfParallelLinksLeavesTheLinksOutOfTheScopeUntouched() {
    Schema schema =
        Schema.builder()
            .models(Book.class, Article.class)
            .associations(PARALLEL_ALL, PARALLEL_EDITED)
            .build();
    Liaison db = liaison(schema);
    Book book = db.insert(book("Graphs", 2001));
    Article stays = db.insert(article("Stays"));
    Article goes = db.insert(article("Goes"));
    db.on(book, PARALLEL_EDITED).add(stays, Map.of("position", 1));
    db.on(book, PARALLEL_EDITED).add(goes, Map.of("position", 2));
    db.on(book, PARALLEL_ALL).add(stays, Map.of("role", "author", "position", 7));
    List<LinkedTarget<Article>> before = db.on(book, PARALLEL_ALL).linkedTargets();
    Object authorLink =
        before.stream().filter(l -> "author".equals(l.through("role"))).findFirst().get().linkId();

    db.on(book, PARALLEL_EDITED).set(List.of(stays));

    List<LinkedTarget<Article>> links = db.on(book, PARALLEL_ALL).linkedTargets();
    assertThat(links)
        .extracting(l -> l.target().title + ":" + l.through("role") + ":" + l.through("position"))
        .containsExactlyInAnyOrder("Stays:editor:" + PARALLEL_STAYING_POSITION, "Stays:author:7");
    assertThat(links)
        .filteredOn(l -> "author".equals(l.through("role")))
        .singleElement()
        .satisfies(l -> assertThat(l.linkId()).isEqualTo(authorLink));
    if (provider().probe().isPresent()) {
      assertThat(storedLinks(schema, PARALLEL_ALL))
          .extracting(StoredLink::pair)
          .containsExactlyInAnyOrder(
              book.id
                  + "->"
                  + stays.id
                  + " {position="
                  + PARALLEL_STAYING_POSITION
                  + ", role=editor}",
              book.id + "->" + stays.id + " {position=7, role=author}");
    }
  }

  /**
   * The position a staying parallel link in the scope has after {@code set}: see the test above.
   */
  private static final Object PARALLEL_STAYING_POSITION = null;

  /** A remark in the scope of {@link #NOTES} (belongsToMany reads filter on the target scope). */
  private static Remark note(String body) {
    Remark r = remark(body);
    r.commentableType = "note";
    return r;
  }
}

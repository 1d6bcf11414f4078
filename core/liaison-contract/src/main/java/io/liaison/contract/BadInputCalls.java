package io.liaison.contract;

import static io.liaison.contract.BadInputContract.ARTICLES;
import static io.liaison.contract.BadInputContract.ARTICLE_BOOKS;
import static io.liaison.contract.BadInputContract.AUTHOR;
import static io.liaison.contract.BadInputContract.BOOKMARKS;
import static io.liaison.contract.BadInputContract.BOOKS;
import static io.liaison.contract.BadInputContract.MISSING;
import static io.liaison.contract.BadInputContract.NOTES;
import static io.liaison.contract.BadInputContract.PERSON;
import static io.liaison.contract.BadInputContract.PROFILE;
import static io.liaison.contract.BadInputContract.book;
import static io.liaison.contract.BadInputContract.person;
import static io.liaison.contract.BadInputContract.profile;
import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;

import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.LinkBetween;
import io.liaison.Loaded;
import io.liaison.ManyAccessor;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.SingleAccessor;
import io.liaison.Where;
import io.liaison.contract.BadInputContract.Case;
import io.liaison.contract.BadInputContract.Stranger;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.contract.fixtures.Tag;
import io.liaison.spi.Capability;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The rows of {@link BadInputContract} about what a call is made on: unsaved entities (no id),
 * instances of classes that are not models, ids no row has, entities of the wrong model, and calls
 * that do not apply to the association's kind.
 */
final class BadInputCalls {

  private static final Class<InvalidCallException> BAD = InvalidCallException.class;
  private static final String MISSING_ID = String.valueOf(MISSING);

  private BadInputCalls() {}

  static Stream<Case> cases() {
    return Stream.of(unsaved(), foreign(), missing(), wrongModel(), wrongKind())
        .flatMap(List::stream);
  }

  /** Entities without an id, as sources and as targets of every kind. */
  private static List<Case> unsaved() {
    return List.of(
        Case.of(
            "unsaved target: hasMany add",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).add(new Book()),
            "Author.books.add",
            "target",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: hasMany set among saved ones",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).set(List.of(w.spareBook, new Book())),
            "Author.books.set",
            "target",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: hasMany addAll after a saved one",
            BAD,
            w -> () -> w.db.on(w.bob, BOOKS).addAll(List.of(w.spareBook, new Book())),
            "Author.books.addAll",
            "target",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: hasMany remove",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).remove(new Book()),
            "Author.books.remove",
            "target",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: hasMany has",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).has(new Book()),
            "Author.books.has",
            "target",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: belongsToMany add with through attributes",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(new Article(), Map.of("role", "editor")),
            "Book.articles.add",
            "target",
            "Article",
            "unsaved"),
        Case.of(
            "unsaved target: belongsToMany hasAll",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).hasAll(List.of(w.editor, new Article())),
            "Book.articles.hasAll",
            "target",
            "Article",
            "unsaved"),
        Case.of(
            "unsaved target: belongsToMany setAll",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.graphs, ARTICLES)
                        .setAll(List.of(NewLink.to(w.spareArticle), NewLink.to(new Article()))),
            "Book.articles.setAll",
            "target",
            "Article",
            "unsaved"),
        Case.of(
            "unsaved target: hasOne set",
            BAD,
            w -> () -> w.db.on(w.pat, PROFILE).set(new Profile()),
            "Person.profile.set",
            "target",
            "Profile",
            "unsaved"),
        Case.of(
            "unsaved target: belongsTo set",
            BAD,
            w -> () -> w.db.on(w.graphs, AUTHOR).set(new Author()),
            "Book.author.set",
            "target",
            "Author",
            "unsaved"),
        Case.of(
            "unsaved source: hasMany add",
            BAD,
            w -> () -> w.db.on(new Author(), BOOKS).add(w.spareBook),
            "Author.books",
            "source",
            "Author",
            "unsaved"),
        Case.of(
            "unsaved source: belongsToMany get",
            BAD,
            w -> () -> w.db.on(new Book(), ARTICLES).get(),
            "Book.articles",
            "source",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved source: inverse belongsToMany add",
            BAD,
            w -> () -> w.db.on(new Article(), ARTICLE_BOOKS).add(w.spareBook),
            "Article.books",
            "source",
            "Article",
            "unsaved"),
        Case.of(
            "unsaved source: hasOne set",
            BAD,
            w -> () -> w.db.on(new Person(), PROFILE).set(w.spareProfile),
            "Person.profile",
            "source",
            "Person",
            "unsaved"),
        Case.of(
            "unsaved source: belongsTo get",
            BAD,
            w -> () -> w.db.on(new Book(), AUTHOR).get(),
            "Book.author",
            "source",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved source: links addAll after a saved pair",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(ARTICLES)
                        .addAll(
                            List.of(
                                LinkBetween.of(w.spareBook, w.spareArticle),
                                LinkBetween.of(new Book(), w.spareArticle))),
            "Book.articles.batch().addAll",
            "source",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: links addAll on hasMany",
            BAD,
            w -> () -> w.db.batch(BOOKS).addAll(List.of(LinkBetween.of(w.bob, new Book()))),
            "Author.books.batch().addAll",
            "target",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved source: links count",
            BAD,
            w -> () -> w.db.batch(ARTICLES).count(List.of(w.graphs, new Book())),
            "Book.articles.batch().count",
            "source",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved target: links has",
            BAD,
            w -> () -> w.db.batch(ARTICLES).has(List.of(LinkBetween.of(w.graphs, new Article()))),
            "Book.articles.batch().has",
            "target",
            "Article",
            "unsaved"),
        Case.of(
            "unsaved entity: update",
            BAD,
            w -> () -> w.db.update(book("Never saved", 2000)),
            "update",
            "Book",
            "unsaved"),
        Case.of(
            "unsaved entity: delete",
            BAD,
            w -> () -> w.db.delete(book("Never saved", 2000)),
            "delete",
            "Book",
            "unsaved"));
  }

  /** Instances of classes that are not models of the schema. */
  private static List<Case> foreign() {
    return List.of(
        Case.of(
            "foreign entity: insert",
            BAD,
            w -> () -> w.db.insert(new Stranger()),
            "insert",
            "Stranger"),
        Case.of(
            "foreign entity: insert of a model class of another schema",
            BAD,
            w -> () -> w.db.insert(new Tag()),
            "insert",
            "Tag"),
        Case.of(
            "foreign entity: insertAll after a valid entity",
            BAD,
            w -> () -> w.db.insertAll(Arrays.asList(book("New", 2020), new Stranger())),
            "insertAll",
            "Stranger"),
        Case.of(
            "foreign entity: update",
            BAD,
            w -> () -> w.db.update(new Stranger()),
            "update",
            "Stranger"),
        Case.of(
            "foreign entity: delete",
            BAD,
            w -> () -> w.db.delete(new Stranger()),
            "delete",
            "Stranger"),
        Case.of(
            "foreign model: find",
            BAD,
            w -> () -> w.db.find(Stranger.class, 1L),
            "find",
            "Stranger"),
        Case.of(
            "foreign model: findAll",
            BAD,
            w -> () -> w.db.findAll(Stranger.class),
            "findAll",
            "Stranger"),
        Case.of(
            "foreign model: findAll with includes",
            BAD,
            w -> () -> w.db.findAll(Stranger.class, Query.all(), List.of()),
            "findAll",
            "Stranger"),
        Case.of(
            "foreign model: count",
            BAD,
            w -> () -> w.db.count(Stranger.class, null),
            "count",
            "Stranger"),
        Case.of(
            "foreign model: delete by id",
            BAD,
            w -> () -> w.db.delete(Stranger.class, 1L),
            "delete",
            "Stranger"),
        Case.of(
            "foreign target: hasMany add",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).add(new Stranger()),
            "Author.books.add",
            "target",
            "Book",
            "Stranger"),
        Case.of(
            "foreign target: hasMany has",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).has(new Stranger()),
            "Author.books.has",
            "target",
            "Book",
            "Stranger"),
        Case.of(
            "foreign target: belongsToMany add",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(new Stranger()),
            "Book.articles.add",
            "target",
            "Article",
            "Stranger"),
        Case.of(
            "foreign target: hasOne set",
            BAD,
            w -> () -> w.db.on(w.pat, PROFILE).set(new Stranger()),
            "Person.profile.set",
            "target",
            "Profile",
            "Stranger"),
        Case.of(
            "foreign target: belongsTo set",
            BAD,
            w -> () -> w.db.on(w.graphs, AUTHOR).set(new Stranger()),
            "Book.author.set",
            "target",
            "Author",
            "Stranger"),
        Case.of(
            "foreign source: hasMany get",
            BAD,
            w -> () -> w.db.on(new Stranger(), BOOKS).get(),
            "Author.books",
            "source",
            "Author",
            "Stranger"),
        Case.of(
            "foreign source: hasOne set",
            BAD,
            w -> () -> w.db.on(new Stranger(), PROFILE).set(w.spareProfile),
            "Person.profile",
            "source",
            "Person",
            "Stranger"),
        Case.of(
            "foreign source: links addAll",
            BAD,
            w ->
                () ->
                    w.db.batch(BOOKS).addAll(List.of(LinkBetween.of(new Stranger(), w.spareBook))),
            "Author.books.batch().addAll",
            "source",
            "Author",
            "Stranger"),
        Case.of(
            "foreign target: hasOne create",
            BAD,
            w -> () -> create(w.db.on(w.pat, PROFILE), new Stranger()),
            "Person.profile.create",
            "target",
            "Stranger"),
        Case.of(
            "foreign target: hasMany create",
            BAD,
            w -> () -> create(w.db.on(w.ann, BOOKS), new Stranger()),
            "Author.books.create",
            "target",
            "Stranger"));
  }

  /** Ids that no row has, as sources and targets, for writes and creates. */
  private static List<Case> missing() {
    return List.of(
        Case.of(
            "missing target id: hasMany add",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).add(MISSING),
            "Author.books.add",
            "target",
            "Book",
            MISSING_ID),
        Case.of(
            "missing target id: hasMany set",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).set(List.of(MISSING)),
            "Author.books.set",
            "target",
            "Book",
            MISSING_ID),
        Case.of(
            "missing target id: hasMany removeAll among linked ones",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).removeAll(List.of(w.graphs, MISSING)),
            "Author.books.removeAll",
            "target",
            "Book",
            MISSING_ID),
        Case.of(
            "missing target id: belongsToMany add with through attributes",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(MISSING, Map.of("role", "editor")),
            "Book.articles.add",
            "target",
            "Article",
            MISSING_ID),
        Case.of(
            "missing target id: belongsToMany set among saved ones",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).set(List.of(w.spareArticle, MISSING)),
            "Book.articles.set",
            "target",
            "Article",
            MISSING_ID),
        Case.of(
            "missing target id: belongsToMany remove",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).remove(MISSING),
            "Book.articles.remove",
            "target",
            "Article",
            MISSING_ID),
        Case.of(
            "missing target id: hasOne set",
            BAD,
            w -> () -> w.db.on(w.pat, PROFILE).set(MISSING),
            "Person.profile.set",
            "target",
            "Profile",
            MISSING_ID),
        Case.of(
            "missing target id: belongsTo set",
            BAD,
            w -> () -> w.db.on(w.graphs, AUTHOR).set(MISSING),
            "Book.author.set",
            "target",
            "Author",
            MISSING_ID),
        Case.of(
            "missing target id: inverse hasOne set",
            BAD,
            w -> () -> w.db.on(w.spareProfile, PERSON).set(MISSING),
            "Profile.person.set",
            "target",
            "Person",
            MISSING_ID),
        Case.of(
            "missing source id: hasMany add",
            BAD,
            w -> () -> w.db.on(MISSING, BOOKS).add(w.spareBook),
            "Author.books.add",
            "source",
            "Author",
            MISSING_ID),
        Case.of(
            "missing source id: belongsToMany addAll",
            BAD,
            w -> () -> w.db.on(MISSING, ARTICLES).addAll(List.of(w.spareArticle, w.editor)),
            "Book.articles.addAll",
            "source",
            "Book",
            MISSING_ID),
        Case.of(
            "missing source id: hasOne set",
            BAD,
            w -> () -> w.db.on(MISSING, PROFILE).set(w.spareProfile),
            "Person.profile.set",
            "source",
            "Person",
            MISSING_ID),
        Case.of(
            "missing source id: belongsTo set",
            BAD,
            w -> () -> w.db.on(MISSING, AUTHOR).set(w.bob),
            "Book.author.set",
            "source",
            "Book",
            MISSING_ID),
        Case.of(
            "missing source id: hasMany create inserts nothing",
            BAD,
            w -> () -> w.db.on(MISSING, BOOKS).create(book("Orphan", 2020)),
            "Author.books.create",
            "source",
            "Author",
            MISSING_ID),
        Case.of(
            "missing source id: belongsToMany create inserts nothing",
            BAD,
            w ->
                () ->
                    w.db.on(MISSING, ARTICLES).create(article("Orphan"), Map.of("role", "editor")),
            "Book.articles.create",
            "source",
            "Book",
            MISSING_ID),
        Case.of(
            "missing source id: hasOne create inserts nothing",
            BAD,
            w -> () -> w.db.on(MISSING, PROFILE).create(profile("Orphan")),
            "Person.profile.create",
            "source",
            "Person",
            MISSING_ID),
        Case.of(
            "missing source id: belongsTo create inserts nothing",
            BAD,
            w -> () -> w.db.on(MISSING, AUTHOR).create(author("Orphan")),
            "Book.author.create",
            "source",
            "Book",
            MISSING_ID),
        Case.of(
            "missing target id: links addAll after a valid pair",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(ARTICLES)
                        .addAll(
                            List.of(
                                LinkBetween.of(w.spareBook, w.spareArticle),
                                LinkBetween.of(w.spareBook, MISSING))),
            "Book.articles.batch().addAll",
            "target",
            "Article",
            MISSING_ID),
        Case.of(
            "missing source id: links addAll on hasMany",
            BAD,
            w -> () -> w.db.batch(BOOKS).addAll(List.of(LinkBetween.of(MISSING, w.spareBook))),
            "Author.books.batch().addAll",
            "source",
            "Author",
            MISSING_ID),
        Case.of(
            "missing id: delete by id",
            BAD,
            w -> () -> w.db.delete(Book.class, MISSING),
            "delete",
            "Book",
            MISSING_ID),
        Case.of(
            "missing id: update",
            BAD,
            w -> () -> w.db.update(withId(book("Ghost", 1900), MISSING)),
            "update",
            "Book",
            MISSING_ID),
        Case.of(
            "missing id: delete of an entity",
            BAD,
            w -> () -> w.db.delete(withId(book("Ghost", 1900), MISSING)),
            "delete",
            "Book",
            MISSING_ID));
  }

  /** Entities of another model where a source, target or id is expected. */
  private static List<Case> wrongModel() {
    return List.of(
        Case.of(
            "wrong model target: hasMany add",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).add(w.comment),
            "Author.books.add",
            "target",
            "Book",
            "Comment"),
        Case.of(
            "wrong model target: belongsToMany set among right ones",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).set(List.of(w.spareArticle, w.spareBook)),
            "Book.articles.set",
            "target",
            "Article",
            "Book"),
        Case.of(
            "wrong model target: hasOne set",
            BAD,
            w -> () -> w.db.on(w.pat, PROFILE).set(w.sam),
            "Person.profile.set",
            "target",
            "Profile",
            "Person"),
        Case.of(
            "wrong model target: belongsTo set",
            BAD,
            w -> () -> w.db.on(w.graphs, AUTHOR).set(w.comment),
            "Book.author.set",
            "target",
            "Author",
            "Comment"),
        Case.of(
            "wrong model target: belongsToMany remove",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).remove(w.comment),
            "Book.articles.remove",
            "target",
            "Article",
            "Comment"),
        Case.of(
            "wrong model source: hasMany add",
            BAD,
            w -> () -> w.db.on(w.comment, BOOKS).add(w.spareBook),
            "Author.books",
            "source",
            "Author",
            "Comment"),
        Case.of(
            "wrong model source: hasOne get",
            BAD,
            w -> () -> w.db.on(w.spareBook, PROFILE).get(),
            "Person.profile",
            "source",
            "Person",
            "Book"),
        Case.of(
            "wrong model source: belongsTo set",
            BAD,
            w -> () -> w.db.on(w.ann, AUTHOR).set(w.bob),
            "Book.author",
            "source",
            "Book",
            "Author"),
        Case.of(
            "wrong model target: links addAll",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(ARTICLES)
                        .addAll(
                            List.of(
                                LinkBetween.of(w.spareBook, w.spareArticle),
                                LinkBetween.of(w.spareBook, w.comment))),
            "Book.articles.batch().addAll",
            "target",
            "Article",
            "Comment"),
        Case.of(
            "wrong model source: links count",
            BAD,
            w -> () -> w.db.batch(BOOKS).count(List.of(w.ann, w.graphs)),
            "Author.books.batch().count",
            "source",
            "Author",
            "Book"),
        Case.of(
            "wrong model: hasMany create",
            BAD,
            w -> () -> create(w.db.on(w.ann, BOOKS), article("Not a book")),
            "Author.books.create",
            "Book",
            "Article"),
        Case.of(
            "wrong model: hasOne create",
            BAD,
            w -> () -> create(w.db.on(w.pat, PROFILE), person("Not a profile")),
            "Person.profile.create",
            "Profile",
            "Person"),
        Case.of(
            "wrong model id: find with an entity of another model",
            BAD,
            w -> () -> w.db.find(Book.class, w.ann),
            "find(Book)",
            "Author"),
        Case.of(
            "wrong model id: delete with an entity of another model",
            BAD,
            w -> () -> w.db.delete(Book.class, w.ann),
            "delete(Book)",
            "Author"),
        Case.of(
            "wrong type id: find with a String",
            BAD,
            w -> () -> w.db.find(Book.class, "12"),
            "find(Book)",
            "'12'",
            "Long"),
        Case.of(
            "wrong type id: find with a UUID",
            BAD,
            w -> () -> w.db.find(Book.class, UUID.randomUUID()),
            "find(Book)",
            "UUID",
            "Long"),
        Case.of(
            "wrong type id: hasMany add of a String id",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).add("12"),
            "Author.books.add",
            "target",
            "'12'",
            "Book"),
        Case.of(
            "wrong type id: belongsTo source given as a String id",
            BAD,
            w -> () -> w.db.on("first", AUTHOR).set(w.bob),
            "Book.author",
            "source",
            "'first'",
            "Book"),
        Case.of(
            "wrong model parent: Loaded.get with an entity the result does not hold",
            BAD,
            w -> () -> w.db.findAll(Author.class, Query.all(), Include.of(BOOKS)).get(w.bob, BOOKS),
            "Loaded.get",
            "Author.hasMany(Book)",
            "parent"));
  }

  /** Calls that do not apply to the association's kind, or to an association the schema lacks. */
  private static List<Case> wrongKind() {
    return List.of(
        Case.of(
            "wrong kind: removeLink on a unique belongsToMany",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).removeLink(1L),
            "Book.articles.removeLink",
            "unique(false)"),
        Case.of(
            "wrong kind: removeLinks on a unique belongsToMany",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).removeLinks(List.of(1L, 2L)),
            "Book.articles.removeLinks",
            "unique(false)"),
        Case.of(
            "wrong kind: removeLink on hasMany",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).removeLink(1L),
            "Author.books.removeLink",
            "unique(false)"),
        Case.of(
            "wrong kind: through attributes on hasMany add",
            BAD,
            w -> () -> w.db.on(w.bob, BOOKS).add(w.spareBook, Map.of("role", "editor")),
            "Author.books.add",
            "through attributes"),
        Case.of(
            "wrong kind: through attributes on hasMany addAll",
            BAD,
            w -> () -> w.db.on(w.bob, BOOKS).addAll(List.of(w.spareBook), Map.of("role", "editor")),
            "Author.books.addAll",
            "through attributes"),
        Case.of(
            "wrong kind: through attributes in a hasMany link",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.bob, BOOKS)
                        .addAll(List.of(NewLink.to(w.spareBook, Map.of("position", 1)))),
            "Author.books.addAll",
            "through attributes"),
        Case.of(
            "wrong kind: through attributes on hasMany create inserts nothing",
            BAD,
            w -> () -> w.db.on(w.bob, BOOKS).create(book("New", 2021), Map.of("role", "editor")),
            "Author.books.create",
            "through attributes"),
        Case.of(
            "wrong kind: through attributes in a hasMany links pair",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(BOOKS)
                        .addAll(
                            List.of(LinkBetween.of(w.bob, w.spareBook, Map.of("role", "editor")))),
            "Author.books.batch().addAll",
            "through attributes"),
        Case.of(
            "wrong kind: one hasMany target for two sources",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(BOOKS)
                        .addAll(
                            List.of(
                                LinkBetween.of(w.ann, w.spareBook),
                                LinkBetween.of(w.bob, w.spareBook))),
            "Author.books.batch().addAll",
            "Book",
            "two sources"),
        Case.of(
            "wrong kind: through filter on hasMany get",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).get(Query.all().through(Where.eq("role", "editor"))),
            "Author.books.get",
            "through filter"),
        Case.of(
            "wrong kind: through order on hasMany links",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.ann, BOOKS)
                        .linkedTargets(Query.all().orderBy(Order.through("position", true))),
            "Author.books.linkedTargets",
            "through attribute"),
        Case.of(
            "wrong kind: through filter on findAll",
            BAD,
            w -> () -> w.db.findAll(Book.class, Query.all().through(Where.eq("role", "editor"))),
            "findAll(Book)",
            "through filter"),
        Case.of(
            "wrong kind: through order on findAll",
            BAD,
            w ->
                () ->
                    w.db.findAll(Book.class, Query.all().orderBy(Order.through("position", true))),
            "findAll(Book)",
            "through attribute"),
        Case.of(
            "wrong kind: include limit on hasOne",
            BAD,
            w -> () -> w.db.findAll(Person.class, Query.all(), Include.of(PROFILE).limit(1)),
            "findAll(Person)",
            "Person.profile",
            "limit"),
        Case.of(
            "wrong kind: include offset on belongsTo",
            BAD,
            w -> () -> w.db.findAll(Book.class, Query.all(), Include.of(AUTHOR).offset(1)),
            "findAll(Book)",
            "Book.author",
            "offset"),
        Case.of(
            "wrong kind: include through attributes on hasMany",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class, Query.all(), Include.of(BOOKS).throughAttributes("role")),
            "findAll(Author)",
            "Author.books",
            "through attributes"),
        Case.of(
            "wrong kind: include through filter on hasMany",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class,
                        Query.all(),
                        Include.of(BOOKS).through(Where.eq("role", "editor"))),
            "findAll(Author)",
            "Author.books",
            "through filter"),
        Case.of(
            "wrong kind: Where.has through filter on hasMany",
            BAD,
            w -> () -> w.db.count(Author.class, Where.has(BOOKS, null, Where.eq("role", "editor"))),
            "count(Author)",
            "Author.books",
            "through filter"),
        Case.of(
            "wrong kind: Loaded.one on hasMany",
            BAD,
            w -> () -> oneOf(w.db.findAll(Author.class, Query.all(), Include.of(BOOKS))),
            "Loaded.one",
            "Author.hasMany(Book)"),
        Case.of(
            "association not in the schema: add",
            BAD,
            w -> () -> w.db.on(w.ann, NOTES).add(w.comment),
            "Author.hasMany(Comment as 'notes')",
            "not declared"),
        Case.of(
            "association not in the schema: links",
            BAD,
            w -> () -> w.db.batch(NOTES).count(List.of(w.ann)),
            "Author.hasMany(Comment as 'notes')",
            "not declared"),
        Case.of(
                "wrong type link id: removeLink with a String",
                BAD,
                w -> () -> w.db.on(w.pat, BOOKMARKS).removeLink("first"),
                "Person.bookmarks.removeLink",
                "'first'")
            .needing(Capability.PARALLEL_LINKS));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void create(ManyAccessor<?> links, Object target) {
    ((ManyAccessor) links).create(target);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void create(SingleAccessor<?> link, Object target) {
    ((SingleAccessor) link).create(target);
  }

  private static void oneOf(Loaded<Author> loaded) {
    loaded.one(loaded.list().get(0), BOOKS);
  }

  private static Book withId(Book book, long id) {
    book.id = id;
    return book;
  }
}

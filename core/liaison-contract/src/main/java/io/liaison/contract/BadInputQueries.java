package io.liaison.contract;

import static io.liaison.contract.BadInputContract.ARTICLES;
import static io.liaison.contract.BadInputContract.AUTHOR;
import static io.liaison.contract.BadInputContract.BOOKS;
import static io.liaison.contract.BadInputContract.NOTES;
import static io.liaison.contract.BadInputContract.PROFILE;

import io.liaison.Association;
import io.liaison.DefinitionException;
import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.LinkBetween;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.BadInputContract.Case;
import io.liaison.contract.BadInputContract.World;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.Gadget;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.contract.fixtures.Specimen;
import io.liaison.contract.fixtures.Sticker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The rows of {@link BadInputContract} about what a call carries: values of the wrong Java type for
 * each attribute type, unknown attribute names and bad paging in queries, includes that do not fit
 * the model they are applied to, and bad declarations.
 */
final class BadInputQueries {

  private static final Class<InvalidCallException> BAD = InvalidCallException.class;
  private static final Class<DefinitionException> BAD_DEFINITION = DefinitionException.class;
  private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
  private static final LocalDateTime LOCAL_TIME = LocalDateTime.of(2024, 2, 29, 12, 0);
  private static final UUID REF = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  private BadInputQueries() {}

  static Stream<Case> cases() {
    return Stream.of(
            attributeValues(),
            linkValues(),
            unknownAttributes(),
            paging(),
            includes(),
            declarations())
        .flatMap(List::stream);
  }

  /**
   * Each attribute type of {@link Specimen} given values of other Java types, through each filter
   * form.
   */
  private static List<Case> attributeValues() {
    return List.of(
        value("String attribute given an Integer", "text", Where.eq("text", 42), "42"),
        value("String attribute given a Boolean", "text", Where.ne("text", true), "true"),
        value(
            "String attribute given a UUID in IN",
            "text",
            Where.in("text", List.of("sample", REF)),
            REF.toString()),
        value("Integer attribute given a String", "quantity", Where.eq("quantity", "12"), "'12'"),
        value(
            "Integer attribute given a Boolean in GT",
            "quantity",
            Where.gt("quantity", true),
            "true"),
        value(
            "Integer attribute given a LocalDate in NOT IN",
            "quantity",
            Where.notIn("quantity", List.of(1, DAY)),
            DAY.toString()),
        value(
            "Long attribute given a String",
            "big",
            Where.lt("big", "40000000000"),
            "'40000000000'"),
        value("Long attribute given a UUID", "big", Where.eq("big", REF), REF.toString()),
        value("Double attribute given a String", "ratio", Where.gte("ratio", "0.5"), "'0.5'"),
        value(
            "Double attribute given a Boolean inside NOT",
            "ratio",
            Where.not(Where.eq("ratio", false)),
            "false"),
        value("Boolean attribute given a String", "flag", Where.eq("flag", "true"), "'true'"),
        value("Boolean attribute given an Integer", "flag", Where.eq("flag", 1), "1"),
        value(
            "BigDecimal attribute given a String",
            "amount",
            Where.eq("amount", "12.50"),
            "'12.50'"),
        value(
            "BigDecimal attribute given a Boolean inside OR",
            "amount",
            Where.anyOf(Where.eq("text", "sample"), Where.lte("amount", true)),
            "true"),
        value(
            "LocalDate attribute given a String",
            "day",
            Where.eq("day", "2024-02-29"),
            "'2024-02-29'"),
        value(
            "LocalDate attribute given an Instant",
            "day",
            Where.gt("day", Instant.parse("2024-02-29T00:00:00Z")),
            "2024-02-29T00:00:00Z"),
        value(
            "LocalDate attribute given a LocalDateTime",
            "day",
            Where.eq("day", LOCAL_TIME),
            LOCAL_TIME.toString()),
        value(
            "Instant attribute given a String",
            "at",
            Where.eq("at", "2024-02-29T12:00:00Z"),
            "'2024-02-29T12:00:00Z'"),
        value("Instant attribute given a LocalDate", "at", Where.lt("at", DAY), DAY.toString()),
        value(
            "Instant attribute given a LocalDateTime",
            "at",
            Where.eq("at", LOCAL_TIME),
            LOCAL_TIME.toString()),
        value("UUID attribute given a Long", "ref", Where.eq("ref", 42L), "42"),
        value(
            "UUID attribute given a Boolean in IN",
            "ref",
            Where.in("ref", List.of(REF, true)),
            "true"),
        value("enum attribute given an Integer", "shade", Where.eq("shade", 1), "1"),
        value("enum attribute given a Boolean", "shade", Where.ne("shade", false), "false"),
        value(
            "enum attribute given a constant of another enum",
            "shade",
            Where.eq("shade", Association.Kind.HAS_ONE),
            "HAS_ONE"),
        value(
            "enum attribute given a name that is not a constant",
            "shade",
            Where.eq("shade", "PURPLE"),
            "'PURPLE'"),
        Case.of(
            "LIKE with a pattern that is not a String",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Specimen.class,
                        Query.matching(new Where.Compare("text", Where.Op.LIKE, 5))),
            "findAll(Specimen)",
            "Specimen.text",
            "LIKE"),
        Case.of(
            "count: Integer attribute given a String",
            BAD,
            w -> () -> w.db.count(Specimen.class, Where.eq("quantity", "many")),
            "count(Specimen)",
            "Specimen.quantity",
            "'many'"),
        Case.of(
            "hasMany get: Integer attribute given a String",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).get(Query.matching(Where.eq("year", "2001"))),
            "Author.books.get",
            "Book.year",
            "'2001'"),
        Case.of(
            "hasMany count: Integer attribute given a Boolean",
            BAD,
            w -> () -> w.db.on(w.ann, BOOKS).count(Query.matching(Where.gt("year", true))),
            "Author.books.count",
            "Book.year",
            "true"),
        Case.of(
            "links: String attribute given an Integer",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(ARTICLES)
                        .linkedTargets(List.of(w.graphs), Query.matching(Where.eq("title", 7))),
            "Book.articles.batch()",
            "Article.title",
            "7"),
        Case.of(
            "include where: Integer attribute given a String",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class,
                        Query.all(),
                        Include.of(BOOKS).where(Where.eq("year", "recent"))),
            "findAll(Author)",
            "Author.books",
            "Book.year",
            "'recent'"),
        Case.of(
            "Where.has: Integer attribute given a String",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class, Query.matching(Where.has(BOOKS, Where.eq("year", "recent")))),
            "findAll(Author)",
            "Author.books",
            "Book.year",
            "'recent'"));
  }

  /** Through attributes (String role, Integer position) given values of other types. */
  private static List<Case> linkValues() {
    return List.of(
        Case.of(
            "through Integer attribute given a String on add",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(w.spareArticle, Map.of("position", "first")),
            "Book.articles.add",
            "through attribute 'position'",
            "'first'",
            "Integer"),
        Case.of(
            "through String attribute given an Integer on add of a linked pair",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(w.editor, Map.of("role", 7)),
            "Book.articles.add",
            "through attribute 'role'",
            "7",
            "String"),
        Case.of(
            "through Integer attribute given a Boolean on set",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.graphs, ARTICLES)
                        .set(List.of(w.spareArticle), Map.of("position", true)),
            "Book.articles.set",
            "through attribute 'position'",
            "true"),
        Case.of(
            "through attribute given a UUID on create inserts nothing",
            BAD,
            w ->
                () ->
                    w.db.on(w.graphs, ARTICLES).create(Samples.article("New"), Map.of("role", REF)),
            "Book.articles.create",
            "through attribute 'role'",
            REF.toString()),
        Case.of(
            "through attribute of the wrong type in a links pair",
            BAD,
            w ->
                () ->
                    w.db
                        .batch(ARTICLES)
                        .addAll(
                            List.of(
                                LinkBetween.of(w.spareBook, w.spareArticle),
                                LinkBetween.of(w.spareBook, w.editor, Map.of("position", DAY)))),
            "Book.articles.batch().addAll",
            "through attribute 'position'",
            DAY.toString()),
        Case.of(
            "through attributes given as a value that is neither a Map nor a through model",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(w.spareArticle, "editor"),
            "Book.articles.add",
            "through attributes",
            "BookArticles",
            "'editor'"),
        Case.of(
            "through attribute name that is not a String",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).add(w.spareArticle, Map.of(1, "editor")),
            "Book.articles.add",
            "through attribute names",
            "1"),
        Case.of(
            "through filter: Integer attribute given a String",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.graphs, ARTICLES)
                        .get(Query.all().through(Where.eq("position", "first"))),
            "Book.articles.get",
            "position",
            "'first'"),
        Case.of(
            "include through filter: String attribute given a Boolean",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Book.class,
                        Query.all(),
                        Include.of(ARTICLES).through(Where.eq("role", false))),
            "findAll(Book)",
            "Book.articles",
            "role",
            "false"),
        Case.of(
            "unknown through attribute in setAll",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.graphs, ARTICLES)
                        .setAll(List.of(NewLink.to(w.spareArticle, Map.of("rank", 1)))),
            "Book.articles.setAll",
            "'rank'",
            "BookArticles"));
  }

  /** Attribute names that the model, the through model or the association does not have. */
  private static List<Case> unknownAttributes() {
    return List.of(
        Case.of(
            "unknown attribute: count",
            BAD,
            w -> () -> w.db.count(Specimen.class, Where.isNull("colour")),
            "count(Specimen)",
            "'colour'",
            "Specimen"),
        Case.of(
            "unknown attribute: findAll order",
            BAD,
            w -> () -> w.db.findAll(Specimen.class, Query.all().orderBy(Order.desc("colour"))),
            "findAll(Specimen)",
            "'colour'",
            "Specimen"),
        Case.of(
            "unknown attribute: findAll nested in AND",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Book.class,
                        Query.matching(Where.eq("title", "Graphs").and(Where.eq("isbn", "1")))),
            "findAll(Book)",
            "'isbn'",
            "Book"),
        Case.of(
            "unknown attribute: belongsToMany count",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).count(Query.matching(Where.notNull("isbn"))),
            "Book.articles.count",
            "'isbn'",
            "Article"),
        Case.of(
            "unknown attribute: belongsToMany links order",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.graphs, ARTICLES)
                        .linkedTargets(Query.all().orderBy(Order.asc("isbn"))),
            "Book.articles.linkedTargets",
            "'isbn'",
            "Article"),
        Case.of(
            "unknown through attribute: belongsToMany through order",
            BAD,
            w ->
                () ->
                    w.db
                        .on(w.graphs, ARTICLES)
                        .get(Query.all().orderBy(Order.through("rank", false))),
            "Book.articles.get",
            "'rank'",
            "BookArticles"),
        Case.of(
            "unknown through attribute: belongsToMany count with through filter",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).count(Query.all().through(Where.eq("rank", 1))),
            "Book.articles.count",
            "'rank'",
            "BookArticles"),
        Case.of(
            "unknown attribute: links count",
            BAD,
            w ->
                () ->
                    w.db.batch(BOOKS).count(List.of(w.ann), Query.matching(Where.eq("isbn", "1"))),
            "Author.books.batch()",
            "'isbn'",
            "Book"),
        Case.of(
            "unknown attribute: hasOne inverse filter in Where.has",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Person.class, Query.matching(Where.has(PROFILE, Where.eq("motto", "x")))),
            "findAll(Person)",
            "Person.profile",
            "'motto'",
            "Profile"),
        Case.of(
            "unknown attribute: include order",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class, Query.all(), Include.of(BOOKS).orderBy(Order.asc("isbn"))),
            "findAll(Author)",
            "Author.books",
            "'isbn'",
            "Book"),
        Case.of(
            "unknown attribute: include where",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Book.class,
                        Query.all(),
                        Include.of(AUTHOR).where(Where.eq("email", "a@b"))),
            "findAll(Book)",
            "Book.author",
            "'email'",
            "Author"),
        Case.of(
            "unknown through attribute: include throughAttributes",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Book.class,
                        Query.all(),
                        Include.of(ARTICLES).throughAttributes("role", "rank")),
            "findAll(Book)",
            "Book.articles",
            "'rank'",
            "BookArticles"),
        Case.of(
            "unknown through attribute: include through filter",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Book.class, Query.all(), Include.of(ARTICLES).through(Where.eq("rank", 1))),
            "findAll(Book)",
            "Book.articles",
            "'rank'",
            "BookArticles"),
        Case.of(
            "Where.has inside a through filter",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).get(Query.all().through(Where.has(BOOKS))),
            "Book.articles.get",
            "Where.has",
            "BookArticles"),
        Case.of(
            "Where.has of an association not in the schema",
            BAD,
            w -> () -> w.db.count(Author.class, Where.has(NOTES)),
            "count(Author)",
            "Author.hasMany(Comment as 'notes')",
            "not declared"),
        Case.of(
            "Where.has of an association of another model",
            BAD,
            w -> () -> w.db.findAll(Author.class, Query.matching(Where.has(ARTICLES))),
            "findAll(Author)",
            "Book.belongsToMany(Article)",
            "Book",
            "Author"));
  }

  /** Negative limits and offsets, on queries and includes. */
  private static List<Case> paging() {
    return List.of(
        Case.of(
            "negative limit on findAll",
            BAD,
            w -> () -> w.db.findAll(Book.class, Query.all().limit(-1)),
            "limit",
            "-1"),
        Case.of(
            "negative offset on a belongsToMany get",
            BAD,
            w -> () -> w.db.on(w.graphs, ARTICLES).get(Query.all().offset(-3)),
            "offset",
            "-3"),
        Case.of(
            "negative include limit",
            BAD,
            w -> () -> w.db.findAll(Author.class, Query.all(), Include.of(BOOKS).limit(-2)),
            "limit",
            "-2",
            "Author.hasMany(Book)"),
        Case.of(
            "negative include offset",
            BAD,
            w -> () -> w.db.findAll(Book.class, Query.all(), Include.of(ARTICLES).offset(-4)),
            "offset",
            "-4",
            "Book.belongsToMany(Article)"));
  }

  /** Includes that are not associations of the model they are applied to. */
  private static List<Case> includes() {
    return List.of(
        Case.of(
            "include of an association not in the schema",
            BAD,
            w -> () -> w.db.findAll(Author.class, Query.all(), Include.of(NOTES)),
            "findAll(Author)",
            "Author.hasMany(Comment as 'notes')",
            "not declared"),
        Case.of(
            "include of an association of another model",
            BAD,
            w -> () -> w.db.findAll(Author.class, Query.all(), anyInclude(PROFILE)),
            "findAll(Author)",
            "Person.profile",
            "Person",
            "Author"),
        Case.of(
            "include of the inverse instead of the association",
            BAD,
            w -> () -> w.db.findAll(Author.class, Query.all(), anyInclude(AUTHOR)),
            "findAll(Author)",
            "Book.author",
            "Book",
            "Author"),
        Case.of(
            "nested include of an association of another model",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class, Query.all(), Include.of(BOOKS).include(anyInclude(PROFILE))),
            "findAll(Author)",
            "Person.profile",
            "Person",
            "Book"),
        Case.of(
            "nested include two levels down of an association of another model",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Author.class,
                        Query.all(),
                        Include.of(BOOKS).include(Include.of(ARTICLES).include(anyInclude(BOOKS)))),
            "findAll(Author)",
            "Author.books",
            "Author",
            "Article"),
        Case.of(
            "nested include of an association not in the schema",
            BAD,
            w ->
                () ->
                    w.db.findAll(
                        Book.class, Query.all(), Include.of(AUTHOR).include(Include.of(NOTES))),
            "findAll(Book)",
            "Author.hasMany(Comment as 'notes')",
            "not declared"),
        Case.of(
            "Loaded.get of an association that was not included",
            BAD,
            w ->
                () -> {
                  var loaded = w.db.findAll(Author.class, Query.all(), Include.of(BOOKS));
                  loaded.get(loaded.list().get(0), NOTES);
                },
            "Loaded.get",
            "Author.hasMany(Comment as 'notes')",
            "not included"));
  }

  /**
   * Declarations that {@code Schema.build()} refuses, naming the association or model and the
   * option.
   */
  private static List<Case> declarations() {
    return List.of(
        declared(
            "scope naming an unknown attribute",
            Association.hasMany(Author.class, Book.class).scope(Map.of("colour", "red")),
            "Author.hasMany(Book)",
            "scope attribute 'colour'",
            "Book"),
        declared(
            "scope naming the target's id",
            Association.hasMany(Author.class, Book.class).scope(Map.of("id", 1L)),
            "Author.hasMany(Book)",
            "scope attribute 'id'",
            "key"),
        declared(
            "scope naming the foreign key",
            Association.hasMany(Author.class, Book.class).scope(Map.of("authorId", 1L)),
            "Author.hasMany(Book)",
            "scope attribute 'authorId'",
            "key"),
        declared(
            "scope value of the wrong type",
            Association.hasMany(Author.class, Book.class).scope(Map.of("year", "old")),
            "Author.hasMany(Book)",
            "scope attribute 'year'",
            "'old'"),
        declared(
            "belongsToMany scope naming an unknown attribute",
            Association.belongsToMany(Book.class, Article.class)
                .through(BookArticles.class)
                .scope(Map.of("colour", "red")),
            "Book.belongsToMany(Article)",
            "scope attribute 'colour'",
            "Article"),
        declared(
            "through scope naming an unknown attribute",
            Association.belongsToMany(Book.class, Article.class)
                .through(BookArticles.class)
                .throughScope(Map.of("rank", 1)),
            "Book.belongsToMany(Article)",
            "'rank'",
            "BookArticles"),
        declared(
            "through scope value of the wrong type",
            Association.belongsToMany(Book.class, Article.class)
                .through(BookArticles.class)
                .throughScope(Map.of("position", "first")),
            "Book.belongsToMany(Article)",
            "'position'",
            "'first'"),
        declared(
            "foreignKey that is the target's id",
            Association.hasMany(Author.class, Book.class).foreignKey("id"),
            "Author.hasMany(Book)",
            "foreignKey 'id'",
            "Book"),
        declared(
            "foreignKey on an attribute of another type",
            Association.hasMany(Author.class, Book.class).foreignKey("title"),
            "Author.hasMany(Book)",
            "foreignKey 'title'",
            "Book",
            "String"),
        declared(
            "belongsTo foreignKey that is not an identifier",
            Association.belongsTo(Book.class, Author.class).foreignKey("author-id"),
            "Book.belongsTo(Author)",
            "foreignKey 'author-id'"),
        declared(
            "belongsTo targetKey naming an unknown attribute",
            Association.belongsTo(Book.class, Author.class).targetKey("isbn"),
            "Book.belongsTo(Author)",
            "targetKey 'isbn'",
            "Author"),
        declared(
            "belongsToMany sourceKey naming an unknown attribute",
            Association.belongsToMany(Book.class, Article.class)
                .through(BookArticles.class)
                .sourceKey("isbn"),
            "Book.belongsToMany(Article)",
            "sourceKey 'isbn'",
            "Book"),
        declared(
            "belongsToMany otherKey that is not an identifier",
            Association.belongsToMany(Book.class, Article.class)
                .through("Citing")
                .otherKey("article id"),
            "Book.belongsToMany(Article)",
            "'article id'"),
        declared(
            "belongsToMany without a through model",
            Association.belongsToMany(Book.class, Article.class),
            "Book.belongsToMany(Article)",
            "through"),
        declared(
            "through name that is not an identifier",
            Association.belongsToMany(Book.class, Article.class).through("Book Articles"),
            "Book.belongsToMany(Article)",
            "through name 'Book Articles'"),
        declared(
            "alias that is not an identifier",
            Association.hasOne(Person.class, Profile.class).as("my profile"),
            "Person.hasOne(Profile as 'my profile')",
            "'my profile'"),
        declared(
            "alias clashing with an attribute of the source",
            Association.hasOne(Person.class, Profile.class).as("name"),
            "Person.hasOne(Profile as 'name')",
            "'name'"),
        declared(
            "association to a model the schema lacks",
            Association.hasMany(Author.class, Sticker.class),
            "Author.hasMany(Sticker)",
            "Sticker",
            "not a declared model"),
        Case.of(
            "model name that is not an identifier",
            BAD_DEFINITION,
            w -> () -> Schema.builder().model(Author.class, "Au-thor").build(),
            "Au-thor",
            "Author"),
        Case.of(
            "model without an id",
            BAD_DEFINITION,
            w -> () -> Schema.builder().models(Author.class, BookArticles.class).build(),
            "BookArticles",
            "id"),
        Case.of(
            "model with an attribute of an unsupported type",
            BAD_DEFINITION,
            w -> () -> Schema.builder().models(Author.class, Gadget.class).build(),
            "Gadget",
            "parts"));
  }

  private static Case value(String name, String attribute, Where where, String shown) {
    return Case.of(
        name,
        BAD,
        w -> () -> w.db.findAll(Specimen.class, Query.matching(where)),
        "findAll(Specimen)",
        "Specimen." + attribute,
        shown);
  }

  private static Case declared(String name, Association<?, ?> association, String... named) {
    Function<World, ThrowingCallable> call =
        w ->
            () ->
                Schema.builder()
                    .models(
                        Author.class,
                        Book.class,
                        Article.class,
                        Person.class,
                        Profile.class,
                        Comment.class)
                    .association(association)
                    .build();
    return Case.of("declaration: " + name, BAD_DEFINITION, call, named);
  }

  /**
   * An include whose association is not typed for the model it is applied to, as an application
   * might pass by mistake.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <S> Include<S, ?> anyInclude(Association<?, ?> association) {
    return (Include) Include.of((Association) association);
  }
}

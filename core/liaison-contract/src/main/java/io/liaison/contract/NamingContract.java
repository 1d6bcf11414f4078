package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.NamingStrategy;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.User;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@link NamingStrategy} changes the names Liaison gives, never the behaviour: a house style for
 * default foreign keys shows in the through attributes, and store names mapped to another case
 * still round-trip entities and links.
 */
public abstract class NamingContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  /** Tables and columns in lower_snake_case, as many SQL houses want them. */
  static final NamingStrategy LOWER_SNAKE =
      new NamingStrategy() {
        @Override
        public String table(String model) {
          return snake(model);
        }

        @Override
        public String column(String model, String attribute) {
          return snake(attribute);
        }
      };

  static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  @Test
  void defaultNamingGivesCamelCaseJunctionKeys() {
    Liaison db = liaison(schema(NamingStrategy.SEQUELIZE));
    Book book = db.insert(book("Graphs", 2015));
    Article article = db.insert(article("Nodes"));

    db.on(book, ARTICLES).add(article);

    assertThat(db.on(book, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.through("bookId")).isEqualTo(book.id);
              assertThat(link.through("articleId")).isEqualTo(article.id);
            });
  }

  @Test
  void sourcePrefixedNamingPrefixesTheJunctionKeysWithTheSourceModel() {
    Liaison db = liaison(schema(NamingStrategy.SOURCE_PREFIXED));
    Book book = db.insert(book("Graphs", 2015));
    Article article = db.insert(article("Nodes"));

    db.on(book, ARTICLES).add(article, Map.of("role", "editor"));

    assertThat(db.on(book, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.through())
                  .containsEntry("Book_bookId", book.id)
                  .containsEntry("Book_articleId", article.id)
                  .doesNotContainKeys("bookId", "articleId");
              assertThat(link.through("role")).isEqualTo("editor");
            });
    assertThat(db.on(article, ARTICLES.inverse()).get())
        .extracting(b -> b.id)
        .containsExactly(book.id);
  }

  @Test
  void customTableAndColumnNamesAreWhatTheStoreIsGiven() {
    SchemaInfo info = schema(LOWER_SNAKE).info();

    ModelInfo author = info.model("Author");
    assertThat(author.table()).isEqualTo("author");
    assertThat(info.model("Book").attribute("authorId").column()).isEqualTo("author_id");
    assertThat(info.junctions())
        .singleElement()
        .satisfies(
            junction -> {
              assertThat(junction.table()).isEqualTo("book_articles");
              assertThat(junction.attribute("bookId").column()).isEqualTo("book_id");
              assertThat(junction.attribute("articleId").column()).isEqualTo("article_id");
            });
  }

  @Test
  void customTableAndColumnNamesStillRoundTripEntitiesAndLinks() {
    Liaison db = liaison(schema(LOWER_SNAKE));
    Author ann = db.insert(author("Ann"));
    Book graphs = db.insert(book("Graphs", 2015));
    Book tables = db.insert(book("Tables", 1990));
    Article nodes = db.insert(article("Nodes"));
    Article edges = db.insert(article("Edges"));

    db.on(ann, BOOKS).addAll(List.of(graphs, tables));
    db.on(graphs, ARTICLES).add(nodes, Map.of("role", "editor", "position", 1));
    db.on(graphs, ARTICLES).add(edges, Map.of("role", "reviewer", "position", 2));
    graphs.year = 2016;
    db.update(graphs);

    assertThat(db.find(Book.class, graphs.id)).get().extracting(b -> b.year).isEqualTo(2016);
    assertThat(db.findAll(Book.class, Query.matching(Where.gt("year", 2000))))
        .extracting(b -> b.id)
        .containsExactly(graphs.id);
    assertThat(db.on(ann, BOOKS).get())
        .extracting(b -> b.id)
        .containsExactlyInAnyOrder(graphs.id, tables.id);
    assertThat(db.on(tables, BOOKS.inverse()).get()).get().extracting(a -> a.id).isEqualTo(ann.id);
    List<LinkedTarget<Article>> links =
        db.on(graphs, ARTICLES).linkedTargets(Query.all().through(Where.eq("role", "editor")));
    assertThat(links)
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.target().id).isEqualTo(nodes.id);
              assertThat(link.through("position")).isEqualTo(1);
              assertThat(link.through("bookId")).isEqualTo(graphs.id);
            });
    db.on(graphs, ARTICLES).remove(nodes);
    assertThat(db.on(graphs, ARTICLES).get()).extracting(a -> a.id).containsExactly(edges.id);
  }

  @Test
  void defaultAliasesOfManyAssociationsAreTheEnglishPluralOfTheOtherModel() {
    SchemaInfo info =
        Schema.builder()
            .models(Box.class, Category.class, Match.class, Wish.class, Child.class, Bus.class)
            .model(Day.class)
            .associations(
                Association.belongsToMany(Box.class, Category.class).through("BoxCategory"),
                Association.belongsToMany(Match.class, Wish.class).through("MatchWish"),
                Association.belongsToMany(Child.class, Bus.class).through("ChildBus"),
                Association.belongsToMany(Day.class, Box.class).through("DayBox"))
            .build()
            .info();

    assertThat(info.associations())
        .extracting(a -> a.source().name() + "." + a.as())
        .contains(
            "Box.categories",
            "Category.boxes",
            "Match.wishes",
            "Wish.matches",
            "Child.buses",
            "Bus.children",
            "Day.boxes",
            "Box.days");
  }

  @Test
  void aModelNamedInThePluralTakesItsKeysAndSingularAliasesFromItsSingular() {
    SchemaInfo info =
        Schema.builder()
            .models(Books.class, Child.class, Category.class)
            .associations(
                Association.hasMany(Books.class, Child.class),
                Association.belongsTo(Child.class, Books.class).as("shelf"),
                Association.belongsTo(Category.class, Books.class),
                Association.belongsToMany(Books.class, Category.class).through("BooksCategory"))
            .build()
            .info();

    assertThat(info.associations())
        .extracting(a -> a.source().name() + "." + a.as() + ":" + a.foreignKey())
        .contains(
            "Books.children:bookId",
            "Child.shelf:shelfId",
            "Category.book:bookId",
            "Books.categories:bookId",
            "Category.books:categoryId");
  }

  @ParameterizedTest(name = "as({0}), inverseAs({1}): {2}, {3}")
  @CsvSource({
    "allies, bosses, allyId, bossId",
    "coaches, wishes, coachId, wishId",
    "boxes, people, boxId, personId",
    "children, Buses, childId, busId",
    "days, class, dayId, classId"
  })
  void selfAssociationKeysAreTheEnglishSingularOfTheAliases(
      String as, String inverseAs, String otherKey, String foreignKey) {
    SchemaInfo info =
        Schema.builder()
            .models(User.class)
            .association(
                Association.belongsToMany(User.class, User.class)
                    .through("Acquaintance")
                    .as(as)
                    .inverseAs(inverseAs))
            .build()
            .info();

    AssociationInfo declared =
        info.associations().stream().filter(a -> a.as().equals(as)).findFirst().orElseThrow();
    assertThat(declared.otherKey()).isEqualTo(otherKey);
    assertThat(declared.foreignKey()).isEqualTo(foreignKey);
    assertThat(info.junctions())
        .singleElement()
        .satisfies(
            junction -> {
              assertThat(junction.attribute(otherKey)).isNotNull();
              assertThat(junction.attribute(foreignKey)).isNotNull();
            });
  }

  /**
   * Models named to exercise each English plural ending (consonant + y, x, ch, sh, s, an irregular
   * plural), as Sequelize's inflection gives them.
   */
  public static class Box {
    public Long id;

    public Box() {}
  }

  /** See {@link Box}. */
  public static class Category {
    public Long id;

    public Category() {}
  }

  /** See {@link Box}. */
  public static class Match {
    public Long id;

    public Match() {}
  }

  /** See {@link Box}. */
  public static class Wish {
    public Long id;

    public Wish() {}
  }

  /** See {@link Box}. */
  public static class Child {
    public Long id;

    public Child() {}
  }

  /** A model named in the plural, as Sequelize users sometimes name theirs. */
  public static class Books {
    public Long id;

    public Books() {}
  }

  /** See {@link Box}. */
  public static class Bus {
    public Long id;

    public Bus() {}
  }

  /** See {@link Box}: a vowel before the y keeps it. */
  public static class Day {
    public Long id;

    public Day() {}
  }

  private static Schema schema(NamingStrategy naming) {
    return Schema.builder()
        .naming(naming)
        .models(Author.class, Book.class, Article.class)
        .associations(BOOKS, ARTICLES)
        .build();
  }

  private static Book book(String title, Integer year) {
    Book b = new Book();
    b.title = title;
    b.year = year;
    return b;
  }
}

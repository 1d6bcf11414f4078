package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.person;
import static io.liaison.contract.Samples.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.spi.Capability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the store holds, read natively through the provider's {@link StoreProbe} (skipped without
 * one), not through the adapter: a belongsToMany link, made or unmade from either side, is one
 * junction row (SQL) or one relationship from the declaring side's node to the other's (graph) with
 * the through attributes on it; a hasOne, hasMany or belongsTo link is the foreign key of the
 * holder's row (SQL) or a relationship from the referenced node to the holder's (graph, with the
 * key property in step). A store that kept links in a shape of its own would read them back
 * consistently and pass every other group; here it fails, so that a second graph or SQL store is
 * held to the same shape.
 */
public abstract class StoredShapeContract extends ContractGroup {

  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final BelongsToMany<Book, Article> PARALLEL =
      Association.belongsToMany(Book.class, Article.class)
          .through(BookArticles.class)
          .unique(false)
          .as("parallelArticles")
          .inverseAs("parallelBooks");
  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);

  // ---------------------------------------------------------------- belongsToMany

  @Test
  void belongsToManyLinksAddedFromEitherSideAreStoredFromTheDeclaringSideWithTheirAttributes() {
    Schema schema =
        Schema.builder().models(Book.class, Article.class).association(ARTICLES).build();
    Liaison db = liaison(schema);
    Book book = db.insert(book("Graphs", 2001));
    Article edited = db.insert(article("Nodes"));
    Article reviewed = db.insert(article("Edges"));

    db.on(book, ARTICLES).add(edited, Map.of("role", "editor", "position", 1));
    db.on(reviewed, ARTICLES.inverse()).add(book, Map.of("role", "reviewer"));

    assertThat(info(schema, ARTICLES).sourceIsPrincipal())
        .as("the declaring side is the principal")
        .isTrue();
    assertThat(storedLinks(schema, ARTICLES))
        .extracting(StoredLink::pair)
        .containsExactlyInAnyOrder(
            book.id + "->" + edited.id + " {position=1, role=editor}",
            book.id + "->" + reviewed.id + " {position=null, role=reviewer}");
    assertThat(storedLinks(schema, ARTICLES)).extracting(StoredLink::linkId).containsOnlyNulls();
  }

  @Test
  void belongsToManyLinksRemovedOrReplacedFromEitherSideLeaveTheStoreWithExactlyTheRest() {
    Schema schema =
        Schema.builder().models(Book.class, Article.class).association(ARTICLES).build();
    Liaison db = liaison(schema);
    Book graphs = db.insert(book("Graphs", 2001));
    Book tables = db.insert(book("Tables", 2002));
    Article a = db.insert(article("A"));
    Article b = db.insert(article("B"));
    Article c = db.insert(article("C"));
    db.on(graphs, ARTICLES).addAll(List.of(a, b), Map.of("role", "editor"));
    db.on(tables, ARTICLES).add(a, Map.of("role", "author"));

    db.on(a, ARTICLES.inverse()).remove(graphs);
    db.on(c, ARTICLES.inverse()).set(List.of(graphs, tables), Map.of("position", 3));
    db.on(tables, ARTICLES).add(a, Map.of("position", 4));

    assertThat(storedLinks(schema, ARTICLES))
        .extracting(StoredLink::pair)
        .containsExactlyInAnyOrder(
            graphs.id + "->" + b.id + " {position=null, role=editor}",
            graphs.id + "->" + c.id + " {position=3, role=null}",
            tables.id + "->" + a.id + " {position=4, role=author}",
            tables.id + "->" + c.id + " {position=3, role=null}");
  }

  @Test
  @Requires(Capability.PARALLEL_LINKS)
  void parallelLinksAreStoredOneEachWithTheIdTheApiReads() {
    Schema schema =
        Schema.builder().models(Book.class, Article.class).association(PARALLEL).build();
    Liaison db = liaison(schema);
    Book book = db.insert(book("Graphs", 2001));
    Article a = db.insert(article("Nodes"));
    db.on(book, PARALLEL).add(a, Map.of("role", "editor"));
    db.on(a, PARALLEL.inverse()).add(book, Map.of("role", "reviewer"));

    List<StoredLink> stored = storedLinks(schema, PARALLEL);

    assertThat(stored)
        .extracting(StoredLink::pair)
        .containsExactlyInAnyOrder(
            book.id + "->" + a.id + " {position=null, role=editor}",
            book.id + "->" + a.id + " {position=null, role=reviewer}");
    List<Object> readIds =
        db.on(book, PARALLEL).linkedTargets().stream()
            .map(LinkedTarget::linkId)
            .map(StoredLink::normalize)
            .toList();
    assertThat(stored)
        .extracting(StoredLink::linkId)
        .doesNotContainNull()
        .containsExactlyInAnyOrderElementsOf(readIds);
  }

  // ---------------------------------------------------------------- foreign keys

  @Test
  void hasManyAndBelongsToLinksAreStoredAsTheForeignKeyFromTheReferencedRow() {
    Schema schema = Schema.builder().models(Author.class, Book.class).association(BOOKS).build();
    Liaison db = liaison(schema);
    Author ann = db.insert(author("Ann", "A-1"));
    Author bob = db.insert(author("Bob", "B-1"));
    Book graphs = db.insert(book("Graphs", 2001));
    Book tables = db.insert(book("Tables", 2002));
    db.insert(book("Unlinked", 2003));

    db.on(ann, BOOKS).addAll(List.of(graphs, tables));
    assertThat(storedLinks(schema, BOOKS))
        .extracting(StoredLink::pair)
        .containsExactlyInAnyOrder(
            ann.id + "->" + graphs.id + " {}", ann.id + "->" + tables.id + " {}");

    db.on(graphs, BOOKS.inverse()).set(bob);
    db.on(ann, BOOKS).remove(tables);
    assertThat(storedLinks(schema, BOOKS))
        .extracting(StoredLink::pair)
        .containsExactly(bob.id + "->" + graphs.id + " {}");
    assertThat(storedLinks(schema, BOOKS.inverse()))
        .as("the same links seen from the belongsTo side")
        .extracting(StoredLink::pair)
        .containsExactly(bob.id + "->" + graphs.id + " {}");
  }

  @Test
  void hasOneLinkIsStoredAsTheForeignKeyFromTheReferencedRowAndSetMovesIt() {
    Schema schema =
        Schema.builder().models(Person.class, Profile.class).association(PROFILE).build();
    Liaison db = liaison(schema);
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    Profile first = db.insert(profile("first"));
    Profile second = db.insert(profile("second"));

    db.on(ann, PROFILE).set(first);
    db.on(bob, PROFILE).set(second);
    db.on(ann, PROFILE).set(second);

    assertThat(storedLinks(schema, PROFILE))
        .extracting(StoredLink::pair)
        .containsExactly(ann.id + "->" + second.id + " {}");
  }
}

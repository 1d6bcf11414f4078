package io.liaison.contract;

import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.chapter;
import static io.liaison.contract.Samples.person;
import static io.liaison.contract.Samples.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.BelongsTo;
import io.liaison.DefinitionException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Include;
import io.liaison.Liaison;
import io.liaison.Loaded;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.spi.AssociationInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cheat sheet rule 36: a belongsTo declares its inverse, as Sequelize v7's {@code
 * Chapter.belongsTo(Book, {inverse: {type: 'hasMany', as: 'chapters'}})} does
 * (associations/belongs-to.ts), so that a book's chapters need no second declaration. The inverse
 * is a hasOne or hasMany on the belongsTo's foreign key, named by the belongsTo's rule.
 */
public abstract class DeclaredInverseContract extends ContractGroup {

  static final BelongsTo<Chapter, Book> BOOK =
      Association.belongsTo(Chapter.class, Book.class).inverse(Kind.HAS_MANY, "chapters");
  static final HasMany<Book, Chapter> CHAPTERS = BOOK.inverseHasMany();

  private Liaison withBook(BelongsTo<Chapter, Book> book) {
    return liaison(Schema.builder().models(Chapter.class, Book.class).association(book).build());
  }

  @Test
  void aBelongsToDeclaringAHasManyInverseGivesTheTargetsSources() {
    Liaison db = withBook(BOOK);
    Book graphs = db.insert(book("Graphs"));
    Book other = db.insert(book("Other"));
    Chapter one = db.insert(chapter("One"));
    Chapter two = db.insert(chapter("Two"));
    Chapter elsewhere = db.insert(chapter("Elsewhere"));

    db.on(one, BOOK).set(graphs);
    db.on(graphs, CHAPTERS).add(two);
    db.on(elsewhere, BOOK).set(other);

    assertThat(db.on(graphs, CHAPTERS).get())
        .extracting(c -> c.title)
        .containsExactly("One", "Two");
    assertThat(db.on(two, BOOK).get()).map(b -> b.title).contains("Graphs");
    assertThat(db.find(Chapter.class, two.id).orElseThrow().bookId).isEqualTo(graphs.id);
  }

  @Test
  void theDeclaredInverseIsOneAssociationOnTheSameForeignKey() {
    BelongsTo<Chapter, Book> volume =
        Association.belongsTo(Chapter.class, Book.class)
            .as("volume")
            .inverse(Kind.HAS_MANY, "parts");
    Schema schema = Schema.builder().models(Chapter.class, Book.class).association(volume).build();

    AssociationInfo belongsTo = info(schema, volume);
    AssociationInfo hasMany = info(schema, volume.inverseHasMany());
    assertThat(schema.info().associations()).hasSize(2);
    assertThat(belongsTo.foreignKey()).isEqualTo("volumeId");
    assertThat(hasMany.foreignKey()).isEqualTo("volumeId");
    assertThat(hasMany.as()).isEqualTo("parts");
    assertThat(hasMany.linkName()).isEqualTo(belongsTo.linkName());
    assertThat(schema.info().constraints()).hasSize(1);
  }

  @Test
  void theInverseAliasDefaultsToTheSourceModelsPluralName() {
    BelongsTo<Chapter, Book> book =
        Association.belongsTo(Chapter.class, Book.class).inverse(Kind.HAS_MANY);
    Schema schema = Schema.builder().models(Chapter.class, Book.class).association(book).build();

    assertThat(info(schema, book.inverseHasMany()).as()).isEqualTo("chapters");
  }

  @Test
  void aBelongsToDeclaringAHasOneInverseGivesTheTargetsSource() {
    BelongsTo<Profile, Person> owner =
        Association.belongsTo(Profile.class, Person.class)
            .as("owner")
            .inverse(Kind.HAS_ONE, "profile");
    HasOne<Person, Profile> profile = owner.inverseHasOne();
    Liaison db =
        liaison(Schema.builder().models(Profile.class, Person.class).association(owner).build());
    Person pat = db.insert(person("Pat"));
    Profile first = db.insert(profile("first"));

    db.on(first, owner).set(pat);
    Profile second = db.on(pat, profile).create(profile("second"));

    assertThat(db.on(pat, profile).get()).map(p -> p.id).contains(second.id);
    assertThat(db.on(second, owner).get()).map(p -> p.name).contains("Pat");
    assertThat(db.on(first, owner).get()).as("hasOne create replaces the previous").isEmpty();
  }

  @Test
  void theDeclaredInverseIsIncludedAndFilteredOn() {
    Liaison db = withBook(BOOK);
    Book graphs = db.insert(book("Graphs"));
    db.insert(book("Empty"));
    db.on(graphs, CHAPTERS)
        .addAll(List.of(chapter("One"), chapter("Two")).stream().map(db::insert).toList());

    Loaded<Book> loaded =
        db.findAll(Book.class, Query.all(), List.of(Include.of(CHAPTERS).required(true)));

    assertThat(loaded.list()).extracting(b -> b.title).containsExactly("Graphs");
    assertThat(loaded.get(loaded.list().get(0), CHAPTERS))
        .extracting(c -> c.title)
        .containsExactly("One", "Two");
  }

  @Test
  void aSelfBelongsToDeclaresItsInverseUnderAnotherAlias() {
    BelongsTo<Person, Person> parent =
        Association.belongsTo(Person.class, Person.class)
            .as("parent")
            .inverse(Kind.HAS_MANY, "children");
    HasMany<Person, Person> children = parent.inverseHasMany();
    Liaison db = liaison(Schema.builder().models(Person.class).association(parent).build());
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    Person carl = db.insert(person("Carl"));

    db.on(ann, children).addAll(List.of(bob, carl));

    assertThat(db.on(ann, children).get()).extracting(p -> p.name).containsExactly("Bob", "Carl");
    assertThat(db.on(carl, parent).get()).map(p -> p.name).contains("Ann");
    assertThat(db.on(ann, parent).get()).isEmpty();
  }

  @Test
  void declaringBothSidesAsWellIsOneAssociationEach() {
    // the v6 way: the hasMany declared too; it is the inverse the belongsTo declares
    HasMany<Book, Chapter> chapters = Association.hasMany(Book.class, Chapter.class);
    Schema schema =
        Schema.builder().models(Chapter.class, Book.class).associations(BOOK, chapters).build();
    Liaison db = liaison(schema);
    Book graphs = db.insert(book("Graphs"));
    Chapter one = db.insert(chapter("One"));

    db.on(one, BOOK).set(graphs);

    assertThat(schema.info().associations()).hasSize(2);
    assertThat(db.on(graphs, chapters).get()).extracting(c -> c.title).containsExactly("One");
    assertThat(db.on(graphs, CHAPTERS).get()).extracting(c -> c.title).containsExactly("One");
  }

  @Test
  void aHandleOfAnInverseThatWasNotDeclaredIsRefused() {
    BelongsTo<Chapter, Book> plain = Association.belongsTo(Chapter.class, Book.class);

    assertThatThrownBy(plain::inverseHasMany)
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Chapter.belongsTo(Book)")
        .hasMessageContaining("no inverse");
    assertThatThrownBy(BOOK::inverseHasOne)
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Chapter.belongsTo(Book)")
        .hasMessageContaining("HAS_MANY");
  }

  @Test
  void anInverseKindOtherThanHasOneOrHasManyIsRefused() {
    BelongsTo<Chapter, Book> plain = Association.belongsTo(Chapter.class, Book.class);

    assertThatThrownBy(() -> plain.inverse(Kind.BELONGS_TO_MANY, "chapters"))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Chapter.belongsTo(Book)")
        .hasMessageContaining("type BELONGS_TO_MANY");
  }
}

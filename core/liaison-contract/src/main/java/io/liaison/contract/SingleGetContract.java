package io.liaison.contract;

import static io.liaison.contract.Samples.book;
import static io.liaison.contract.Samples.chapter;
import static io.liaison.contract.Samples.person;
import static io.liaison.contract.Samples.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.BelongsTo;
import io.liaison.HasOne;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cheat sheet rule 37: the singular getters take a query, as Sequelize's {@code
 * chapter.getBook({where})} and {@code person.getProfile({where})} do (associations/belongs-to.ts
 * and has-one.ts: the where is and-ed with the link), and a belongsTo whose foreign key is null
 * answers without asking the store, as v7's {@code findByPk(null)} does.
 */
public abstract class SingleGetContract extends ContractGroup {

  static final BelongsTo<Chapter, Book> BOOK = Association.belongsTo(Chapter.class, Book.class);
  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);

  private Liaison withBook() {
    return liaison(Schema.builder().models(Chapter.class, Book.class).association(BOOK).build());
  }

  @Test
  void belongsToGetAnswersTheTargetOnlyWhenItMatchesTheWhere() {
    Liaison db = withBook();
    Book graphs = db.insert(book("Graphs", 2001));
    db.insert(book("Other", 1999));
    Chapter one = db.insert(chapter("One"));
    db.on(one, BOOK).set(graphs);

    assertThat(db.on(one, BOOK).get(Query.matching(Where.eq("title", "Graphs"))))
        .map(b -> b.id)
        .contains(graphs.id);
    assertThat(db.on(one, BOOK).get(Query.matching(Where.gt("year", 2000)))).isPresent();
    assertThat(db.on(one.id, BOOK).get(Query.matching(Where.lt("year", 2000))))
        .as("the linked book is from 2001")
        .isEmpty();
    assertThat(db.on(one, BOOK).get(Query.matching(Where.eq("title", "Other"))))
        .as("a book that matches but is not linked")
        .isEmpty();
    assertThat(db.on(one, BOOK).get(Query.all().orderBy(Order.desc("title"))))
        .map(b -> b.id)
        .contains(graphs.id);
  }

  @Test
  void hasOneGetAnswersTheTargetOnlyWhenItMatchesTheWhere() {
    Liaison db =
        liaison(Schema.builder().models(Person.class, Profile.class).association(PROFILE).build());
    Person pat = db.insert(person("Pat"));
    Person sam = db.insert(person("Sam"));
    Profile pats = db.on(pat, PROFILE).create(profile("climber"));
    db.on(sam, PROFILE).create(profile("sailor"));

    assertThat(db.on(pat, PROFILE).get(Query.matching(Where.eq("bio", "climber"))))
        .map(p -> p.id)
        .contains(pats.id);
    assertThat(db.on(pat.id, PROFILE).get(Query.matching(Where.eq("bio", "sailor"))))
        .as("Sam's profile matches, but it is not Pat's")
        .isEmpty();
    assertThat(db.on(pat, PROFILE).get(Query.matching(Where.like("bio", "cl%")))).isPresent();
  }

  @Test
  void belongsToWithANullForeignKeyAnswersEmptyWithoutARoundTrip() {
    Liaison db = withBook();
    db.insert(book("Graphs", 2001));
    Chapter loose = db.insert(chapter("Loose"));
    @SuppressWarnings("unchecked")
    Optional<Book>[] found = new Optional[2];

    int trips =
        roundTrips(
            () -> {
              found[0] = db.on(loose, BOOK).get();
              found[1] = db.on(loose, BOOK).get(Query.matching(Where.eq("title", "Graphs")));
            });

    assertThat(trips).isZero();
    assertThat(found[0]).isEmpty();
    assertThat(found[1]).isEmpty();
  }

  @Test
  void belongsToOfASourceGivenByIdReadsTheKeyTheStoreHolds() {
    Liaison db = withBook();
    Book graphs = db.insert(book("Graphs", 2001));
    Chapter loose = db.insert(chapter("Loose"));
    Chapter linked = db.insert(chapter("Linked"));
    db.on(linked.id, BOOK).set(graphs.id);

    assertThat(db.on(loose.id, BOOK).get()).isEmpty();
    assertThat(db.on(linked.id, BOOK).get()).map(b -> b.id).contains(graphs.id);
    assertThat(db.on(db.find(Chapter.class, linked.id).orElseThrow(), BOOK).get())
        .map(b -> b.id)
        .contains(graphs.id);
  }

  @Test
  void aLimitAnOffsetOrAThroughFilterIsRefusedWithTheStoreUnchanged() {
    Liaison db = withBook();
    Book graphs = db.insert(book("Graphs", 2001));
    Chapter one = db.insert(chapter("One"));
    db.on(one, BOOK).set(graphs);

    assertThatThrownBy(() -> db.on(one, BOOK).get(Query.all().limit(1)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Chapter.book.get")
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> db.on(one, BOOK).get(Query.all().offset(1)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Chapter.book.get")
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> db.on(one, BOOK).get(Query.all().through(Where.eq("role", "x"))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("Chapter.book.get")
        .hasMessageContaining("through");
    assertThatThrownBy(() -> db.on(one, BOOK).get(Query.matching(Where.eq("colour", "red"))))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("Book");
    assertThat(db.on(one, BOOK).get()).map(b -> b.id).contains(graphs.id);
  }
}

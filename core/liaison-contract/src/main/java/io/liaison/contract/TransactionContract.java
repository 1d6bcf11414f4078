package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static io.liaison.contract.Samples.author;
import static io.liaison.contract.Samples.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.ManyAccessor;
import io.liaison.Schema;
import io.liaison.Session;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code db.transaction(tx -> ...)}: the work's result is returned and every operation in it
 * commits together; an exception rolls every operation back (entities and links) and passes through
 * unchanged. A single call that fails midway also leaves nothing behind.
 */
public abstract class TransactionContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  private static final List<Class<?>> MODELS = List.of(Author.class, Book.class, Article.class);
  private static final List<Association<?, ?>> ASSOCIATIONS =
      List.of(BOOKS, BOOKS.inverse(), ARTICLES);

  /** The exception the work throws; its own class, so that a wrapped or replaced one is noticed. */
  static final class WorkFailed extends RuntimeException {
    WorkFailed() {
      super("the work failed on purpose");
    }
  }

  private Liaison db;
  private Author ann;
  private Book graphs;
  private Book tables;
  private Article edited;
  private Article reviewed;
  private final List<Book> spareBooks = new ArrayList<>();
  private final List<Article> spareArticles = new ArrayList<>();

  @BeforeEach
  void fillStore() {
    db =
        liaison(
            Schema.builder()
                .models(Author.class, Book.class, Article.class)
                .associations(BOOKS, ARTICLES)
                .build());
    ann = db.insert(author("Ann"));
    graphs = db.insert(book("Graphs"));
    tables = db.insert(book("Tables"));
    spareBooks.add(db.insert(book("Spare one")));
    spareBooks.add(db.insert(book("Spare two")));
    edited = db.insert(article("Edited"));
    reviewed = db.insert(article("Reviewed"));
    spareArticles.add(db.insert(article("Spare one")));
    spareArticles.add(db.insert(article("Spare two")));
    db.on(ann, BOOKS).addAll(List.of(graphs, tables));
    db.on(graphs, ARTICLES).add(edited, Map.of("role", "editor", "position", 1));
    db.on(graphs, ARTICLES).add(reviewed, Map.of("role", "reviewer", "position", 2));
  }

  @Test
  void transactionReturnsTheResultOfTheWork() {
    Long id = db.transaction(tx -> tx.insert(book("Returned")).id);

    assertThat(id).isNotNull();
    assertThat(db.find(Book.class, id)).get().extracting(b -> b.title).isEqualTo("Returned");
  }

  @Test
  void transactionCommitsEveryOperationTogether() {
    Author bob =
        db.transaction(
            tx -> {
              Author author = tx.insert(author("Bob"));
              Book book = tx.insert(book("Bob's"));
              tx.on(author, BOOKS).add(book);
              tx.on(book, ARTICLES).add(spareArticles.get(0), Map.of("role", "author"));
              tx.on(graphs, ARTICLES).remove(edited);
              return author;
            });

    assertThat(db.on(bob, BOOKS).get()).extracting(b -> b.title).containsExactly("Bob's");
    Book bobs = db.on(bob, BOOKS).get().get(0);
    assertThat(db.on(bobs, ARTICLES).linkedTargets())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.target().id).isEqualTo(spareArticles.get(0).id);
              assertThat(link.through("role")).isEqualTo("author");
            });
    assertThat(db.on(graphs, ARTICLES).get()).extracting(a -> a.id).containsExactly(reviewed.id);
  }

  @Test
  void operationsInsideATransactionSeeEachOthersWrites() {
    long seen =
        db.transaction(
            tx -> {
              Book book = tx.insert(book("Fresh"));
              tx.on(ann, BOOKS).add(book);
              assertThat(tx.find(Book.class, book.id)).isPresent();
              return tx.on(ann, BOOKS).count();
            });

    assertThat(seen).isEqualTo(3);
  }

  @Test
  void exceptionInsideRollsBackEveryEntityAndLinkOperation() {
    Map<String, Object> before = state();

    assertThatThrownBy(
            () ->
                db.transaction(
                    tx -> {
                      writeEverything(tx);
                      throw new WorkFailed();
                    }))
        .isInstanceOf(WorkFailed.class);

    assertThat(state()).isEqualTo(before);
  }

  @Test
  void exceptionInsidePassesThroughUnchanged() {
    WorkFailed failure = new WorkFailed();

    assertThatThrownBy(
            () ->
                db.transaction(
                    tx -> {
                      tx.insert(book("Lost"));
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  void failingOperationInsideRollsBackTheEarlierOnes() {
    Map<String, Object> before = state();
    Long missing = missingArticleId();

    assertThatThrownBy(
            () ->
                db.transaction(
                    tx -> {
                      writeEverything(tx);
                      tx.on(graphs, ARTICLES).add(missing);
                      return null;
                    }))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining(String.valueOf(missing));

    assertThat(state()).isEqualTo(before);
  }

  @Test
  void inTransactionCommitsTheWork() {
    db.inTransaction(
        tx -> {
          Book book = tx.insert(book("Committed"));
          tx.on(ann, BOOKS).add(book);
        });

    assertThat(db.on(ann, BOOKS).get()).extracting(b -> b.title).contains("Committed");
  }

  @Test
  void inTransactionRollsBackAndRethrowsOnException() {
    Map<String, Object> before = state();
    WorkFailed failure = new WorkFailed();

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    tx -> {
                      writeEverything(tx);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(state()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"HAS_MANY", "BELONGS_TO_MANY"})
  void setFailingMidwayLeavesThePreviousLinksIntact(Kind kind) {
    Map<String, Object> before = state();
    List<Object> targets =
        kind == Kind.HAS_MANY
            ? List.of(tables, spareBooks.get(0), missingBookId(), spareBooks.get(1))
            : List.of(reviewed, spareArticles.get(0), missingArticleId(), spareArticles.get(1));

    assertThatThrownBy(() -> many(kind).set(targets))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageContaining(String.valueOf(targets.get(2)));

    assertThat(state()).isEqualTo(before);
  }

  // ---- helpers

  /** Inserts, updates, deletes, links and unlinks: one of every kind of write. */
  private void writeEverything(Session tx) {
    Author bob = tx.insert(author("Bob"));
    List<Book> books = tx.insertAll(List.of(book("New one"), book("New two")));
    tx.on(bob, BOOKS).addAll(books);
    tx.on(bob, BOOKS).add(graphs);
    tx.on(ann, BOOKS).set(List.of(spareBooks.get(0)));
    tx.on(graphs, ARTICLES).add(spareArticles.get(0), Map.of("role", "translator"));
    tx.on(graphs, ARTICLES).add(edited, Map.of("role", "changed"));
    tx.on(graphs, ARTICLES).remove(reviewed);
    Book renamed = tx.find(Book.class, tables.id).orElseThrow();
    renamed.title = "Renamed";
    tx.update(renamed);
    tx.delete(Book.class, spareBooks.get(1).id);
    tx.delete(Article.class, spareArticles.get(1).id);
  }

  private ManyAccessor<?> many(Kind kind) {
    return kind == Kind.HAS_MANY ? db.on(ann, BOOKS) : db.on(graphs, ARTICLES);
  }

  private Map<String, Object> state() {
    return StoreState.read(db, MODELS, ASSOCIATIONS);
  }

  private Long missingBookId() {
    return db.findAll(Book.class).stream().mapToLong(b -> b.id).max().orElse(0) + 1000;
  }

  private Long missingArticleId() {
    return db.findAll(Article.class).stream().mapToLong(a -> a.id).max().orElse(0) + 1000;
  }
}

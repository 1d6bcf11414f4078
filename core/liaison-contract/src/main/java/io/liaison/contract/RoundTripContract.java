package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Liaison;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Schema;
import io.liaison.Where;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entity batches cost a constant number of round trips to the store, whatever their size: 1,000
 * entities cost what 10 do. (Each association group proves the same for its own batch operations.)
 */
public abstract class RoundTripContract extends ContractGroup {

  /** A generous bound: a batch is one statement, plus whatever the transaction itself costs. */
  static final int MAX_ROUND_TRIPS = 8;

  static final int SMALL = 10;
  static final int LARGE = 1_000;

  private Liaison db;

  @BeforeEach
  void openLiaison() {
    db = liaison(Schema.builder().models(Book.class, User.class).build());
  }

  @Test
  void insertAllOfStoreGeneratedIdsCostsTheSameFor10And1000Entities() {
    List<Book> small = books(SMALL, "small");
    List<Book> large = books(LARGE, "large");

    int smallTrips = roundTrips(() -> db.insertAll(small));
    int largeTrips = roundTrips(() -> db.insertAll(large));

    assertThat(db.count(Book.class, Where.notNull("id"))).isEqualTo(SMALL + LARGE);
    assertThat(large).extracting(b -> b.id).doesNotContainNull().doesNotHaveDuplicates();
    assertConstant(smallTrips, largeTrips);
  }

  @Test
  void insertAllOfLiaisonGeneratedIdsCostsTheSameFor10And1000Entities() {
    List<User> small = users(SMALL);
    List<User> large = users(LARGE);

    int smallTrips = roundTrips(() -> db.insertAll(small));
    int largeTrips = roundTrips(() -> db.insertAll(large));

    assertThat(db.count(User.class, Where.notNull("id"))).isEqualTo(SMALL + LARGE);
    assertConstant(smallTrips, largeTrips);
  }

  @Test
  void findAllCostsTheSameFor10And1000Entities() {
    db.insertAll(books(SMALL, "first"));
    List<Book> found = new ArrayList<>();
    int smallTrips = roundTrips(() -> found.addAll(db.findAll(Book.class)));
    assertThat(found).hasSize(SMALL);

    db.insertAll(books(LARGE - SMALL, "more"));
    found.clear();
    int largeTrips = roundTrips(() -> found.addAll(db.findAll(Book.class)));
    assertThat(found).hasSize(LARGE);

    assertConstant(smallTrips, largeTrips);
  }

  @Test
  void findAllWithAQueryCostsTheSameFor10And1000Matches() {
    Query query = Query.matching(Where.like("title", "match%")).orderBy(Order.asc("year"));
    db.insertAll(books(SMALL, "match"));
    List<Book> found = new ArrayList<>();
    int smallTrips = roundTrips(() -> found.addAll(db.findAll(Book.class, query)));
    assertThat(found).hasSize(SMALL);

    db.insertAll(books(LARGE - SMALL, "match more"));
    db.insertAll(books(SMALL, "other"));
    found.clear();
    int largeTrips = roundTrips(() -> found.addAll(db.findAll(Book.class, query)));
    assertThat(found).hasSize(LARGE);

    assertConstant(smallTrips, largeTrips);
  }

  private static void assertConstant(int smallTrips, int largeTrips) {
    assertThat(smallTrips)
        .as("round trips for %d entities", SMALL)
        .isPositive()
        .isLessThanOrEqualTo(MAX_ROUND_TRIPS);
    assertThat(largeTrips)
        .as("round trips for %d entities (%d for %d)", LARGE, smallTrips, SMALL)
        .isEqualTo(smallTrips);
  }

  private static List<Book> books(int n, String prefix) {
    return list(
        n,
        i -> {
          Book b = new Book();
          b.title = prefix + " " + i;
          b.year = 1900 + i % 120;
          return b;
        });
  }

  private static List<User> users(int n) {
    return list(
        n,
        i -> {
          User u = new User();
          u.name = "user " + i;
          return u;
        });
  }

  private static <T> List<T> list(int n, IntFunction<T> make) {
    List<T> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(make.apply(i));
    }
    return items;
  }
}

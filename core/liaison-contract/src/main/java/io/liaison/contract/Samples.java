package io.liaison.contract;

import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Badge;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Citation;
import io.liaison.contract.fixtures.Comment;
import io.liaison.contract.fixtures.DrivingLicense;
import io.liaison.contract.fixtures.Essay;
import io.liaison.contract.fixtures.Novel;
import io.liaison.contract.fixtures.Passport;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * Unsaved fixture instances with their attributes filled in, so a test reads as its rule. Kept here
 * rather than as constructors on the fixtures: the fixtures stay plain models with a no-argument
 * constructor, as users write them.
 */
final class Samples {
  private Samples() {}

  static Person person(String name) {
    Person p = new Person();
    p.name = name;
    return p;
  }

  static Profile profile(String bio) {
    Profile p = new Profile();
    p.bio = bio;
    return p;
  }

  static DrivingLicense license(String number) {
    DrivingLicense l = new DrivingLicense();
    l.number = number;
    return l;
  }

  static Passport passport(String number) {
    Passport p = new Passport();
    p.number = number;
    return p;
  }

  static Badge badge(String label) {
    Badge b = new Badge();
    b.label = label;
    return b;
  }

  static Author author(String name) {
    Author a = new Author();
    a.name = name;
    return a;
  }

  static Author author(String name, String code) {
    Author a = new Author();
    a.name = name;
    a.code = code;
    return a;
  }

  static Book book(String title) {
    Book b = new Book();
    b.title = title;
    return b;
  }

  static Article article(String title) {
    Article a = new Article();
    a.title = title;
    return a;
  }

  static Book book(String title, Integer year) {
    Book b = new Book();
    b.title = title;
    b.year = year;
    return b;
  }

  /** {@code n} unsaved books titled {@code prefix-0000}, {@code prefix-0001}, ... */
  static List<Book> books(String prefix, int n) {
    List<Book> books = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      books.add(book(String.format("%s-%04d", prefix, i), 1900 + i % 100));
    }
    return books;
  }

  static Chapter chapter(String title) {
    Chapter c = new Chapter();
    c.title = title;
    return c;
  }

  static Comment comment(String body) {
    Comment c = new Comment();
    c.body = body;
    return c;
  }

  static Novel novel(String title) {
    Novel n = new Novel();
    n.title = title;
    return n;
  }

  static Essay essay(String title) {
    Essay e = new Essay();
    e.title = title;
    return e;
  }

  static Citation citation(String text) {
    Citation c = new Citation();
    c.text = text;
    return c;
  }
}

package io.liaison.internal;

import io.liaison.InvalidCallException;

/**
 * The public call an engine method serves, as its messages name it: the operation as the caller
 * wrote it ({@code insert(Book)}, {@code Book.articles.add}, {@code findAll(Author): include
 * Author.books}) and, when a message is about one argument, that argument ({@code target}). A
 * message starts with {@link #toString()}: {@code Book.articles.add: target}. The argument is
 * joined to the operation only when a message is built, so a loop over many links passes one {@code
 * Call} and builds no text.
 *
 * @param operation the call as the caller wrote it
 * @param argument the argument a message is about, or null
 */
record Call(String operation, String argument) {

  /** The call, about no argument in particular. */
  static Call of(String operation) {
    return new Call(operation, null);
  }

  /** This call, about one of its arguments ({@code Book.articles.add: target}). */
  Call about(String name) {
    return new Call(operation, argument == null ? name : argument + ": " + name);
  }

  /**
   * A part of this call that checks on its own (an include, a {@code Where.has}), named after it:
   * {@code findAll(Author): include Author.books}.
   */
  Call within(String part) {
    return of(this + ": " + part);
  }

  /** The through filter of this call's query: {@code Book.articles.get through}. */
  Call through() {
    return of(this + " through");
  }

  /** The value, or an {@link InvalidCallException} saying this argument is null. */
  <X> X notNull(X value) {
    if (value == null) {
      throw new InvalidCallException(this + " is null");
    }
    return value;
  }

  /**
   * The value, or an {@link InvalidCallException} saying the call's parameter is null: {@code
   * Book.articles.addAll(targets) is null}.
   */
  <X> X notNull(X value, String parameter) {
    if (value == null) {
      throw new InvalidCallException(this + "(" + parameter + ") is null");
    }
    return value;
  }

  @Override
  public String toString() {
    return argument == null ? operation : operation + ": " + argument;
  }
}

package io.liaison.internal;

import io.liaison.DefinitionException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while a schema is resolved, one sentence each. Every phase adds to the same
 * collector and resolution goes on after a problem, so that the user sees every problem of the
 * declarations at once, in one {@link DefinitionException} (like Guice's {@code
 * CreationException}), rather than one per start-up.
 */
final class DefinitionProblems {
  private final List<String> problems = new ArrayList<>();

  void add(String problem) {
    problems.add(problem);
  }

  void addAll(List<String> more) {
    problems.addAll(more);
  }

  /** How many problems were found so far: a mark to compare with or to drop back to. */
  int size() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * Forgets the problems found since {@code mark} (a derived inverse repeats its declaration's).
   */
  void dropSince(int mark) {
    problems.subList(mark, problems.size()).clear();
  }

  /** Throws one {@link DefinitionException} listing every problem, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
  }
}

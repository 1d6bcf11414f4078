package io.liaison;

/** What happens to dependants when the row or node they reference is deleted or re-keyed. */
public enum ReferentialAction {
  /** Delete (or re-key) the dependants too. */
  CASCADE,
  /** Set the dependants' foreign key to null (on a graph: drop the relationship). */
  SET_NULL,
  /** Refuse the delete while dependants exist, with a {@link ConflictException}. */
  RESTRICT,
  /** Like RESTRICT, checked at the end of the statement. */
  NO_ACTION
}

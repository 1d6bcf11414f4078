package io.liaison;

import java.util.List;
import java.util.Optional;

/**
 * Entities found with {@link Session#findAll(Class, Query, List)} and the targets their includes
 * loaded. Within one result every stored row is one Java instance, whatever the shape of the
 * include tree: an article reached from two books is the same object, and a book reached again
 * below itself is the root instance. Ask for a parent's targets with the parent instance taken from
 * this result.
 *
 * <pre>{@code
 * Loaded<Book> books = db.findAll(Book.class, Query.all(), List.of(Include.of(ARTICLES)));
 * for (Book b : books) {
 *   for (LinkedTarget<Article> l : books.linkedTargets(b, ARTICLES)) {
 *     System.out.println(b.title + " - " + l.target().title + " as " + l.through("role"));
 *   }
 * }
 * }</pre>
 *
 * @param <T> the root model
 */
public interface Loaded<T> extends Iterable<T> {

  /** The entities found, in the query's order. */
  List<T> list();

  default int size() {
    return list().size();
  }

  default boolean isEmpty() {
    return list().isEmpty();
  }

  /**
   * The targets loaded for {@code parent} through {@code association}, in the include's order.
   *
   * @throws InvalidCallException if the parent is not an instance of this result, or the
   *     association was not included where the parent was loaded
   */
  <S, X> List<X> get(S parent, Association<S, X> association);

  /**
   * Like {@link #get}, each target with its link's through attributes (and link id for parallel
   * links).
   */
  <S, X> List<LinkedTarget<X>> linkedTargets(S parent, Association<S, X> association);

  /**
   * The single target loaded for {@code parent} through a hasOne or belongsTo association, if any.
   */
  <S, X> Optional<X> one(S parent, Association<S, X> association);
}

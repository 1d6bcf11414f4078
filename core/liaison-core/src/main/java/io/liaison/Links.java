package io.liaison;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Operations on one hasMany or belongsToMany association across many sources at once, each a
 * constant number of round trips to the store whatever the number of sources and links (Sequelize
 * users reach for the through model's {@code bulkCreate} and {@code findAll} here). Obtain with
 * {@link Session#links(HasMany)} or {@link Session#links(BelongsToMany)}. Sources and targets may
 * be entities or ids; results are keyed by the sources as given.
 *
 * <pre>{@code
 * db.links(ARTICLES).addAll(List.of(
 *     LinkPair.of(graphs, nodes, Map.of("role", "editor")),
 *     LinkPair.of(tables, rows, Map.of("role", "author"))));
 * Map<Object, Long> counts = db.links(ARTICLES).count(books);
 * }</pre>
 *
 * @param <T> the target model class
 */
public interface Links<T> {

  /**
   * Links every pair, each with its own through attributes, in one transaction: as {@link
   * ManyLinks#addAll(List)} on each source, in 3 round trips for any number of sources. On hasMany
   * a target may appear for one source only.
   */
  void addAll(Collection<LinkPair> pairs);

  /**
   * Each source's linked targets with their through attributes; a source without links maps to an
   * empty list.
   */
  Map<Object, List<Linked<T>>> links(Collection<?> sources);

  /**
   * Like {@link #links(Collection)}, filtered and ordered by the query; its limit and offset apply
   * per source.
   */
  Map<Object, List<Linked<T>>> links(Collection<?> sources, Query query);

  /** Number of linked targets per source (0 for a source without links or that does not exist). */
  Map<Object, Long> count(Collection<?> sources);

  Map<Object, Long> count(Collection<?> sources, Query query);

  /** For each pair, in order, whether its source and target are linked. */
  List<Boolean> has(List<LinkPair> pairs);
}

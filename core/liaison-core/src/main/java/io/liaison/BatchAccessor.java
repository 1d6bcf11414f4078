package io.liaison;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The accessor of one hasMany or belongsToMany association over many sources at once, each call a
 * constant number of round trips to the store whatever the number of sources and links (Sequelize
 * users reach for the through model's {@code bulkCreate} and {@code findAll} here). Obtain with
 * {@link Session#batch(HasMany)} or {@link Session#batch(BelongsToMany)}. Sources and targets may
 * be entities or ids; results are keyed by the sources as given.
 *
 * <pre>{@code
 * db.batch(ARTICLES).addAll(List.of(
 *     LinkBetween.of(graphs, nodes, Map.of("role", "editor")),
 *     LinkBetween.of(tables, rows, Map.of("role", "author"))));
 * Map<Object, Long> counts = db.batch(ARTICLES).count(books);
 * }</pre>
 *
 * @param <T> the target model class
 */
public interface BatchAccessor<T> {

  /**
   * Links every pair, each with its own through attributes, in one transaction: as {@link
   * ManyAccessor#addAll(List)} on each source, in 3 round trips for any number of sources. On
   * hasMany a target may appear for one source only.
   */
  void addAll(Collection<LinkBetween> pairs);

  /**
   * Each source's linked targets with their through attributes; a source without links maps to an
   * empty list.
   */
  Map<Object, List<LinkedTarget<T>>> linkedTargets(Collection<?> sources);

  /**
   * Like {@link #linkedTargets(Collection)}, filtered and ordered by the query; its limit and
   * offset apply per source.
   */
  Map<Object, List<LinkedTarget<T>>> linkedTargets(Collection<?> sources, Query query);

  /** Number of linked targets per source (0 for a source without links or that does not exist). */
  Map<Object, Long> count(Collection<?> sources);

  Map<Object, Long> count(Collection<?> sources, Query query);

  /** For each pair, in order, whether its source and target are linked. */
  List<Boolean> has(List<LinkBetween> pairs);
}

package io.liaison;

import java.util.List;
import java.util.Optional;

/**
 * Entity and association operations. On a {@link Liaison} each call runs in a transaction of its
 * own; inside {@link Liaison#transaction} the session passed in joins that transaction.
 */
public interface Session {

  /** Inserts an entity, filling in a generated id; returns the same instance. */
  <T> T insert(T entity);

  /** Inserts many entities of one model in one round trip; returns the same instances. */
  <T> List<T> insertAll(List<T> entities);

  <T> Optional<T> find(Class<T> model, Object id);

  <T> List<T> findAll(Class<T> model);

  /** Entities of a model matching the query's target filter, order and paging. */
  <T> List<T> findAll(Class<T> model, Query query);

  /**
   * Entities matching the query, each with the targets of the includes loaded (Sequelize's {@code
   * findAll({include})}). The store is asked once for the entities and once per include, whatever
   * the number of entities; paging applies to the entities, never to their targets.
   */
  <T> Loaded<T> findAll(Class<T> model, Query query, List<? extends Include<T, ?>> includes);

  /** Entities matching the query with one include; see {@link #findAll(Class, Query, List)}. */
  default <T> Loaded<T> findAll(Class<T> model, Query query, Include<T, ?> include) {
    return findAll(model, query, java.util.Collections.singletonList(include));
  }

  /**
   * Number of entities matching {@code where} (null: all). A {@link Where#has} part counts each
   * entity once, however many links match.
   */
  <T> long count(Class<T> model, Where where);

  /** Writes every attribute of an existing entity; returns the same instance. */
  <T> T update(T entity);

  /**
   * Deletes an entity (or {@code (model, id)}), applying the onDelete rules of its associations.
   */
  void delete(Object entity);

  <T> void delete(Class<T> model, Object id);

  /**
   * {@code source.getX/setX/addX/...} for a hasMany association. The source may be an entity or an
   * id.
   */
  <S, T> ManyAccessor<T> on(Object source, HasMany<S, T> association);

  /** {@code source.getX/setX/addX/...} for a belongsToMany association. */
  <S, T> ManyAccessor<T> on(Object source, BelongsToMany<S, T> association);

  /** The hasMany association's accessor over many sources at once (a batch of sources). */
  <S, T> BatchAccessor<T> batch(HasMany<S, T> association);

  /** The belongsToMany association's accessor over many sources at once (a batch of sources). */
  <S, T> BatchAccessor<T> batch(BelongsToMany<S, T> association);

  /** {@code source.getX/setX/createX} for a hasOne association. */
  <S, T> SingleAccessor<T> on(Object source, HasOne<S, T> association);

  /** {@code source.getX/setX/createX} for a belongsTo association. */
  <S, T> SingleAccessor<T> on(Object source, BelongsTo<S, T> association);
}

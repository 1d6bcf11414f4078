package io.liaison;

import java.util.Optional;

/**
 * One source's accessor for one hasOne or belongsTo association: Sequelize's singular mixins
 * ({@code getProfile}, {@code setProfile}, {@code createProfile}). Obtain with {@link
 * Session#on(Object, HasOne)} or {@link Session#on(Object, BelongsTo)}.
 *
 * @param <T> the target model class
 */
public interface SingleAccessor<T> {

  /**
   * The linked target, if any. On belongsTo, a source given as an entity whose foreign-key field is
   * null has none, and the store is not asked (as Sequelize's {@code getAuthor()} reads the key
   * from the instance); give the source's id to read the key the store holds.
   */
  Optional<T> get();

  /**
   * The linked target if it matches the query's filter (Sequelize's {@code getAuthor({where})}),
   * else empty; the same as {@link #get()} for {@link Query#all()}. The query takes a where on the
   * target's attributes (or its associations, {@link Where#has}) and an order; a limit, an offset
   * or a through filter is refused with {@link InvalidCallException}, since there is at most one
   * target and no link attributes.
   */
  Optional<T> get(Query query);

  /**
   * Links this target (an entity or id), replacing the previous one; null unlinks. On hasOne the
   * previous target's foreign key is set to null, or the previous target is deleted when the key
   * may not be null (Sequelize v7) or when this accessor is {@link #unlinking unlinking(DESTROY)}.
   * On belongsTo, null on a foreign key that may not be null is refused.
   */
  void set(Object target);

  /** Inserts a new target and links it in one transaction, replacing the previous one. */
  T create(T target);

  /**
   * This accessor, with {@code set} and {@code create} doing {@code how} to the target they
   * replace: {@code db.on(person, PROFILE).unlinking(Unlink.DESTROY).set(newProfile)} deletes the
   * previous profile (Sequelize v7's {@code person.setProfile(newProfile, {destroyPrevious:
   * true})}), applying its own referential actions. Deleting is refused on belongsTo with {@link
   * InvalidCallException}.
   */
  SingleAccessor<T> unlinking(Unlink how);
}

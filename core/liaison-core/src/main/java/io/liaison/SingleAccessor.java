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

  /** The linked target, if any. */
  Optional<T> get();

  /**
   * Links this target (an entity or id), replacing the previous one; null unlinks. On hasOne the
   * previous target's foreign key is set to null, or the previous target is deleted when the key
   * may not be null (Sequelize v7). On belongsTo, null on a foreign key that may not be null is
   * refused.
   */
  void set(Object target);

  /** Inserts a new target and links it in one transaction, replacing the previous one. */
  T create(T target);
}

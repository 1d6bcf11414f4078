package io.liaison;

import java.util.Map;

/**
 * {@code Source.hasMany(Target)}: one-to-many, foreign key on the targets. Operations: {@link
 * ManyAccessor}.
 */
public final class HasMany<S, T> extends Association<S, T> {
  HasMany(Options options) {
    super(options);
  }

  @Override
  HasMany<S, T> with(Options options) {
    return new HasMany<>(options);
  }

  @Override
  public Kind kind() {
    return Kind.HAS_MANY;
  }

  public HasMany<S, T> as(String as) {
    return with(change().as(option(as, "as", "as")).build());
  }

  /**
   * The foreign-key attribute on the target (default: camel-cased source name + key, {@code
   * authorId}).
   */
  public HasMany<S, T> foreignKey(String name) {
    return with(change().foreignKey(option(name, "foreignKey", "name")).build());
  }

  /**
   * Whether the foreign key may be null. When it may not, unlinking a target (remove, set) deletes
   * it, as Sequelize v7 does, and onDelete defaults to CASCADE.
   */
  public HasMany<S, T> foreignKeyAllowNull(boolean allowNull) {
    return with(change().foreignKeyAllowNull(allowNull).build());
  }

  public HasMany<S, T> sourceKey(String attribute) {
    return with(change().sourceKey(option(attribute, "sourceKey", "attribute")).build());
  }

  /**
   * The action on delete of the referenced row; null restores the default (see {@link
   * Association}).
   */
  public HasMany<S, T> onDelete(ReferentialAction action) {
    return with(change().onDelete(action).build());
  }

  /** The action on update of the referenced key; null restores the default (CASCADE). */
  public HasMany<S, T> onUpdate(ReferentialAction action) {
    return with(change().onUpdate(action).build());
  }

  public HasMany<S, T> constraints(boolean enabled) {
    return with(change().constraints(enabled).build());
  }

  public HasMany<S, T> inverseAs(String as) {
    return with(change().inverseAs(option(as, "inverseAs", "as")).build());
  }

  /** The inverse {@code Target.belongsTo(Source)}, on the same foreign key. */
  public BelongsTo<T, S> inverse() {
    return new BelongsTo<>(options.inverse(kind()));
  }

  /**
   * Sequelize's {@code scope}: attribute values of the targets this association sees and writes.
   * Reads keep only targets with these values; {@code add}, {@code set} and {@code create} give
   * them to the targets. Two associations on one foreign key with different scopes make a
   * polymorphic association ({@code Post} and {@code Video} comments on {@code commentableId},
   * scope {@code commentableType}; declare them with {@code constraints(false)}).
   */
  public HasMany<S, T> scope(Map<String, ?> values) {
    return with(change().scope(scopeOption(values, "scope")).build());
  }
}

package io.liaison;

import java.util.Map;

/**
 * {@code Source.hasOne(Target)}: one-to-one, foreign key on the target. Operations: {@link
 * SingleAccessor} ({@code get}, {@code set}, {@code create}).
 */
public final class HasOne<S, T> extends Association<S, T> {
  HasOne(Options options) {
    super(options);
  }

  @Override
  HasOne<S, T> with(Options options) {
    return new HasOne<>(options);
  }

  @Override
  public Kind kind() {
    return Kind.HAS_ONE;
  }

  /** The alias, e.g. {@code "drivingLicense"}; also names the mixins' target. */
  public HasOne<S, T> as(String as) {
    return with(change().as(option(as, "as", "as")).build());
  }

  /**
   * The foreign-key attribute on the target (default: camel-cased source name + key, {@code
   * personId}).
   */
  public HasOne<S, T> foreignKey(String name) {
    return with(change().foreignKey(option(name, "foreignKey", "name")).build());
  }

  /**
   * Whether the foreign key may be null (default true, or false when the declared field is
   * primitive).
   */
  public HasOne<S, T> foreignKeyAllowNull(boolean allowNull) {
    return with(change().foreignKeyAllowNull(allowNull).build());
  }

  /** The source attribute the foreign key references (default: the source's id). */
  public HasOne<S, T> sourceKey(String attribute) {
    return with(change().sourceKey(option(attribute, "sourceKey", "attribute")).build());
  }

  /**
   * The action on delete of the referenced row; null restores the default (see {@link
   * Association}).
   */
  public HasOne<S, T> onDelete(ReferentialAction action) {
    return with(change().onDelete(action).build());
  }

  /** The action on update of the referenced key; null restores the default (CASCADE). */
  public HasOne<S, T> onUpdate(ReferentialAction action) {
    return with(change().onUpdate(action).build());
  }

  /** {@code constraints: false}: no foreign-key constraint or emulated action in the store. */
  public HasOne<S, T> constraints(boolean enabled) {
    return with(change().constraints(enabled).build());
  }

  /**
   * Names the inverse association; also the default foreign key ({@code owner} gives {@code
   * ownerId}).
   */
  public HasOne<S, T> inverseAs(String as) {
    return with(change().inverseAs(option(as, "inverseAs", "as")).build());
  }

  /**
   * The inverse {@code Target.belongsTo(Source)}, on the same foreign key (Sequelize v7 creates it
   * too).
   */
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
  public HasOne<S, T> scope(Map<String, ?> values) {
    return with(change().scope(scopeOption(values, "scope")).build());
  }
}

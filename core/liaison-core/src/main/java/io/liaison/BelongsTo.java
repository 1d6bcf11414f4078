package io.liaison;

/**
 * {@code Source.belongsTo(Target)}: the foreign key lives on the source. Operations: {@link
 * SingleAccessor}.
 */
public final class BelongsTo<S, T> extends Association<S, T> {
  BelongsTo(Options options) {
    super(options);
  }

  @Override
  BelongsTo<S, T> with(Options options) {
    return new BelongsTo<>(options);
  }

  @Override
  public Kind kind() {
    return Kind.BELONGS_TO;
  }

  public BelongsTo<S, T> as(String as) {
    return with(change().as(option(as, "as", "as")).build());
  }

  /**
   * The foreign-key attribute on the source (default: alias or target name + key, {@code
   * authorId}).
   */
  public BelongsTo<S, T> foreignKey(String name) {
    return with(change().foreignKey(option(name, "foreignKey", "name")).build());
  }

  public BelongsTo<S, T> foreignKeyAllowNull(boolean allowNull) {
    return with(change().foreignKeyAllowNull(allowNull).build());
  }

  /** The target attribute the foreign key references (default: the target's id). */
  public BelongsTo<S, T> targetKey(String attribute) {
    return with(change().targetKey(option(attribute, "targetKey", "attribute")).build());
  }

  /**
   * The action on delete of the referenced row; null restores the default (see {@link
   * Association}).
   */
  public BelongsTo<S, T> onDelete(ReferentialAction action) {
    return with(change().onDelete(action).build());
  }

  /** The action on update of the referenced key; null restores the default (CASCADE). */
  public BelongsTo<S, T> onUpdate(ReferentialAction action) {
    return with(change().onUpdate(action).build());
  }

  public BelongsTo<S, T> constraints(boolean enabled) {
    return with(change().constraints(enabled).build());
  }
}

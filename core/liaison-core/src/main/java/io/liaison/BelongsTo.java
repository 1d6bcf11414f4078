package io.liaison;

/**
 * {@code Source.belongsTo(Target)}: the foreign key lives on the source. Operations: {@link
 * SingleLink}.
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
    return with(withAs(option(as, "as", "as")));
  }

  /**
   * The foreign-key attribute on the source (default: alias or target name + key, {@code
   * authorId}).
   */
  public BelongsTo<S, T> foreignKey(String name) {
    return with(withForeignKey(option(name, "foreignKey", "name"), options.foreignKeyAllowNull()));
  }

  public BelongsTo<S, T> foreignKeyAllowNull(boolean allowNull) {
    return with(withForeignKey(options.foreignKey(), allowNull));
  }

  /** The target attribute the foreign key references (default: the target's id). */
  public BelongsTo<S, T> targetKey(String attribute) {
    return with(withKeys(options.sourceKey(), option(attribute, "targetKey", "attribute")));
  }

  /**
   * The action on delete of the referenced row; null restores the default (see {@link
   * Association}).
   */
  public BelongsTo<S, T> onDelete(ReferentialAction action) {
    return with(withActions(action, options.onUpdate(), options.constraints()));
  }

  /** The action on update of the referenced key; null restores the default (CASCADE). */
  public BelongsTo<S, T> onUpdate(ReferentialAction action) {
    return with(withActions(options.onDelete(), action, options.constraints()));
  }

  public BelongsTo<S, T> constraints(boolean enabled) {
    return with(withActions(options.onDelete(), options.onUpdate(), enabled));
  }
}

package io.liaison;

import java.util.Map;

/**
 * {@code Source.belongsToMany(Target, {through})}: many-to-many through a junction model that may
 * carry attributes of its own. Operations: {@link ManyAccessor}.
 */
public final class BelongsToMany<S, T> extends Association<S, T> {
  BelongsToMany(Options options) {
    super(options);
  }

  @Override
  BelongsToMany<S, T> with(Options options) {
    return new BelongsToMany<>(options);
  }

  @Override
  public Kind kind() {
    return Kind.BELONGS_TO_MANY;
  }

  public BelongsToMany<S, T> as(String as) {
    return with(change().as(option(as, "as", "as")).build());
  }

  /**
   * The through model: a class whose fields are the link's attributes (keys may be declared too).
   */
  public BelongsToMany<S, T> through(Class<?> throughModel) {
    return with(change().through(option(throughModel, "through", "throughModel")).build());
  }

  /** A through model known only by name: links carry attributes given as maps. */
  public BelongsToMany<S, T> through(String throughName) {
    return with(change().through(option(throughName, "through", "throughName")).build());
  }

  /**
   * {@code through.unique}: true (default) allows one link per pair, and adding it again updates
   * its attributes; false allows parallel links, each with its own id and attributes.
   */
  public BelongsToMany<S, T> unique(boolean unique) {
    return with(change().throughUnique(unique).build());
  }

  /** The junction attribute referencing the source (default {@code bookId}). */
  public BelongsToMany<S, T> foreignKey(String name) {
    return with(change().foreignKey(option(name, "foreignKey", "name")).build());
  }

  /** The junction attribute referencing the target (default {@code articleId}). */
  public BelongsToMany<S, T> otherKey(String name) {
    return with(change().otherKey(option(name, "otherKey", "name")).build());
  }

  public BelongsToMany<S, T> sourceKey(String attribute) {
    return with(change().sourceKey(option(attribute, "sourceKey", "attribute")).build());
  }

  public BelongsToMany<S, T> targetKey(String attribute) {
    return with(change().targetKey(option(attribute, "targetKey", "attribute")).build());
  }

  /**
   * The action on delete of the referenced row; null restores the default (see {@link
   * Association}).
   */
  public BelongsToMany<S, T> onDelete(ReferentialAction action) {
    return with(change().onDelete(action).build());
  }

  /** The action on update of the referenced key; null restores the default (CASCADE). */
  public BelongsToMany<S, T> onUpdate(ReferentialAction action) {
    return with(change().onUpdate(action).build());
  }

  public BelongsToMany<S, T> constraints(boolean enabled) {
    return with(change().constraints(enabled).build());
  }

  /** The alias of the inverse association (Sequelize v7's {@code inverse: {as}}). */
  public BelongsToMany<S, T> inverseAs(String as) {
    return with(change().inverseAs(option(as, "inverseAs", "as")).build());
  }

  /**
   * The other side, {@code Target.belongsToMany(Source, {through})}, over the same links: both
   * sides always see the same pairs and attributes.
   */
  public BelongsToMany<T, S> inverse() {
    return new BelongsToMany<>(options.inverse(kind()));
  }

  /**
   * Sequelize's {@code scope}: attribute values of the targets this association sees and writes.
   * Reads keep only targets with these values; {@code add}, {@code set} and {@code create} give
   * them to the targets. Two associations on one foreign key with different scopes make a
   * polymorphic association ({@code Post} and {@code Video} comments on {@code commentableId},
   * scope {@code commentableType}; declare them with {@code constraints(false)}).
   */
  public BelongsToMany<S, T> scope(Map<String, ?> values) {
    return with(change().scope(scopeOption(values, "scope")).build());
  }

  /**
   * Sequelize's {@code through.scope}: through-attribute values of the links this association sees
   * and writes. Reads keep only links with these values; every link written gets them, over the
   * values given.
   */
  public BelongsToMany<S, T> throughScope(Map<String, ?> values) {
    return with(change().throughScope(scopeOption(values, "throughScope")).build());
  }
}

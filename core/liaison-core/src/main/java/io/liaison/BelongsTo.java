package io.liaison;

import java.util.List;

/**
 * {@code Source.belongsTo(Target)}: the foreign key lives on the source. Operations: {@link
 * SingleAccessor}. It may declare its inverse, as Sequelize v7's {@code inverse: {type, as}} does:
 *
 * <pre>{@code
 * static final BelongsTo<Book, Author> AUTHOR =
 *     Association.belongsTo(Book.class, Author.class).inverse(Kind.HAS_MANY, "books");
 * static final HasMany<Author, Book> BOOKS = AUTHOR.inverseHasMany(); // no second declaration
 * }</pre>
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

  /**
   * Declares the inverse, {@code Target.hasOne(Source)} or {@code Target.hasMany(Source)} on the
   * same foreign key, with its default alias (Sequelize v7's {@code inverse: {type}}). Without it a
   * belongsTo has no inverse.
   *
   * @param type HAS_ONE or HAS_MANY
   */
  public BelongsTo<S, T> inverse(Kind type) {
    return with(change().inverseKind(inverseType(type)).inverseAs(null).build());
  }

  /**
   * Declares the inverse, {@code Target.hasOne(Source)} or {@code Target.hasMany(Source)} on the
   * same foreign key, named {@code as} (Sequelize v7's {@code inverse: {type, as}}). On a
   * self-association both this alias and {@link #as(String)} are required, and must differ.
   *
   * @param type HAS_ONE or HAS_MANY
   * @param as the inverse's alias
   */
  public BelongsTo<S, T> inverse(Kind type, String as) {
    Kind kind = inverseType(type);
    return with(change().inverseKind(kind).inverseAs(option(as, "inverse", "as")).build());
  }

  /** The declared inverse hasMany, on the same foreign key; refused unless it was declared. */
  public HasMany<T, S> inverseHasMany() {
    return new HasMany<>(declaredInverse(Kind.HAS_MANY));
  }

  /** The declared inverse hasOne, on the same foreign key; refused unless it was declared. */
  public HasOne<T, S> inverseHasOne() {
    return new HasOne<>(declaredInverse(Kind.HAS_ONE));
  }

  private Kind inverseType(Kind type) {
    Kind kind = option(type, "inverse", "type");
    if (kind != Kind.HAS_ONE && kind != Kind.HAS_MANY) {
      throw new DefinitionException(
          List.of(this + ".inverse: type " + kind + " is not HAS_ONE or HAS_MANY"));
    }
    return kind;
  }

  private Options declaredInverse(Kind kind) {
    if (options.inverseKind() != kind) {
      throw new DefinitionException(
          List.of(
              this
                  + ": "
                  + (options.inverseKind() == null
                      ? "declares no inverse"
                      : "declares its inverse as " + options.inverseKind())
                  + ", not "
                  + kind
                  + "; declare it with inverse(Kind."
                  + kind
                  + ", as)"));
    }
    return options.inverse(kind());
  }
}

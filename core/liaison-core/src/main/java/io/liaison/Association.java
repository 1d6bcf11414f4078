package io.liaison;

import io.liaison.internal.Args;
import java.util.Map;

/**
 * A declared association between a source model {@code S} and a target model {@code T}, with
 * Sequelize's options. Instances are immutable: each option method returns a new declaration, so a
 * declaration can be a {@code static final} constant used as a typed handle:
 *
 * <pre>{@code
 * static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
 * static final BelongsToMany<Book, Article> ARTICLES =
 *     Association.belongsToMany(Book.class, Article.class).through(BookArticles.class).as("articles");
 * }</pre>
 *
 * <p>Defaults follow Sequelize v7: the alias is the target's name (plural for the many kinds), the
 * foreign key is the camel-cased source name (or target name, for belongsTo) plus the key name
 * ({@code bookId}), onDelete is SET NULL for a nullable foreign key and CASCADE otherwise (always
 * CASCADE for belongsToMany), and onUpdate is CASCADE.
 *
 * @param <S> the source model class
 * @param <T> the target model class
 */
public abstract sealed class Association<S, T> permits HasOne, BelongsTo, HasMany, BelongsToMany {

  /** The four association kinds of Sequelize. */
  public enum Kind {
    HAS_ONE,
    BELONGS_TO,
    HAS_MANY,
    BELONGS_TO_MANY;

    /** True for the kinds whose operations read and write many targets per source. */
    public boolean isMany() {
      return this == HAS_MANY || this == BELONGS_TO_MANY;
    }
  }

  /** All options of a declaration; null means "the default". */
  record Options(
      Class<?> source,
      Class<?> target,
      String as,
      String foreignKey,
      Boolean foreignKeyAllowNull,
      String otherKey,
      String sourceKey,
      String targetKey,
      Class<?> throughModel,
      String throughName,
      boolean throughUnique,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      boolean constraints,
      String inverseAs,
      boolean derivedInverse,
      Map<String, Object> scope,
      Map<String, Object> throughScope) {

    static Options of(Class<?> source, Class<?> target, String kind) {
      Args.declared(source, "Association." + kind, "source");
      Args.declared(
          target, "Association." + kind + "(" + source.getSimpleName() + ", target)", "target");
      return new Options(
          source, target, null, null, null, null, null, null, null, null, true, null, null, true,
          null, false, null, null);
    }
  }

  final Options options;

  Association(Options options) {
    this.options = options;
  }

  /** {@code Source.hasOne(Target)}: the foreign key lives on the target; at most one target. */
  public static <S, T> HasOne<S, T> hasOne(Class<S> source, Class<T> target) {
    return new HasOne<>(Options.of(source, target, "hasOne"));
  }

  /** {@code Source.belongsTo(Target)}: the foreign key lives on the source. */
  public static <S, T> BelongsTo<S, T> belongsTo(Class<S> source, Class<T> target) {
    return new BelongsTo<>(Options.of(source, target, "belongsTo"));
  }

  /** {@code Source.hasMany(Target)}: the foreign key lives on the targets. */
  public static <S, T> HasMany<S, T> hasMany(Class<S> source, Class<T> target) {
    return new HasMany<>(Options.of(source, target, "hasMany"));
  }

  /**
   * {@code Source.belongsToMany(Target, {through})}: links live in a through model (a junction
   * table on SQL, relationships on a graph). Name the through model with {@code through(...)}.
   */
  public static <S, T> BelongsToMany<S, T> belongsToMany(Class<S> source, Class<T> target) {
    return new BelongsToMany<>(Options.of(source, target, "belongsToMany"));
  }

  abstract Association<S, T> with(Options options);

  /** The kind of this association. */
  public abstract Kind kind();

  public Class<S> source() {
    @SuppressWarnings("unchecked")
    Class<S> s = (Class<S>) options.source();
    return s;
  }

  public Class<T> target() {
    @SuppressWarnings("unchecked")
    Class<T> t = (Class<T>) options.target();
    return t;
  }

  /** The alias given with {@code as(...)}, or null for the default. */
  public String alias() {
    return options.as();
  }

  Options options() {
    return options;
  }

  /**
   * A declaration option's value, refused when null: null means "the default", which is never set
   * twice.
   */
  <X> X option(X value, String method, String argument) {
    return Args.declared(value, this + "." + method, argument);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Association<?, ?> other && other.options.equals(options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  @Override
  public String toString() {
    String alias = options.as() == null ? "" : " as '" + options.as() + "'";
    return options.source().getSimpleName()
        + "."
        + kindName()
        + "("
        + options.target().getSimpleName()
        + alias
        + ")";
  }

  private String kindName() {
    return switch (kind()) {
      case HAS_ONE -> "hasOne";
      case BELONGS_TO -> "belongsTo";
      case HAS_MANY -> "hasMany";
      case BELONGS_TO_MANY -> "belongsToMany";
    };
  }

  // Option helpers shared by the subclasses; each subclass exposes the ones Sequelize allows it.

  Options withAs(String as) {
    return copy(
        as,
        options.foreignKey(),
        options.foreignKeyAllowNull(),
        options.otherKey(),
        options.sourceKey(),
        options.targetKey(),
        options.throughModel(),
        options.throughName(),
        options.throughUnique(),
        options.onDelete(),
        options.onUpdate(),
        options.constraints(),
        options.inverseAs());
  }

  Options withForeignKey(String fk, Boolean allowNull) {
    return copy(
        options.as(),
        fk,
        allowNull,
        options.otherKey(),
        options.sourceKey(),
        options.targetKey(),
        options.throughModel(),
        options.throughName(),
        options.throughUnique(),
        options.onDelete(),
        options.onUpdate(),
        options.constraints(),
        options.inverseAs());
  }

  Options withOtherKey(String otherKey) {
    return copy(
        options.as(),
        options.foreignKey(),
        options.foreignKeyAllowNull(),
        otherKey,
        options.sourceKey(),
        options.targetKey(),
        options.throughModel(),
        options.throughName(),
        options.throughUnique(),
        options.onDelete(),
        options.onUpdate(),
        options.constraints(),
        options.inverseAs());
  }

  Options withKeys(String sourceKey, String targetKey) {
    return copy(
        options.as(),
        options.foreignKey(),
        options.foreignKeyAllowNull(),
        options.otherKey(),
        sourceKey,
        targetKey,
        options.throughModel(),
        options.throughName(),
        options.throughUnique(),
        options.onDelete(),
        options.onUpdate(),
        options.constraints(),
        options.inverseAs());
  }

  Options withThrough(Class<?> model, String name, boolean unique) {
    return copy(
        options.as(),
        options.foreignKey(),
        options.foreignKeyAllowNull(),
        options.otherKey(),
        options.sourceKey(),
        options.targetKey(),
        model,
        name,
        unique,
        options.onDelete(),
        options.onUpdate(),
        options.constraints(),
        options.inverseAs());
  }

  Options withActions(ReferentialAction onDelete, ReferentialAction onUpdate, boolean constraints) {
    return copy(
        options.as(),
        options.foreignKey(),
        options.foreignKeyAllowNull(),
        options.otherKey(),
        options.sourceKey(),
        options.targetKey(),
        options.throughModel(),
        options.throughName(),
        options.throughUnique(),
        onDelete,
        onUpdate,
        constraints,
        options.inverseAs());
  }

  Options withInverseAs(String inverseAs) {
    return copy(
        options.as(),
        options.foreignKey(),
        options.foreignKeyAllowNull(),
        options.otherKey(),
        options.sourceKey(),
        options.targetKey(),
        options.throughModel(),
        options.throughName(),
        options.throughUnique(),
        options.onDelete(),
        options.onUpdate(),
        options.constraints(),
        inverseAs);
  }

  private Options copy(
      String as,
      String fk,
      Boolean fkAllowNull,
      String otherKey,
      String sourceKey,
      String targetKey,
      Class<?> throughModel,
      String throughName,
      boolean throughUnique,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      boolean constraints,
      String inverseAs) {
    return new Options(
        options.source(),
        options.target(),
        as,
        fk,
        fkAllowNull,
        otherKey,
        sourceKey,
        targetKey,
        throughModel,
        throughName,
        throughUnique,
        onDelete,
        onUpdate,
        constraints,
        inverseAs,
        options.derivedInverse(),
        options.scope(),
        options.throughScope());
  }

  Options withScope(Map<String, ?> scope, Map<String, ?> throughScope) {
    Options o = options;
    return new Options(
        o.source(),
        o.target(),
        o.as(),
        o.foreignKey(),
        o.foreignKeyAllowNull(),
        o.otherKey(),
        o.sourceKey(),
        o.targetKey(),
        o.throughModel(),
        o.throughName(),
        o.throughUnique(),
        o.onDelete(),
        o.onUpdate(),
        o.constraints(),
        o.inverseAs(),
        o.derivedInverse(),
        copyScope(scope, this + ".scope"),
        copyScope(throughScope, this + ".throughScope"));
  }

  /**
   * An unmodifiable copy keeping the caller's order; values may be null (IS NULL), names may not.
   *
   * @param what the declaration and option, named when a name is null
   */
  static Map<String, Object> copyScope(Map<String, ?> scope, String what) {
    if (scope == null) {
      return null;
    }
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, ?> e : scope.entrySet()) {
      copy.put(Args.declared(e.getKey(), what, "an attribute name"), e.getValue());
    }
    return java.util.Collections.unmodifiableMap(copy);
  }
}

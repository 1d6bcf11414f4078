package io.liaison;

import io.liaison.internal.Args;
import java.util.List;
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

  /**
   * All options of a declaration, as one immutable value; null in a component means "the default"
   * (resolved when the schema is built, see {@link Association}). The declarations' fluent methods
   * change it through a {@link Builder}: {@code options.toBuilder().as("articles").build()}.
   *
   * @param source the source model class
   * @param target the target model class
   * @param as the alias
   * @param foreignKey the foreign-key attribute (belongsToMany: the junction key of the source)
   * @param foreignKeyAllowNull whether the foreign key may be null
   * @param otherKey belongsToMany: the junction key of the target
   * @param sourceKey the source attribute the foreign key references
   * @param targetKey the target attribute the foreign key references
   * @param throughModel belongsToMany: the through model class, or null for a named one
   * @param throughName belongsToMany: the through model's name, or null for a class
   * @param throughUnique belongsToMany: one link per pair (true) or parallel links (false)
   * @param onDelete the action on delete of the referenced row
   * @param onUpdate the action on update of the referenced key
   * @param constraints whether the store enforces the foreign key and its actions
   * @param inverseAs the alias of the inverse association
   * @param inverseKind belongsTo: the kind of the inverse it declares (HAS_ONE or HAS_MANY, v7's
   *     {@code inverse: {type}}), or null for none; ignored by the other kinds, whose inverse kind
   *     is fixed
   * @param derivedInverse true for an inverse made by {@link #inverse(Kind)} rather than declared:
   *     its problems are the declaration's and are reported once, on the declaration
   * @param scope attribute values of the targets the association sees and writes
   * @param throughScope belongsToMany: through-attribute values of the links it sees and writes
   */
  public record Options(
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
      Kind inverseKind,
      boolean derivedInverse,
      Map<String, Object> scope,
      Map<String, Object> throughScope) {

    /** Refuses a null source or target; keeps unmodifiable copies of the scopes. */
    public Options {
      Args.declared(source, "Association.Options", "source");
      Args.declared(
          target, "Association.Options(" + source.getSimpleName() + ", target)", "target");
      scope = copyScope(scope, label(source, target) + ".scope");
      throughScope = copyScope(throughScope, label(source, target) + ".throughScope");
    }

    /** Names the options in a problem: {@code Association.Options(Author, Book)}. */
    private static String label(Class<?> source, Class<?> target) {
      return "Association.Options(" + source.getSimpleName() + ", " + target.getSimpleName() + ")";
    }

    /** The options of a declaration from {@code source} to {@code target}, all defaults. */
    public static Builder builder(Class<?> source, Class<?> target) {
      Args.declared(source, "Association.Options.builder", "source");
      Args.declared(
          target, "Association.Options.builder(" + source.getSimpleName() + ", target)", "target");
      return new Builder(source, target);
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /**
     * The options of the inverse Sequelize v7 creates for a declaration of the given kind with
     * these options: for hasOne and hasMany a belongsTo on the same foreign key (the source key
     * becomes the target key; the scope, on the declaration's targets, stays on those rows, the
     * inverse's sources); for belongsToMany the other side over the same links, keys and aliases
     * swapped, so that the inverse of the inverse is the declaration again, but for its scope
     * (which names the declaration's targets and is not carried over). A belongsTo has an inverse
     * only when it declares one ({@link #inverseKind()}, v7's {@code inverse: {type, as}}): a
     * hasOne or hasMany on the same foreign key (the target key becomes the source key); without it
     * Sequelize cannot tell whether the other side is hasOne or hasMany.
     *
     * @param kind the kind of the declaration these options belong to; the inverse's kind is
     *     BELONGS_TO for HAS_ONE and HAS_MANY, BELONGS_TO_MANY for BELONGS_TO_MANY, and {@link
     *     #inverseKind()} for BELONGS_TO
     */
    public Options inverse(Kind kind) {
      Args.declared(kind, label(source, target) + ".inverse", "kind");
      Builder b = new Builder(target, source);
      b.as = inverseAs;
      b.inverseAs = as;
      b.foreignKeyAllowNull = foreignKeyAllowNull;
      b.onDelete = onDelete;
      b.onUpdate = onUpdate;
      b.constraints = constraints;
      switch (kind) {
        case HAS_ONE, HAS_MANY -> {
          b.foreignKey = foreignKey;
          b.targetKey = sourceKey;
          b.derivedInverse = true;
          b.scope = scope;
        }
        case BELONGS_TO_MANY -> {
          b.foreignKey = otherKey;
          b.otherKey = foreignKey;
          b.sourceKey = targetKey;
          b.targetKey = sourceKey;
          b.throughModel = throughModel;
          b.throughName = throughName;
          b.throughUnique = throughUnique;
          b.derivedInverse = !derivedInverse;
          b.throughScope = throughScope;
        }
        case BELONGS_TO -> {
          if (inverseKind == null) {
            throw new DefinitionException(
                List.of(
                    source.getSimpleName()
                        + ".belongsTo("
                        + target.getSimpleName()
                        + "): this belongsTo declares no inverse; declare it with"
                        + " inverse(Kind.HAS_MANY, as) or inverse(Kind.HAS_ONE, as)"));
          }
          b.foreignKey = foreignKey;
          b.sourceKey = targetKey;
          b.derivedInverse = true;
        }
      }
      return b.build();
    }

    /**
     * Builds {@link Options}; each setter takes what the component of the same name holds, null
     * meaning the default. The declarations' fluent methods refuse null where Sequelize has no
     * meaning for it, before they get here.
     */
    public static final class Builder {
      private final Class<?> source;
      private final Class<?> target;
      private String as;
      private String foreignKey;
      private Boolean foreignKeyAllowNull;
      private String otherKey;
      private String sourceKey;
      private String targetKey;
      private Class<?> throughModel;
      private String throughName;
      private boolean throughUnique = true;
      private ReferentialAction onDelete;
      private ReferentialAction onUpdate;
      private boolean constraints = true;
      private String inverseAs;
      private Kind inverseKind;
      private boolean derivedInverse;
      private Map<String, Object> scope;
      private Map<String, Object> throughScope;

      private Builder(Class<?> source, Class<?> target) {
        this.source = source;
        this.target = target;
      }

      private Builder(Options o) {
        this(o.source, o.target);
        as = o.as;
        foreignKey = o.foreignKey;
        foreignKeyAllowNull = o.foreignKeyAllowNull;
        otherKey = o.otherKey;
        sourceKey = o.sourceKey;
        targetKey = o.targetKey;
        throughModel = o.throughModel;
        throughName = o.throughName;
        throughUnique = o.throughUnique;
        onDelete = o.onDelete;
        onUpdate = o.onUpdate;
        constraints = o.constraints;
        inverseAs = o.inverseAs;
        inverseKind = o.inverseKind;
        derivedInverse = o.derivedInverse;
        scope = o.scope;
        throughScope = o.throughScope;
      }

      public Builder as(String as) {
        this.as = as;
        return this;
      }

      public Builder foreignKey(String foreignKey) {
        this.foreignKey = foreignKey;
        return this;
      }

      public Builder foreignKeyAllowNull(Boolean allowNull) {
        this.foreignKeyAllowNull = allowNull;
        return this;
      }

      public Builder otherKey(String otherKey) {
        this.otherKey = otherKey;
        return this;
      }

      public Builder sourceKey(String sourceKey) {
        this.sourceKey = sourceKey;
        return this;
      }

      public Builder targetKey(String targetKey) {
        this.targetKey = targetKey;
        return this;
      }

      /** The through model class; clears a through name (a through is one or the other). */
      public Builder through(Class<?> throughModel) {
        this.throughModel = throughModel;
        this.throughName = null;
        return this;
      }

      /** The through model's name; clears a through model class. */
      public Builder through(String throughName) {
        this.throughName = throughName;
        this.throughModel = null;
        return this;
      }

      public Builder throughUnique(boolean unique) {
        this.throughUnique = unique;
        return this;
      }

      public Builder onDelete(ReferentialAction action) {
        this.onDelete = action;
        return this;
      }

      public Builder onUpdate(ReferentialAction action) {
        this.onUpdate = action;
        return this;
      }

      public Builder constraints(boolean enabled) {
        this.constraints = enabled;
        return this;
      }

      public Builder inverseAs(String inverseAs) {
        this.inverseAs = inverseAs;
        return this;
      }

      public Builder inverseKind(Kind inverseKind) {
        this.inverseKind = inverseKind;
        return this;
      }

      public Builder derivedInverse(boolean derived) {
        this.derivedInverse = derived;
        return this;
      }

      /** The scope; an unmodifiable copy in the caller's order is kept. */
      public Builder scope(Map<String, ?> values) {
        this.scope = copyScope(values, label(source, target) + ".Builder.scope");
        return this;
      }

      /** The through scope; an unmodifiable copy in the caller's order is kept. */
      public Builder throughScope(Map<String, ?> values) {
        this.throughScope = copyScope(values, label(source, target) + ".Builder.throughScope");
        return this;
      }

      /** The options; the builder may go on and build others. */
      public Options build() {
        return new Options(
            source,
            target,
            as,
            foreignKey,
            foreignKeyAllowNull,
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
            inverseKind,
            derivedInverse,
            scope,
            throughScope);
      }
    }
  }

  final Options options;

  Association(Options options) {
    this.options = options;
  }

  /** {@code Source.hasOne(Target)}: the foreign key lives on the target; at most one target. */
  public static <S, T> HasOne<S, T> hasOne(Class<S> source, Class<T> target) {
    return new HasOne<>(declared(source, target, "hasOne"));
  }

  /** {@code Source.belongsTo(Target)}: the foreign key lives on the source. */
  public static <S, T> BelongsTo<S, T> belongsTo(Class<S> source, Class<T> target) {
    return new BelongsTo<>(declared(source, target, "belongsTo"));
  }

  /** {@code Source.hasMany(Target)}: the foreign key lives on the targets. */
  public static <S, T> HasMany<S, T> hasMany(Class<S> source, Class<T> target) {
    return new HasMany<>(declared(source, target, "hasMany"));
  }

  /**
   * {@code Source.belongsToMany(Target, {through})}: links live in a through model (a junction
   * table on SQL, relationships on a graph). Name the through model with {@code through(...)}.
   */
  public static <S, T> BelongsToMany<S, T> belongsToMany(Class<S> source, Class<T> target) {
    return new BelongsToMany<>(declared(source, target, "belongsToMany"));
  }

  /** The options of a new declaration, refusing a null source or target. */
  private static Options declared(Class<?> source, Class<?> target, String kind) {
    Args.declared(source, "Association." + kind, "source");
    Args.declared(
        target, "Association." + kind + "(" + source.getSimpleName() + ", target)", "target");
    return Options.builder(source, target).build();
  }

  /** The same kind of declaration with other options. */
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

  /** Every option of this declaration, null meaning the default. */
  public Options options() {
    return options;
  }

  /** A builder holding this declaration's options, for a fluent method to change one. */
  Options.Builder change() {
    return options.toBuilder();
  }

  /**
   * A declaration option's value, refused when null: null means "the default", which is never set
   * twice.
   */
  <X> X option(X value, String method, String argument) {
    return Args.declared(value, this + "." + method, argument);
  }

  /** A scope option, refused when null or when a name is null, naming this declaration. */
  Map<String, Object> scopeOption(Map<String, ?> values, String method) {
    return copyScope(option(values, method, "values"), this + "." + method);
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

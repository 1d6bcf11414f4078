package io.liaison;

/**
 * Lets the engine read a declaration's options. Internal: no compatibility promise; applications
 * have no use for it.
 */
public final class AssociationAccess {
  private AssociationAccess() {}

  /** The options of a declaration, null meaning "the default". */
  public record View(
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
      java.util.Map<String, Object> scope,
      java.util.Map<String, Object> throughScope) {}

  public static View view(Association<?, ?> association) {
    Association.Options o =
        io.liaison.internal.Args.notNull(association, "AssociationAccess.view", "association")
            .options();
    return new View(
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
        o.scope(),
        o.throughScope());
  }

  /** The inverse Sequelize v7 creates for hasOne, hasMany and belongsToMany; null for belongsTo. */
  public static Association<?, ?> inverse(Association<?, ?> association) {
    Association<?, ?> a =
        io.liaison.internal.Args.notNull(association, "AssociationAccess.inverse", "association");
    if (a instanceof HasOne<?, ?> h) {
      return h.inverse();
    }
    if (a instanceof HasMany<?, ?> h) {
      return h.inverse();
    }
    if (a instanceof BelongsToMany<?, ?> b) {
      return b.inverse();
    }
    return null;
  }
}

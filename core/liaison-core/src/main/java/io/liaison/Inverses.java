package io.liaison;

/** Builds the inverse declarations that Sequelize v7 creates automatically. */
final class Inverses {
  private Inverses() {}

  static <S, T> BelongsTo<T, S> of(HasOne<S, T> a) {
    return new BelongsTo<>(
        flip(a.options(), a.options().foreignKey(), null, a.options().sourceKey()));
  }

  static <S, T> BelongsTo<T, S> of(HasMany<S, T> a) {
    return new BelongsTo<>(
        flip(a.options(), a.options().foreignKey(), null, a.options().sourceKey()));
  }

  static <S, T> BelongsToMany<T, S> of(BelongsToMany<S, T> a) {
    Association.Options o = a.options();
    return new BelongsToMany<>(
        new Association.Options(
            o.target(),
            o.source(),
            o.inverseAs(),
            o.otherKey(),
            o.foreignKeyAllowNull(),
            o.foreignKey(),
            o.targetKey(),
            o.sourceKey(),
            o.throughModel(),
            o.throughName(),
            o.throughUnique(),
            o.onDelete(),
            o.onUpdate(),
            o.constraints(),
            o.as(),
            !o.derivedInverse(),
            null,
            o.throughScope()));
  }

  /** hasOne/hasMany to belongsTo: the same foreign key, the source key becomes the target key. */
  private static Association.Options flip(
      Association.Options o, String fk, String sourceKey, String targetKey) {
    return new Association.Options(
        o.target(),
        o.source(),
        o.inverseAs(),
        fk,
        o.foreignKeyAllowNull(),
        null,
        sourceKey,
        targetKey,
        null,
        null,
        true,
        o.onDelete(),
        o.onUpdate(),
        o.constraints(),
        o.as(),
        true,
        o.scope(),
        null);
  }
}

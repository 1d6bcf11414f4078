package io.liaison;

/**
 * What a hasOne or hasMany write does to a target it unlinks: {@code set} replacing it, {@code
 * create} replacing it (hasOne), {@code remove}/{@code removeAll} (hasMany). Chosen per accessor
 * with {@link SingleAccessor#unlinking} and {@link ManyAccessor#unlinking}; Sequelize v7 takes it
 * per call, as hasOne {@code set}'s and hasMany {@code set}'s {@code destroyPrevious} option and
 * hasMany {@code remove}'s {@code destroy} option (associations/has-one.ts, has-many.ts).
 */
public enum Unlink {
  /**
   * Set the target's foreign key to null (the default); when the key may not be null the target is
   * deleted instead, as in Sequelize v7.
   */
  NULLIFY,
  /**
   * Delete the target ({@code destroyPrevious: true}, {@code destroy: true}). The delete applies
   * the target's own referential actions as any delete does: its dependants are cascaded, nulled,
   * or the whole call is refused with {@link ConflictException} and nothing changes.
   */
  DESTROY
}

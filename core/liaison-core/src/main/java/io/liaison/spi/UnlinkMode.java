package io.liaison.spi;

/**
 * What unlinking does on hasOne/hasMany (belongsTo and belongsToMany always just drop the link).
 */
public enum UnlinkMode {
  /** Set the target's foreign key to null. */
  NULLIFY,
  /** Delete the target: its foreign key may not be null (Sequelize v7). */
  DELETE_TARGET
}

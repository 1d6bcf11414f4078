package io.liaison;

import io.liaison.internal.Args;

/**
 * Turns model and attribute names into store names, and picks default foreign-key names. The
 * default follows Sequelize v7: tables named after models, columns after attributes, foreign keys
 * {@code camelCase(model or alias) + UpperFirst(key)} ({@code bookId}).
 */
public interface NamingStrategy {

  /** Sequelize v7 defaults. */
  NamingStrategy SEQUELIZE = new NamingStrategy() {};

  /**
   * A house style that prefixes default foreign keys with the model that owns the association: the
   * junction of {@code Book.belongsToMany(Article)} gets {@code Book_bookId} and {@code
   * Book_articleId}.
   */
  NamingStrategy SOURCE_PREFIXED =
      new NamingStrategy() {
        @Override
        public String foreignKey(
            String associationSource, String referencedName, String referencedKey) {
          return associationSource
              + "_"
              + NamingStrategy.super.foreignKey(associationSource, referencedName, referencedKey);
        }
      };

  /** The table (SQL) or label (graph) of a model. */
  default String table(String model) {
    return Args.notNull(model, "NamingStrategy.table", "model");
  }

  /** The column (SQL) or property (graph) of an attribute. */
  default String column(String model, String attribute) {
    Args.notNull(model, "NamingStrategy.column", "model");
    return Args.notNull(attribute, "NamingStrategy.column(" + model + ", attribute)", "attribute");
  }

  /**
   * The default foreign-key attribute name, used when an association gives none.
   *
   * @param associationSource the name of the source model of the association being declared
   * @param referencedName the model name or alias the key points at ({@code book}, {@code owner})
   * @param referencedKey the referenced key attribute ({@code id})
   */
  default String foreignKey(String associationSource, String referencedName, String referencedKey) {
    Args.notNull(associationSource, "NamingStrategy.foreignKey", "associationSource");
    Args.notNull(
        referencedName, "NamingStrategy.foreignKey(" + associationSource + ")", "referencedName");
    Args.notNull(
        referencedKey, "NamingStrategy.foreignKey(" + associationSource + ")", "referencedKey");
    return lowerFirst(referencedName) + upperFirst(referencedKey);
  }

  static String lowerFirst(String name) {
    String s = Args.notNull(name, "NamingStrategy.lowerFirst", "name");
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String upperFirst(String name) {
    String s = Args.notNull(name, "NamingStrategy.upperFirst", "name");
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

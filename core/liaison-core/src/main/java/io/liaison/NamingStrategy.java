package io.liaison;

/**
 * Turns model and attribute names into store names, and picks default foreign-key names. The
 * default follows Sequelize v7: tables named after models, columns after attributes, foreign keys
 * {@code camelCase(model or alias) + UpperFirst(key)} ({@code bookId}).
 */
public interface NamingStrategy {

  /** Sequelize v7 defaults. */
  NamingStrategy SEQUELIZE = new NamingStrategy() {
  };

  /**
   * A house style that prefixes default foreign keys with the model that owns the association:
   * the junction of {@code Book.belongsToMany(Article)} gets {@code Book_bookId} and
   * {@code Book_articleId}.
   */
  NamingStrategy SOURCE_PREFIXED = new NamingStrategy() {
    @Override
    public String foreignKey(String associationSource, String referencedName, String referencedKey) {
      return associationSource + "_" + NamingStrategy.super.foreignKey(associationSource, referencedName, referencedKey);
    }
  };

  /** The table (SQL) or label (graph) of a model. */
  default String table(String model) {
    return model;
  }

  /** The column (SQL) or property (graph) of an attribute. */
  default String column(String model, String attribute) {
    return attribute;
  }

  /**
   * The default foreign-key attribute name, used when an association gives none.
   *
   * @param associationSource the name of the source model of the association being declared
   * @param referencedName the model name or alias the key points at ({@code book}, {@code owner})
   * @param referencedKey the referenced key attribute ({@code id})
   */
  default String foreignKey(String associationSource, String referencedName, String referencedKey) {
    return lowerFirst(referencedName) + upperFirst(referencedKey);
  }

  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

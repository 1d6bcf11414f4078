package io.liaison.spi;

import java.util.List;

/**
 * A model: a table (SQL) or a label (graph).
 *
 * @param name the model name
 * @param table the table or label
 * @param id the id attribute (also in {@code attributes})
 * @param attributes every attribute, the id first, implicit foreign keys last
 * @param uniqueKeys attributes other than the id that associations reference (sourceKey/targetKey);
 *     adapters make them unique
 */
public record ModelInfo(
    String name,
    String table,
    AttributeInfo id,
    List<AttributeInfo> attributes,
    List<String> uniqueKeys) {

  public ModelInfo {
    attributes = List.copyOf(attributes);
    uniqueKeys = List.copyOf(uniqueKeys);
  }

  /** The attribute with this name, or null. */
  public AttributeInfo attribute(String attributeName) {
    for (AttributeInfo a : attributes) {
      if (a.name().equals(attributeName)) {
        return a;
      }
    }
    return null;
  }

  /** The attribute with this name, or an {@link io.liaison.InvalidCallException} naming it. */
  public AttributeInfo requireAttribute(String attributeName) {
    AttributeInfo a = attribute(attributeName);
    if (a == null) {
      throw new io.liaison.InvalidCallException(
          "Unknown attribute '" + attributeName + "' of " + name);
    }
    return a;
  }

  /** Checks that every name is an attribute of this model, refusing the first that is not. */
  public void requireAttributes(java.util.Collection<String> attributeNames) {
    for (String n : attributeNames) {
      requireAttribute(n);
    }
  }
}

package io.liaison.spi;

import java.util.List;

/**
 * The through model of belongsToMany: a junction table (SQL) or a relationship type (graph), shared
 * by both sides of the pair.
 *
 * @param name the through model's name (the relationship type on a graph)
 * @param table the junction table
 * @param unique true: one link per pair (composite primary key on the two keys); false: parallel
 *     links, each with its own {@code id}
 * @param id the link id attribute when not unique, else null
 * @param attributes every attribute: the link id (if any), the two keys, then the through
 *     attributes
 * @param principalKey the key attribute referencing the principal model (where links start)
 * @param dependentKey the key attribute referencing the other model
 */
public record JunctionInfo(
    String name,
    String table,
    boolean unique,
    AttributeInfo id,
    List<AttributeInfo> attributes,
    String principalKey,
    String dependentKey) {

  public JunctionInfo {
    attributes = List.copyOf(attributes);
  }

  public AttributeInfo attribute(String attributeName) {
    for (AttributeInfo a : attributes) {
      if (a.name().equals(attributeName)) {
        return a;
      }
    }
    return null;
  }

  /** The through attributes proper: neither the link id nor a key. */
  public List<AttributeInfo> payload() {
    return attributes.stream()
        .filter(
            a ->
                (id == null || !a.name().equals(id.name()))
                    && !a.name().equals(principalKey)
                    && !a.name().equals(dependentKey))
        .toList();
  }

  /** The attribute with this name, or an {@link io.liaison.InvalidCallException} naming it. */
  public AttributeInfo requireAttribute(String attributeName) {
    AttributeInfo a = attribute(attributeName);
    if (a == null) {
      throw new io.liaison.InvalidCallException(
          "Unknown through attribute '" + attributeName + "' of " + name);
    }
    return a;
  }
}

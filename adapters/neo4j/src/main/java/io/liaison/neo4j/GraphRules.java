package io.liaison.neo4j;

import io.liaison.Association.Kind;
import io.liaison.ReferentialAction;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relationship types of the synced schemas and what they mean for the nodes at their ends:
 * which node is the principal (the relationship starts there) and which the dependent, which key
 * property the link refers to, the foreign-key property the dependent keeps in step
 * (hasOne/hasMany/belongsTo), and the referential actions to emulate. Immutable; {@link #plus}
 * merges another schema's links, as a relational database keeps the constraints of every schema
 * synced into it.
 *
 * <p>Store-neutral: any graph adapter that stores links as relationships from principal to
 * dependent can emulate referential actions from these rules, whatever language it speaks; the
 * Cypher sessions ({@link CypherSession}) take them as a constructor argument.
 */
public final class GraphRules {

  /**
   * One relationship type between two labels.
   *
   * @param type the relationship type
   * @param principal the model where relationships start (the referenced one)
   * @param principalKey the principal's key the link refers to
   * @param dependent the model where relationships end
   * @param foreignKey the dependent's foreign-key attribute (kept in step), or null for
   *     belongsToMany
   * @param dependentKey belongsToMany: the dependent's key the link refers to, else null
   * @param junction belongsToMany: the junction, else null
   * @param onDelete the action when a principal (or, for belongsToMany, either end) is deleted
   * @param onUpdate the action when the referenced key changes
   * @param constraints false: no emulated action and no existence check
   * @param scope values a dependent must have to be linked through this type when its foreign key
   *     is written directly (polymorphic associations share a foreign key); empty for none
   */
  public record Link(
      String type,
      ModelInfo principal,
      AttributeInfo principalKey,
      ModelInfo dependent,
      AttributeInfo foreignKey,
      AttributeInfo dependentKey,
      JunctionInfo junction,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      boolean constraints,
      Map<String, Object> scope) {

    /**
     * Whether a dependent row written with these attributes belongs to this link's scope
     * (attributes not given: yes).
     */
    public boolean admits(Map<String, Object> row) {
      for (Map.Entry<String, Object> e : scope.entrySet()) {
        if (row.containsKey(e.getKey())
            && !java.util.Objects.equals(e.getValue(), row.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }

    /** Whether this is a belongsToMany link (a junction), not a foreign key. */
    public boolean isJunction() {
      return junction != null;
    }

    /** The identity of this link among the rules: type and the labels at its ends. */
    public String key() {
      return type + ":" + principal.table() + ">" + dependent.table();
    }

    /** Whether {@code action} refuses a change while links exist (and constraints are on). */
    public boolean restricts(ReferentialAction action) {
      return constraints
          && (action == ReferentialAction.RESTRICT || action == ReferentialAction.NO_ACTION);
    }
  }

  /** No links: the rules before any schema is synced. */
  public static final GraphRules EMPTY = new GraphRules(Map.of());

  private final Map<String, Link> links;

  private GraphRules(Map<String, Link> links) {
    this.links = Map.copyOf(links);
  }

  /** These rules and the links of {@code schema} (a link of the same type and ends is replaced). */
  public GraphRules plus(SchemaInfo schema) {
    Map<String, Link> merged = new LinkedHashMap<>(links);
    for (AssociationInfo a : schema.associations()) {
      Link l = of(a);
      merged.put(l.key(), l);
    }
    return new GraphRules(merged);
  }

  /** The link an association reads and writes. */
  public static Link of(AssociationInfo a) {
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      JunctionInfo j = a.through();
      ModelInfo principal = a.sourceIsPrincipal() ? a.source() : a.target();
      ModelInfo dependent = a.sourceIsPrincipal() ? a.target() : a.source();
      String principalKey = a.sourceIsPrincipal() ? a.sourceKey() : a.targetKey();
      String dependentKey = a.sourceIsPrincipal() ? a.targetKey() : a.sourceKey();
      return new Link(
          a.linkName(),
          principal,
          principal.attribute(principalKey),
          dependent,
          null,
          dependent.attribute(dependentKey),
          j,
          a.onDelete(),
          a.onUpdate(),
          a.constraints(),
          Map.of());
    }
    boolean has = a.kind() == Kind.HAS_ONE || a.kind() == Kind.HAS_MANY;
    ModelInfo principal = has ? a.source() : a.target();
    ModelInfo dependent = has ? a.target() : a.source();
    AttributeInfo key = principal.attribute(has ? a.sourceKey() : a.targetKey());
    return new Link(
        a.linkName(),
        principal,
        key,
        dependent,
        dependent.attribute(a.foreignKey()),
        null,
        null,
        a.onDelete(),
        a.onUpdate(),
        a.constraints(),
        a.scope());
  }

  /** Every link, one per relationship type and pair of labels. */
  public Collection<Link> all() {
    return links.values();
  }

  /** Foreign-key links whose dependent is this model (its foreign-key properties). */
  public List<Link> foreignKeysOf(ModelInfo model) {
    List<Link> out = new ArrayList<>();
    for (Link l : links.values()) {
      if (!l.isJunction() && l.dependent().table().equals(model.table())) {
        out.add(l);
      }
    }
    return out;
  }

  /** Links whose principal is this model (foreign keys and junctions). */
  public List<Link> referencing(ModelInfo model) {
    List<Link> out = new ArrayList<>();
    for (Link l : links.values()) {
      if (l.principal().table().equals(model.table())) {
        out.add(l);
      }
    }
    return out;
  }

  /** Junction links with this model at either end. */
  public List<Link> junctionsAt(ModelInfo model) {
    List<Link> out = new ArrayList<>();
    for (Link l : links.values()) {
      if (l.isJunction()
          && (l.principal().table().equals(model.table())
              || l.dependent().table().equals(model.table()))) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * Relationship types whose principal's deletion deletes the dependent (foreign keys, CASCADE).
   */
  public List<String> cascadeTypes() {
    return types(
        l -> !l.isJunction() && l.constraints() && l.onDelete() == ReferentialAction.CASCADE);
  }

  /** Foreign-key types that refuse the deletion of a principal with dependants. */
  public List<String> restrictTypes() {
    return types(l -> !l.isJunction() && l.restricts(l.onDelete()));
  }

  /** Junction types that refuse the deletion of either end while linked. */
  public List<String> restrictJunctionTypes() {
    return types(l -> l.isJunction() && l.restricts(l.onDelete()));
  }

  /** Foreign-key links whose dependants' key is nulled when the principal is deleted. */
  public List<Link> setNullLinks() {
    List<Link> out = new ArrayList<>();
    for (Link l : links.values()) {
      if (!l.isJunction() && l.constraints() && l.onDelete() == ReferentialAction.SET_NULL) {
        out.add(l);
      }
    }
    return out;
  }

  private List<String> types(java.util.function.Predicate<Link> p) {
    List<String> out = new ArrayList<>();
    for (Link l : links.values()) {
      if (p.test(l) && !out.contains(l.type())) {
        out.add(l.type());
      }
    }
    return out;
  }
}

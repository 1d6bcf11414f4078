package io.liaison.spi;

import io.liaison.Association.Kind;
import io.liaison.ReferentialAction;
import java.util.Map;

/**
 * A resolved association. Links are addressed by <em>match values</em>: the value of {@link
 * #sourceMatch()} on the source and of {@link #targetMatch()} on the target.
 *
 * <ul>
 *   <li>hasOne / hasMany: source matched by {@code sourceKey}, target by its id; the foreign key
 *       {@code foreignKey} is an attribute of the target holding the source's {@code sourceKey}.
 *   <li>belongsTo: source matched by its id, target by {@code targetKey}; {@code foreignKey} is an
 *       attribute of the source holding the target's {@code targetKey}.
 *   <li>belongsToMany: source by {@code sourceKey}, target by {@code targetKey}; {@code foreignKey}
 *       and {@code otherKey} are junction attributes holding them.
 * </ul>
 *
 * <p>On a graph every association is a relationship of type {@link #linkName()} stored from the
 * principal to the dependent: the referenced model to the foreign-key holder, or for belongsToMany
 * from the source of the first-declared side. {@link #sourceIsPrincipal()} tells the direction.
 *
 * @param name {@code Source.alias}, unique in a schema
 * @param kind the association kind
 * @param source the source model
 * @param target the target model
 * @param as the alias
 * @param foreignKey see above
 * @param otherKey belongsToMany only, else null
 * @param sourceKey the source attribute referenced (hasOne, hasMany, belongsToMany), else null
 * @param targetKey the target attribute referenced (belongsTo, belongsToMany), else null
 * @param through the junction (belongsToMany only), else null
 * @param onDelete what deleting the referenced row does to dependants
 * @param onUpdate what changing the referenced key does to dependants
 * @param constraints false: no foreign-key constraint and no emulated action
 * @param foreignKeyNullable whether the foreign key may be null (hasOne, hasMany, belongsTo)
 * @param linkName the relationship type on a graph; shared by both sides of a pair
 * @param sourceIsPrincipal true if links are stored from this association's source
 * @param scope attribute values every target must have (hasOne, hasMany, belongsToMany: on the
 *     target; belongsTo, the inverse of a scoped hasOne/hasMany: on the source, the foreign-key
 *     holder); empty for none. The engine adds them to filters and to written rows; adapters must
 *     honour them where they write foreign keys on their own (an insert that sets a foreign key
 *     links only through associations whose scope the row matches: polymorphic associations share a
 *     foreign key)
 * @param throughScope through-attribute values every link must have (belongsToMany), else empty
 */
public record AssociationInfo(
    String name,
    Kind kind,
    ModelInfo source,
    ModelInfo target,
    String as,
    String foreignKey,
    String otherKey,
    String sourceKey,
    String targetKey,
    JunctionInfo through,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    boolean constraints,
    boolean foreignKeyNullable,
    String linkName,
    boolean sourceIsPrincipal,
    Map<String, Object> scope,
    Map<String, Object> throughScope) {

  public AssociationInfo {
    scope = scope == null ? Map.of() : scope;
    throughScope = throughScope == null ? Map.of() : throughScope;
  }

  /** True if the row (attribute name to value) has every value of {@link #scope()}. */
  public boolean inScope(Map<String, Object> row) {
    for (Map.Entry<String, Object> e : scope.entrySet()) {
      if (!java.util.Objects.equals(e.getValue(), row.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The source attribute whose values address sources in link operations. */
  public String sourceMatch() {
    return kind == Kind.BELONGS_TO ? source.id().name() : sourceKey;
  }

  /** The target attribute whose values address targets in link operations. */
  public String targetMatch() {
    return kind == Kind.HAS_ONE || kind == Kind.HAS_MANY ? target.id().name() : targetKey;
  }

  /** The model holding the foreign key (hasOne/hasMany: target; belongsTo: source), or null. */
  public ModelInfo foreignKeyHolder() {
    return switch (kind) {
      case HAS_ONE, HAS_MANY -> target;
      case BELONGS_TO -> source;
      case BELONGS_TO_MANY -> null;
    };
  }
}

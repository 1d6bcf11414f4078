package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.InvalidCallException;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What a filter on a model's nodes names: its attributes as properties of the node variable, and
 * its association filters ({@link Where.Has}) as {@code EXISTS} subqueries over the association's
 * relationship, nested to any depth. The {@link CypherWhere.Props} that entity reads and link reads
 * compile their filters with.
 */
final class NodeProps {
  private NodeProps() {}

  /**
   * The properties of {@code model}'s nodes bound to {@code variable}; association filters become
   * EXISTS subqueries.
   */
  static CypherWhere.Props of(ModelInfo model, String variable) {
    return new CypherWhere.Props() {
      @Override
      public CypherWhere.Prop resolve(String name) {
        AttributeInfo a = model.requireAttribute(name);
        return new CypherWhere.Prop(prop(variable, a.column()), a);
      }

      @Override
      public String exists(Where.Has has, Cypher.Params params) {
        return existsCypher(has, model, variable, params);
      }
    };
  }

  /**
   * {@code EXISTS { MATCH (v)-[vr:TYPE]->(vh:Target) WHERE ... }} for an association filter on the
   * nodes of {@code model} bound to {@code v}; nested filters get variables derived from the outer
   * one.
   */
  private static String existsCypher(
      Where.Has has, ModelInfo model, String v, Cypher.Params params) {
    AssociationInfo a = has.info();
    if (a == null) {
      throw new InvalidCallException(
          "Where.has("
              + has.association()
              + ") reached the store unresolved; filters go "
              + "through a Liaison session");
    }
    if (!a.source().name().equals(model.name())) {
      throw new InvalidCallException(
          "Where.has(" + a.name() + ") filters " + a.source().name() + ", not " + model.name());
    }
    ModelInfo target = a.target();
    String rel = v + "r";
    String t = v + "h";
    String type = q(GraphRules.of(a).type());
    boolean outgoing =
        switch (a.kind()) {
          case HAS_ONE, HAS_MANY -> true;
          case BELONGS_TO -> false;
          case BELONGS_TO_MANY -> a.sourceIsPrincipal();
        };
    StringBuilder c =
        new StringBuilder("EXISTS { MATCH (")
            .append(v)
            .append(')')
            .append(outgoing ? "-[" : "<-[")
            .append(rel)
            .append(':')
            .append(type)
            .append(outgoing ? "]->(" : "]-(")
            .append(t)
            .append(':')
            .append(q(target.table()))
            .append(')');
    List<String> conditions = new ArrayList<>();
    if (has.where() != null) {
      conditions.add(CypherWhere.compile(has.where(), of(target, t), params));
    }
    if (has.through() != null) {
      JunctionInfo j = a.through();
      if (j == null) {
        throw new InvalidCallException(
            "A through filter needs a belongsToMany association; " + a.name() + " is " + a.kind());
      }
      AttributeInfo sk = model.requireAttribute(a.sourceKey());
      AttributeInfo tk = target.requireAttribute(a.targetKey());
      CypherWhere.Props through =
          name -> {
            AttributeInfo x = j.requireAttribute(name);
            if (name.equals(a.foreignKey())) {
              return new CypherWhere.Prop(prop(v, sk.column()), x);
            }
            if (name.equals(a.otherKey())) {
              return new CypherWhere.Prop(prop(t, tk.column()), x);
            }
            return new CypherWhere.Prop(prop(rel, x.column()), x);
          };
      conditions.add(CypherWhere.compile(has.through(), through, params));
    }
    if (!conditions.isEmpty()) {
      c.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return c.append(" }").toString();
  }
}

package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.InvalidCallException;
import io.liaison.Query;
import io.liaison.neo4j.GraphRules.Link;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How an association reaches its targets in the graph: the pattern binding {@code s}, {@code rel}
 * and {@code t}, the source's match value and the target's match value ({@link #of}), and the
 * pieces every link statement builds from it: the relationship arrow as seen from the source, the
 * source filter with the query's and the through filter, the junction attributes a through filter
 * names, the through scope. Builds text only; nothing here runs a statement.
 */
record LinkPath(
    String pattern,
    String sourceExpr,
    AttributeInfo sourceAttr,
    String targetExpr,
    AttributeInfo targetAttr,
    Link link) {

  boolean junction() {
    return link.isJunction();
  }

  boolean parallel() {
    return link.isJunction() && !link.junction().unique() && link.junction().id() != null;
  }

  static LinkPath of(AssociationInfo a) {
    Link l = GraphRules.of(a);
    ModelInfo source = a.source();
    ModelInfo target = a.target();
    String type = q(l.type());
    String s = "(s:" + q(source.table()) + ")";
    String t = "(t:" + q(target.table()) + ")";
    return switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        AttributeInfo sk = source.requireAttribute(a.sourceKey());
        yield new LinkPath(
            s + "-[rel:" + type + "]->" + t,
            prop("s", sk.column()),
            sk,
            prop("t", target.id().column()),
            target.id(),
            l);
      }
      case BELONGS_TO -> {
        AttributeInfo tk = target.requireAttribute(a.targetKey());
        yield new LinkPath(
            s + "<-[rel:" + type + "]-" + t,
            prop("s", source.id().column()),
            source.id(),
            prop("t", tk.column()),
            tk,
            l);
      }
      case BELONGS_TO_MANY -> {
        AttributeInfo sk = source.requireAttribute(a.sourceKey());
        AttributeInfo tk = target.requireAttribute(a.targetKey());
        String arrow = arrow(a, "rel");
        yield new LinkPath(
            s + arrow + t, prop("s", sk.column()), sk, prop("t", tk.column()), tk, l);
      }
    };
  }

  /**
   * A belongsToMany link's relationship as seen from the source, bound to {@code variable} (none if
   * empty): {@code -[rel:TYPE]->} when the source is the principal, else {@code <-[rel:TYPE]-}.
   */
  static String arrow(AssociationInfo a, String variable) {
    String rel = "[" + variable + ":" + q(GraphRules.of(a).type()) + "]";
    return a.sourceIsPrincipal() ? "-" + rel + "->" : "<-" + rel + "-";
  }

  /**
   * The junction attributes a through filter or order may name: keys on the nodes, the rest on
   * {@code rel}.
   */
  static CypherWhere.Props throughProps(AssociationInfo a, LinkPath path) {
    JunctionInfo j = a.through();
    return name -> {
      AttributeInfo x = j.requireAttribute(name);
      if (name.equals(a.foreignKey())) {
        return new CypherWhere.Prop(path.sourceExpr(), x);
      }
      if (name.equals(a.otherKey())) {
        return new CypherWhere.Prop(path.targetExpr(), x);
      }
      return new CypherWhere.Prop(prop("rel", x.column()), x);
    };
  }

  /**
   * Appends {@code WHERE source IN $sources AND (where) AND (through where)}; a String for {@code
   * sources} names a variable holding one source value.
   */
  static void filter(
      StringBuilder c,
      AssociationInfo a,
      LinkPath path,
      Object sources,
      Query query,
      Cypher.Params params) {
    c.append("WHERE ").append(path.sourceExpr());
    if (sources instanceof String variable) {
      c.append(" = ").append(variable);
    } else {
      c.append(sources instanceof Collection<?> ? " IN " : " = ")
          .append(params.put("sources", sources));
    }
    c.append('\n');
    if (query.where() != null) {
      c.append("AND ")
          .append(CypherWhere.compile(query.where(), NodeProps.of(a.target(), "t"), params))
          .append('\n');
    }
    if (query.throughWhere() != null) {
      if (!path.junction()) {
        throw new InvalidCallException(
            "A through filter needs a belongsToMany association; " + a.name() + " is " + a.kind());
      }
      c.append("AND ")
          .append(CypherWhere.compile(query.throughWhere(), throughProps(a, path), params))
          .append('\n');
    }
  }

  static List<Object> sourceParams(AssociationInfo a, LinkPath path, Collection<?> sources) {
    List<Object> out = new ArrayList<>(sources.size());
    for (Object s : sources) {
      if (s != null) {
        out.add(GraphValues.param(s, path.sourceAttr().type(), "source of " + a.name()));
      }
    }
    return out;
  }

  /**
   * {@code AND rel.p = $v} for each value of a belongsToMany's through scope: associations sharing
   * a relationship type between the same nodes (an editor's and a reviewer's links of one book)
   * each remove only their own relationships.
   */
  static String inThroughScope(AssociationInfo a, Cypher.Params params) {
    StringBuilder c = new StringBuilder();
    int i = 0;
    for (Map.Entry<String, Object> e : a.throughScope().entrySet()) {
      AttributeInfo attr = a.through().requireAttribute(e.getKey());
      c.append(" AND ")
          .append(prop("rel", attr.column()))
          .append(" = ")
          .append(
              params.put(
                  "scope" + i++,
                  GraphValues.param(e.getValue(), attr.type(), "through scope of " + a.name())));
    }
    return c.toString();
  }
}

package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.page;
import static io.liaison.neo4j.Cypher.prop;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.InvalidCallException;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.RowLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's nodes: by key values, by a query (filter, order, paging) and as a count, each in
 * one statement, every row read back from the node's property map into the model's attribute types.
 */
final class NodeReads {
  private final CypherExecution exec;

  NodeReads(CypherExecution exec) {
    this.exec = exec;
  }

  List<Map<String, Object>> findBy(ModelInfo model, String attribute, Collection<?> values) {
    AttributeInfo a = model.requireAttribute(attribute);
    if (values.isEmpty()) {
      return List.of();
    }
    Cypher.Params params = new Cypher.Params();
    String c =
        "MATCH (n:"
            + q(model.table())
            + ") WHERE "
            + prop("n", a.column())
            + " IN "
            + params.put("values", GraphValues.params(values, a.type(), GraphValues.what(model, a)))
            + "\nRETURN n {.*} AS n";
    List<Map<String, Object>> out = new ArrayList<>();
    RowLayout layout = RowLayout.ofAttributes(model.attributes());
    for (Map<String, Object> rec : exec.run("find " + model.name(), c, params)) {
      out.add(readNode(rec.get("n"), layout, model));
    }
    return out;
  }

  List<Map<String, Object>> find(ModelInfo model, Query query) {
    Query qy = query == null ? Query.ALL : query;
    if (qy.throughWhere() != null) {
      throw new InvalidCallException(
          "A through filter needs a belongsToMany association; "
              + model.name()
              + " is queried as a model");
    }
    Cypher.Params params = new Cypher.Params();
    StringBuilder c = new StringBuilder("MATCH (n:").append(q(model.table())).append(")\n");
    if (qy.where() != null) {
      c.append("WHERE ")
          .append(CypherWhere.compile(qy.where(), NodeProps.of(model, "n"), params))
          .append('\n');
    }
    List<String> order = new ArrayList<>();
    for (Order o : qy.order()) {
      if (o.onThrough()) {
        throw new InvalidCallException(
            "Ordering by through attribute '"
                + o.attribute()
                + "' needs a belongsToMany association");
      }
      order.add(
          CypherWhere.orderExpr(NodeProps.of(model, "n").resolve(o.attribute()))
              + (o.ascending() ? "" : " DESC"));
    }
    if (qy.limit() != null && qy.limit() == 0) {
      return List.of();
    }
    order.add(prop("n", model.id().column()));
    c.append("RETURN n {.*} AS n\nORDER BY ").append(String.join(", ", order));
    page(c, qy, params);
    List<Map<String, Object>> out = new ArrayList<>();
    RowLayout layout = RowLayout.ofAttributes(model.attributes());
    for (Map<String, Object> rec : exec.run("find " + model.name(), c.toString(), params)) {
      out.add(readNode(rec.get("n"), layout, model));
    }
    return out;
  }

  long count(ModelInfo model, Where where) {
    Cypher.Params params = new Cypher.Params();
    StringBuilder c = new StringBuilder("MATCH (n:").append(q(model.table())).append(")\n");
    if (where != null) {
      c.append("WHERE ")
          .append(CypherWhere.compile(where, NodeProps.of(model, "n"), params))
          .append('\n');
    }
    c.append("RETURN count(n) AS c");
    return ((Number) exec.run("count " + model.name(), c.toString(), params).get(0).get("c"))
        .longValue();
  }

  /** A row of a model from a node's property map. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readNode(
      Object properties, RowLayout layout, ModelInfo model) {
    Map<String, Object> props = (Map<String, Object>) properties;
    List<AttributeInfo> attributes = model.attributes();
    Object[] values = new Object[attributes.size()];
    for (int i = 0; i < values.length; i++) {
      AttributeInfo a = attributes.get(i);
      values[i] = GraphValues.fromStore(props.get(a.column()), a.type());
    }
    return layout.row(values);
  }
}

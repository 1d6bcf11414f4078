package io.liaison.neo4j;

import io.liaison.Association;
import io.liaison.contract.StoreProbe;
import io.liaison.contract.StoredLink;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The contract's look below the Neo4j adapter: statements counted by the {@link CountingDriver} the
 * adapter was given, links read with plain Cypher on a session of the probe's own: every
 * relationship of the association's type from a principal node to a dependent node (labels are the
 * models' tables), within the association's scope. A relationship stored the wrong way round, or
 * between other labels, is not a link.
 */
final class CypherStoreProbe implements StoreProbe {

  private final LongSupplier statements;

  CypherStoreProbe(LongSupplier statements) {
    this.statements = statements;
  }

  @Override
  public long statements() {
    return statements.getAsLong();
  }

  @Override
  public List<StoredLink> links(AssociationInfo a) {
    boolean junction = a.kind() == Association.Kind.BELONGS_TO_MANY;
    boolean has = a.kind() == Association.Kind.HAS_ONE || a.kind() == Association.Kind.HAS_MANY;
    ModelInfo principal =
        junction
            ? (a.sourceIsPrincipal() ? a.source() : a.target())
            : has ? a.source() : a.target();
    ModelInfo dependent =
        junction
            ? (a.sourceIsPrincipal() ? a.target() : a.source())
            : has ? a.target() : a.source();
    String principalKey =
        junction
            ? (a.sourceIsPrincipal() ? a.sourceKey() : a.targetKey())
            : has ? a.sourceKey() : a.targetKey();
    String dependentKey =
        junction ? (a.sourceIsPrincipal() ? a.targetKey() : a.sourceKey()) : dependent.id().name();
    Map<String, Object> params = new HashMap<>();
    StringBuilder cypher =
        new StringBuilder("MATCH (p:")
            .append(Cypher.q(principal.table()))
            .append(")-[r:")
            .append(Cypher.q(a.linkName()))
            .append("]->(d:")
            .append(Cypher.q(dependent.table()))
            .append(")");
    String where = " WHERE ";
    Map<String, Object> scope = junction ? a.throughScope() : a.scope();
    int i = 0;
    for (Map.Entry<String, Object> e : scope.entrySet()) {
      cypher
          .append(where)
          .append(junction ? "r." : "d.")
          .append(Cypher.q(e.getKey()))
          .append(" = $s")
          .append(i);
      params.put("s" + i++, e.getValue());
      where = " AND ";
    }
    String scoped =
        cypher.substring(
            cypher.indexOf(" WHERE ") < 0 ? cypher.length() : cypher.indexOf(" WHERE "));
    cypher
        .append(" RETURN p.")
        .append(Cypher.q(principalKey))
        .append(" AS principal, d.")
        .append(Cypher.q(dependentKey))
        .append(" AS dependent, properties(r) AS attributes");
    if (!junction) {
      cypher.append(", d.").append(Cypher.q(a.foreignKey())).append(" AS key");
    }
    JunctionInfo j = a.through();
    List<StoredLink> links = new ArrayList<>();
    try (Session session = EmbeddedNeo4j.driver().session()) {
      for (Record r : session.run(cypher.toString(), params).list()) {
        Map<String, Object> props = r.get("attributes").asMap();
        if (!junction && !r.get("key").equals(r.get("principal"))) {
          throw new IllegalStateException(
              a.name()
                  + ": a relationship from "
                  + r.get("principal")
                  + " to "
                  + r.get("dependent")
                  + " whose foreign-key property says "
                  + r.get("key"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        Object linkId = null;
        if (junction) {
          for (AttributeInfo p : j.payload()) {
            attributes.put(p.name(), props.get(p.name()));
          }
          linkId = j.id() == null ? null : props.get(j.id().name());
        }
        links.add(
            new StoredLink(
                r.get("principal").asObject(), r.get("dependent").asObject(), linkId, attributes));
      }
      if (!junction) {
        // A foreign key set without its relationship is a link the graph does not show.
        String orphans =
            "MATCH (d:"
                + Cypher.q(dependent.table())
                + ")"
                + scoped
                + (scoped.isEmpty() ? " WHERE " : " AND ")
                + "d."
                + Cypher.q(a.foreignKey())
                + " IS NOT NULL"
                + " AND NOT EXISTS { MATCH (:"
                + Cypher.q(principal.table())
                + ")-[:"
                + Cypher.q(a.linkName())
                + "]->(d) } RETURN d."
                + Cypher.q(dependentKey)
                + " AS dependent";
        List<Record> unlinked = session.run(orphans, params).list();
        if (!unlinked.isEmpty()) {
          throw new IllegalStateException(
              a.name()
                  + ": foreign keys set without a relationship on "
                  + unlinked.stream().map(r -> r.get("dependent")).toList());
        }
      }
    }
    return links;
  }
}

package io.liaison.jdbc;

import io.liaison.Association;
import io.liaison.contract.StoreProbe;
import io.liaison.contract.StoredLink;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The contract's look below the JDBC adapter: statements counted by the {@link CountingConnections}
 * wrapping the adapter's connections, links read with plain SQL on a connection of the probe's own
 * (junction rows for belongsToMany, non-null foreign-key columns for the others), within the
 * association's scope.
 */
final class SqlStoreProbe implements StoreProbe {

  /** Opens a connection to the database the adapter under test uses. */
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final LongSupplier statements;
  private final Connector connector;

  SqlStoreProbe(LongSupplier statements, Connector connector) {
    this.statements = statements;
    this.connector = connector;
  }

  @Override
  public long statements() {
    return statements.getAsLong();
  }

  @Override
  public List<StoredLink> links(AssociationInfo a) {
    try (Connection c = connector.connect()) {
      return a.kind() == Association.Kind.BELONGS_TO_MANY ? junctionRows(c, a) : foreignKeys(c, a);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the links of " + a.name() + " failed", e);
    }
  }

  private static List<StoredLink> junctionRows(Connection c, AssociationInfo a)
      throws SQLException {
    JunctionInfo j = a.through();
    List<AttributeInfo> payload = j.payload();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(Sql.q(j.attribute(j.principalKey()).column()))
            .append(", ")
            .append(Sql.q(j.attribute(j.dependentKey()).column()))
            .append(", ")
            .append(j.id() == null ? "NULL" : Sql.q(j.id().column()));
    for (AttributeInfo p : payload) {
      sql.append(", ").append(Sql.q(p.column()));
    }
    sql.append(" FROM ").append(Sql.q(j.table()));
    List<Object> params = where(sql, a.throughScope(), j::attribute);
    List<StoredLink> links = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql.toString(), params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < payload.size(); i++) {
          attributes.put(payload.get(i).name(), rs.getObject(4 + i));
        }
        links.add(new StoredLink(rs.getObject(1), rs.getObject(2), rs.getObject(3), attributes));
      }
    }
    return links;
  }

  private static List<StoredLink> foreignKeys(Connection c, AssociationInfo a) throws SQLException {
    ModelInfo holder = a.foreignKeyHolder();
    String key = Sql.q(holder.attribute(a.foreignKey()).column());
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(key)
            .append(", ")
            .append(Sql.q(holder.id().column()))
            .append(" FROM ")
            .append(Sql.q(holder.table()));
    List<Object> params = where(sql, a.scope(), holder::attribute);
    sql.append(params.isEmpty() ? " WHERE " : " AND ").append(key).append(" IS NOT NULL");
    List<StoredLink> links = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql.toString(), params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        links.add(new StoredLink(rs.getObject(1), rs.getObject(2), null, Map.of()));
      }
    }
    return links;
  }

  /** Appends {@code WHERE col = ? AND ...} for the scope's values and returns them. */
  private static List<Object> where(
      StringBuilder sql,
      Map<String, Object> scope,
      java.util.function.Function<String, AttributeInfo> attribute) {
    List<Object> params = new ArrayList<>();
    for (Map.Entry<String, Object> e : scope.entrySet()) {
      sql.append(params.isEmpty() ? " WHERE " : " AND ")
          .append(Sql.q(attribute.apply(e.getKey()).column()))
          .append(" = ?");
      params.add(e.getValue());
    }
    return params;
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }
}

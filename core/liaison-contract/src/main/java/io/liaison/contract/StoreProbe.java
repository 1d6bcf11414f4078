package io.liaison.contract;

import io.liaison.spi.AssociationInfo;
import java.util.List;

/**
 * A look at the store below the adapter, for tests that must not take the adapter's word for what
 * it did: what reached the store, and what the store holds. A provider that offers one returns it
 * from {@link StoreProvider#probe()}; it observes the adapter last returned by {@link
 * StoreProvider#openEmpty()}.
 */
public interface StoreProbe {

  /**
   * How many statements reached the store from the adapter since it was opened, counted where they
   * are sent (a JDBC {@code execute*} or {@code executeBatch} call and each savepoint call, a
   * Cypher statement run in a Bolt transaction), not by the adapter's own {@link
   * io.liaison.spi.StatementListener}: a batch the adapter reports once but sends row by row counts
   * once per row. Transaction control (begin, commit, rollback of the whole transaction) is not
   * counted, on any store.
   */
  long statements();

  /**
   * The links of an association as the store holds them, read natively (plain SQL or Cypher on a
   * connection of the probe's own, not through the adapter, and not counted by {@link
   * #statements()}):
   *
   * <ul>
   *   <li>belongsToMany: one entry per junction row (SQL) or relationship from the principal node
   *       to the dependent node (graph), principal being the first-declared side's source ({@link
   *       AssociationInfo#sourceIsPrincipal()} of that side). The attributes are the through
   *       attributes proper ({@link io.liaison.spi.JunctionInfo#payload()}) by attribute name, with
   *       null for a missing one; the link id is the junction's id on parallel links, else null.
   *   <li>hasOne, hasMany, belongsTo: one entry per foreign key set (SQL: a non-null key column of
   *       the holder's row) or relationship from the referenced (principal) node to the holder
   *       (graph); principal is the referenced key's value, dependent the holder's id; no
   *       attributes.
   * </ul>
   *
   * Values come back as the store's driver gives them (an integer attribute may be a Long on one
   * store and an Integer on another); compare them with {@link StoredLink#normalize(Object)}.
   */
  List<StoredLink> links(AssociationInfo association);
}

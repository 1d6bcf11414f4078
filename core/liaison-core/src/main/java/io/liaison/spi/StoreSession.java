package io.liaison.spi;

import io.liaison.Query;
import io.liaison.Where;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction on the store. Every method costs a small constant number of round trips (a
 * statement, a query or one batch each), whatever the size of its collections; most cost one. Store
 * failures are thrown as {@link io.liaison.StoreException}, {@link
 * io.liaison.TransientStoreException} or {@link io.liaison.ConflictException}, the original as
 * cause.
 *
 * <p>Rows are maps keyed by attribute name; implicit attributes ({@link AttributeInfo#declared()}
 * false) are read and written like the others.
 */
public interface StoreSession extends AutoCloseable {

  // ---- entities

  /**
   * Inserts rows of one model; returns them in the same order with generated ids filled in. Rows
   * lacking a generated id get one from the store.
   */
  List<Map<String, Object>> insert(ModelInfo model, List<Map<String, Object>> rows);

  /** Rows whose {@code attribute} value is one of {@code values} (in no particular order). */
  List<Map<String, Object>> findBy(ModelInfo model, String attribute, Collection<?> values);

  /** Rows matching the query's {@code where}, {@code order}, {@code limit} and {@code offset}. */
  List<Map<String, Object>> find(ModelInfo model, Query query);

  long count(ModelInfo model, Where where);

  /** Updates the given attributes of rows identified by id; returns how many rows matched. */
  int update(ModelInfo model, List<Map<String, Object>> rows);

  /**
   * Deletes rows by id, applying the onDelete rules of the foreign keys that reference them (SQL:
   * constraints; graph: emulated in this transaction). RESTRICT/NO_ACTION with dependants throws
   * {@link io.liaison.ConflictException}. Returns how many rows were deleted.
   */
  int delete(ModelInfo model, Collection<?> ids);

  // ---- links

  /**
   * Targets linked to any of the sources, in one round trip whatever the number of sources, with
   * the query's filters (target {@code where}, through {@code throughWhere}) and order; ties are
   * broken by the target's id. {@code limit} and {@code offset} apply <em>per source</em> (the
   * first N targets of each), as eager loading needs. Rows of one source come in order; rows of
   * different sources may interleave. Each row's {@code through} holds the junction's key and
   * payload attributes, not the link id, which is in {@code linkId}.
   *
   * <p>Filters may hold {@link io.liaison.Where.Has} parts (here and in {@link #find} and {@link
   * #count(ModelInfo, Where)}), always with {@link io.liaison.Where.Has#info()} set: compile them
   * as a semi-join (SQL {@code EXISTS}, a Cypher {@code EXISTS} subquery), never as a join that
   * would repeat rows.
   */
  List<TargetRow> targets(AssociationInfo association, Collection<?> sources, Query query);

  /**
   * {@link #targets(AssociationInfo, Collection, Query)} handing the rows to {@code visitor} one at
   * a time, in the same order, instead of listing them: the engine's many-source reads call this
   * one, so an adapter that keeps a read's values in bulk ({@link TargetRows}) makes no {@link
   * TargetRow} per row. The default lists the rows, then visits them.
   */
  default void targets(
      AssociationInfo association, Collection<?> sources, Query query, TargetRow.Visitor visitor) {
    List<TargetRow> rows = targets(association, sources, query);
    visitor.expect(rows.size());
    for (TargetRow r : rows) {
      visitor.row(r.source(), r.target(), r.through(), r.linkId());
    }
  }

  /**
   * Number of links per source (for unique links, of linked targets), filtered like {@link
   * #targets} without paging; sources with none may be absent from the map.
   */
  Map<Object, Long> count(AssociationInfo association, Collection<?> sources, Query query);

  /** The subset of {@code targets} linked to {@code source}. */
  List<Object> linked(AssociationInfo association, Object source, Collection<?> targets);

  /**
   * {@link #linked} for many sources at once: for each source, which of {@code targets} it is
   * linked to (match values in, the given values out; sources linked to none may be absent). One
   * round trip whatever the numbers of sources and targets; the engine asks it only for
   * associations without a scope. The default reads the linked targets with {@link #targets}; an
   * adapter that can select the pairs alone (the keys of the junction, say) saves reading and
   * ordering the targets' rows.
   */
  default Map<Object, Set<Object>> linkedAmong(
      AssociationInfo association, Collection<?> sources, Collection<?> targets) {
    Map<Object, Set<Object>> out = new HashMap<>();
    if (sources.isEmpty() || targets.isEmpty()) {
      return out;
    }
    String key = association.targetMatch();
    for (TargetRow r : targets(association, sources, Query.matching(Where.in(key, targets)))) {
      out.computeIfAbsent(r.source(), k -> new HashSet<>()).add(r.target().get(key));
    }
    return out;
  }

  /**
   * Writes links. belongsToMany unique: inserts new pairs and updates the through attributes of
   * existing ones with those given; not unique: inserts parallel links with the given link ids.
   * hasOne/hasMany: points each target's foreign key at the source. belongsTo: points the source's
   * foreign key at the target. A null {@link LinkRow#linkId()} on a parallel link means the store
   * generates the id.
   */
  void link(AssociationInfo association, List<LinkRow> links);

  /**
   * {@link #link} for a belongsToMany association whose source and target are matched by their ids
   * ({@link AssociationInfo#sourceMatch()} and {@link AssociationInfo#targetMatch()} name the ids),
   * made only if every row's source and every row's target exist: otherwise nothing is written and
   * the answer is false. The engine calls it instead of looking both ends up before {@link #link}
   * (after a false answer it looks them up to name what is missing), so a store that proves the
   * ends exist in the statement that writes, or in one query before it, saves the round trips of
   * the lookups. The rows are not empty. The default looks both ends up with {@link #findBy}, then
   * links.
   */
  default boolean linkExisting(AssociationInfo association, List<LinkRow> links) {
    Set<Object> sources = new HashSet<>();
    Set<Object> targets = new HashSet<>();
    for (LinkRow l : links) {
      sources.add(l.source());
      targets.add(l.target());
    }
    ModelInfo source = association.source();
    ModelInfo target = association.target();
    if (findBy(source, source.id().name(), sources).size() < sources.size()
        || findBy(target, target.id().name(), targets).size() < targets.size()) {
      return false;
    }
    link(association, links);
    return true;
  }

  /**
   * Removes the links between {@code source} and {@code targets} (all its links when {@code
   * targets} is null). hasOne/hasMany apply {@code mode}. Returns how many links were removed.
   */
  int unlink(AssociationInfo association, Object source, Collection<?> targets, UnlinkMode mode);

  /**
   * Removes links of {@code source} by link id ({@link TargetRow#linkId()}); only parallel links
   * (belongsToMany with a junction that is not unique, {@link JunctionInfo#id()} set) have ids. Ids
   * of another source's links, or of no link, are ignored, so a caller cannot reach links through a
   * source it did not name. One round trip whatever the number of ids. Returns how many links were
   * removed.
   *
   * @param association a belongsToMany association whose junction has link ids
   * @param source the source's match value
   * @param linkIds link ids, already of the type of {@link JunctionInfo#id()}
   */
  int unlinkByIds(AssociationInfo association, Object source, Collection<?> linkIds);

  /**
   * Makes the source's links exactly {@code links}, writing only the difference: links to targets
   * not listed are removed (hasOne/hasMany per {@code mode}), new ones are written, and existing
   * ones keep their attributes except those given. For parallel links, all of the source's links
   * are replaced.
   */
  void replace(AssociationInfo association, Object source, List<LinkRow> links, UnlinkMode mode);

  /**
   * {@link #replace} for a belongsToMany association matched by ids, as {@link #linkExisting} is to
   * {@link #link}: made only if the source and every target exist, else nothing is removed or
   * written and the answer is false. The default looks them up with {@link #findBy}, then replaces.
   */
  default boolean replaceExisting(
      AssociationInfo association, Object source, List<LinkRow> links, UnlinkMode mode) {
    Set<Object> targets = new HashSet<>();
    for (LinkRow l : links) {
      targets.add(l.target());
    }
    ModelInfo s = association.source();
    ModelInfo t = association.target();
    if (findBy(s, s.id().name(), List.of(source)).isEmpty()
        || findBy(t, t.id().name(), targets).size() < targets.size()) {
      return false;
    }
    replace(association, source, links, mode);
    return true;
  }

  // ---- transaction

  void commit();

  void rollback();

  /** Ends the transaction, rolling back if neither commit nor rollback was called. */
  @Override
  void close();
}

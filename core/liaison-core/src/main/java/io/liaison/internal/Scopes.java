package io.liaison.internal;

import io.liaison.Association.Kind;
import io.liaison.ConflictException;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sequelize's association scope and through scope: the filter that narrows an association's reads
 * to its scope, the checks that tell whether a write must respect one, and the writes that give
 * targets (or a belongsTo's source) the scope's values. Pure functions of the association and a
 * store session, so a final utility class.
 */
final class Scopes {
  private Scopes() {}

  /**
   * The query narrowed to the association's scope: target values and through values. A belongsTo's
   * scope is on its source and is checked there ({@link #sourceInScope}), not here.
   */
  static Query scoped(AssociationInfo a, Query q) {
    if (a.throughScope().isEmpty() && (a.scope().isEmpty() || a.kind() == Kind.BELONGS_TO)) {
      return q;
    }
    Where where = a.kind() == Kind.BELONGS_TO ? q.where() : withEquals(q.where(), a.scope());
    return new Query(
        where, withEquals(q.throughWhere(), a.throughScope()), q.order(), q.limit(), q.offset());
  }

  static Where withEquals(Where where, Map<String, Object> values) {
    Where out = where;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Where part = Where.eq(e.getKey(), e.getValue());
      out = out == null ? part : out.and(part);
    }
    return out;
  }

  /** hasOne, hasMany and belongsToMany with a scope on their targets, which writes must respect. */
  static boolean targetScoped(AssociationInfo a) {
    return a.kind() != Kind.BELONGS_TO && !a.scope().isEmpty();
  }

  /**
   * Whether links of {@code a} can be written with {@link StoreSession#linkExisting}, which proves
   * both ends exist as it writes: a belongsToMany matching both ends on their ids, with no scope to
   * apply.
   */
  static boolean linksByIds(AssociationInfo a, ModelMeta sourceMeta, ModelMeta targetMeta) {
    return a.kind() == Kind.BELONGS_TO_MANY
        && a.sourceMatch().equals(sourceMeta.id().name())
        && a.targetMatch().equals(targetMeta.id().name())
        && !scopedWrites(a);
  }

  /**
   * Writes (and removals) that must respect a scope on targets or on links, so cannot use the
   * store's replace as is; also the associations whose reads {@link #scoped} filters.
   */
  static boolean scopedWrites(AssociationInfo a) {
    return targetScoped(a) || !a.throughScope().isEmpty();
  }

  /** Through values with the through scope's values over them (Sequelize: the scope wins). */
  static Map<String, Object> withThroughScope(AssociationInfo a, Map<String, Object> through) {
    if (a.throughScope().isEmpty()) {
      return through;
    }
    Map<String, Object> out = new LinkedHashMap<>(through);
    out.putAll(a.throughScope());
    return out;
  }

  /**
   * belongsTo with a scope on its source: true when the source has the scope's values (or there is
   * no scope).
   */
  static boolean sourceInScope(
      StoreSession s, AssociationInfo a, ModelMeta sourceMeta, Object sourceId) {
    if (a.kind() != Kind.BELONGS_TO || a.scope().isEmpty()) {
      return true;
    }
    List<Map<String, Object>> rows =
        s.findBy(sourceMeta.info(), sourceMeta.id().name(), List.of(sourceId));
    return !rows.isEmpty() && a.inScope(rows.get(0));
  }

  /**
   * The subset of {@code targets} (match values) linked to the source and in the association's
   * scope.
   */
  static List<Object> linkedInScope(
      StoreSession s, AssociationInfo a, Object sourceMatch, Collection<Object> targets) {
    if (!scopedWrites(a)) {
      return s.linked(a, sourceMatch, targets);
    }
    Query only = scoped(a, Query.matching(Where.in(a.targetMatch(), targets)));
    List<Object> out = new ArrayList<>();
    for (TargetRow r : s.targets(a, List.of(sourceMatch), only)) {
      out.add(r.target().get(a.targetMatch()));
    }
    return out;
  }

  /**
   * add or set on a scoped hasOne/hasMany/belongsToMany: the store's replace would also drop
   * targets outside the scope (polymorphic associations share a foreign key; through-scoped
   * associations share a junction), so the difference is computed here from the targets in scope;
   * then the new targets get the scope's values. On parallel links a set replaces every link in the
   * scope, as the store's replace replaces every link of the source: each occurrence of a target is
   * a new link, so the links a staying target had in the scope are dropped, not kept beside the new
   * ones.
   */
  static void writeScoped(
      StoreSession s,
      AssociationInfo a,
      ModelMeta targetMeta,
      Object sourceMatch,
      List<LinkRow> rows,
      boolean replace,
      UnlinkMode mode) {
    if (replace) {
      // Parallel links are replaced whole, as the store's replace does: every link in scope goes.
      boolean parallel = a.kind() == Kind.BELONGS_TO_MANY && !a.through().unique();
      Set<Object> keep = new LinkedHashSet<>();
      for (LinkRow r : parallel ? List.<LinkRow>of() : rows) {
        keep.add(r.target());
      }
      List<Object> drop = new ArrayList<>();
      for (TargetRow r : s.targets(a, List.of(sourceMatch), scoped(a, Query.ALL))) {
        Object tm = r.target().get(a.targetMatch());
        if (parallel) {
          drop.add(r.linkId()); // by id: the target's links out of the scope stay
        } else if (!keep.contains(tm)) {
          drop.add(tm);
        }
      }
      if (!drop.isEmpty() && parallel) {
        s.unlinkByIds(a, sourceMatch, drop);
      } else if (!drop.isEmpty()) {
        s.unlink(a, sourceMatch, drop, mode);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    refuseLinksOutsideScope(s, a, rows);
    s.link(a, rows);
    if (a.kind() != Kind.BELONGS_TO_MANY) {
      List<Object> ids = new ArrayList<>();
      for (LinkRow r : rows) {
        ids.add(r.target());
      }
      giveScope(s, a, targetMeta, ids);
    }
  }

  /**
   * A unique belongsToMany with a through scope shares its junction with links outside the scope
   * (an editor's and a reviewer's link of the same book and article). A unique pair has one link,
   * so a pair already linked outside the scope cannot be linked in it too; writing it would take
   * the other association's link over (on SQL its one row, on a graph its one relationship).
   * Refused, as Sequelize's insert of the second row is refused by the junction's key. Two reads,
   * only for such associations.
   */
  static void refuseLinksOutsideScope(StoreSession s, AssociationInfo a, List<LinkRow> rows) {
    if (a.kind() != Kind.BELONGS_TO_MANY
        || !a.through().unique()
        || a.throughScope().isEmpty()
        || rows.isEmpty()) {
      return;
    }
    Set<Object> sources = new LinkedHashSet<>();
    Set<Object> targets = new LinkedHashSet<>();
    for (LinkRow r : rows) {
      sources.add(r.source());
      targets.add(r.target());
    }
    Map<Object, Set<Object>> linked = s.linkedAmong(a, sources, targets);
    if (linked.isEmpty()) {
      return;
    }
    Set<List<Object>> inScope = new HashSet<>();
    for (TargetRow r :
        s.targets(a, sources, scoped(a, Query.matching(Where.in(a.targetMatch(), targets))))) {
      inScope.add(List.of(r.source(), r.target().get(a.targetMatch())));
    }
    for (LinkRow r : rows) {
      if (linked.getOrDefault(r.source(), Set.of()).contains(r.target())
          && !inScope.contains(List.of(r.source(), r.target()))) {
        throw new ConflictException(
            a.name()
                + ": the "
                + a.source().name()
                + " with "
                + a.sourceMatch()
                + " "
                + ValueTypes.describe(r.source())
                + " is already linked to the "
                + a.target().name()
                + " with "
                + a.targetMatch()
                + " "
                + ValueTypes.describe(r.target())
                + " through "
                + a.through().name()
                + " outside this association's through scope "
                + a.throughScope()
                + "; a unique pair has one link (declare unique(false) for one link per scope)");
      }
    }
  }

  /**
   * Writes the scope's values onto rows of the model holding them (hasOne/hasMany targets,
   * belongsTo sources).
   */
  static void giveScope(StoreSession s, AssociationInfo a, ModelMeta holder, List<Object> ids) {
    if (a.scope().isEmpty() || a.kind() == Kind.BELONGS_TO_MANY || ids.isEmpty()) {
      return;
    }
    List<Map<String, Object>> updates = new ArrayList<>(ids.size());
    for (Object id : ids) {
      Map<String, Object> row = new LinkedHashMap<>(a.scope());
      row.put(holder.id().name(), id);
      updates.add(row);
    }
    s.update(holder.info(), updates);
  }

  /**
   * Sets the scope's values on a new target before it is inserted (hasOne, hasMany, belongsToMany).
   */
  static void giveScope(AssociationInfo a, ModelMeta targetMeta, Object target) {
    if (a.kind() == Kind.BELONGS_TO) {
      return;
    }
    for (Map.Entry<String, Object> e : a.scope().entrySet()) {
      EntityMapper.setAttribute(targetMeta, target, e.getKey(), e.getValue());
    }
  }
}

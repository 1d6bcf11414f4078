package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.BatchAccessor;
import io.liaison.InvalidCallException;
import io.liaison.LinkBetween;
import io.liaison.LinkedTarget;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.TargetRow;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link BatchAccessor}: the many-source operations. Each resolves all sources in one query (none
 * when sources are addressed by id and need not exist), all targets in another, then makes one SPI
 * call.
 */
final class InternalBatchAccessor<T> implements BatchAccessor<T> {
  private final InternalSession session;
  private final AssociationInfo a;
  private final ModelMeta sourceMeta;
  private final ModelMeta targetMeta;
  private final Class<T> targetType;

  InternalBatchAccessor(InternalSession session, Association<?, T> declaration) {
    if (declaration == null) {
      throw new InvalidCallException("batch(association): association is null");
    }
    this.session = session;
    this.a = session.resolved.associations().get(declaration);
    if (a == null) {
      throw new InvalidCallException(
          "Association " + declaration + " is not declared in this schema");
    }
    this.sourceMeta = session.resolve.meta(declaration.source());
    this.targetMeta = session.resolve.meta(declaration.target());
    this.targetType = declaration.target();
  }

  /** The operation {@code op}, as messages name it: {@code Book.articles.links().addAll}. */
  private Call call(String op) {
    return Call.of(a.name() + ".batch()." + op);
  }

  @Override
  public void addAll(Collection<LinkBetween> pairs) {
    Call call = call("addAll");
    List<Object> sourceIds = new ArrayList<>();
    List<Object> targetIds = new ArrayList<>();
    List<Map<String, Object>> throughs = new ArrayList<>();
    Map<Object, Object> sourceOfTarget = new LinkedHashMap<>();
    Call pair = call.about("a pair");
    Call source = call.about("source");
    Call target = call.about("target");
    for (LinkBetween p : call.notNull(pairs, "pairs")) {
      pair.notNull(p);
      Object sid = session.resolve.idOf(sourceMeta, p.source(), source);
      Object tid = session.resolve.idOf(targetMeta, p.target(), target);
      if (a.kind() == Kind.HAS_MANY) {
        Object before = sourceOfTarget.put(tid, sid);
        if (before != null && !before.equals(sid)) {
          throw new InvalidCallException(
              call
                  + ": the "
                  + targetMeta.name()
                  + " with id "
                  + ValueTypes.describe(tid)
                  + " is given for two sources ("
                  + ValueTypes.describe(before)
                  + " and "
                  + ValueTypes.describe(sid)
                  + "); a hasMany target has one source");
        }
      }
      sourceIds.add(sid);
      targetIds.add(tid);
      throughs.add(
          Scopes.withThroughScope(
              a,
              a.through() == null || p.through() == null
                  ? Map.of()
                  : session.throughs.values(a, p.through(), call)));
      if (a.through() == null && p.through() != null) {
        throw new InvalidCallException(
            call
                + ": through attributes need a belongsToMany association; "
                + a.name()
                + " is "
                + a.kind());
      }
    }
    if (sourceIds.isEmpty()) {
      return;
    }
    Object[] synced =
        session.run(
            s -> {
              if (Scopes.linksByIds(a, sourceMeta, targetMeta)
                  && s.linkExisting(
                      a,
                      LinkRows.of(
                          a, sourceIds.size(), sourceIds::get, targetIds::get, throughs, false))) {
                return new Object[] {null};
              }
              // look both ends up: to map ids to the matched keys, and after a verified write found
              // one missing, to name it
              Map<Object, Object> sms =
                  session.resolve.matchValues(
                      s, sourceMeta, distinct(sourceIds), a.sourceMatch(), true, source);
              Map<Object, Object> tms =
                  session.resolve.matchValues(
                      s, targetMeta, distinct(targetIds), a.targetMatch(), true, target);
              List<LinkRow> rows =
                  LinkRows.of(
                      a,
                      sourceIds.size(),
                      i -> sms.get(sourceIds.get(i)),
                      i -> tms.get(targetIds.get(i)),
                      throughs,
                      false);
              Scopes.refuseLinksOutsideScope(s, a, rows);
              s.link(a, rows);
              Scopes.giveScope(s, a, targetMeta, distinct(targetIds));
              return new Object[] {sms};
            });
    if (a.kind() == Kind.HAS_MANY) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> sms = (Map<Object, Object>) synced[0];
      int i = 0;
      for (LinkBetween p : pairs) {
        if (targetMeta.type().isInstance(p.target())) {
          EntityMapper.setAttribute(
              targetMeta, p.target(), a.foreignKey(), sms.get(sourceIds.get(i)));
        }
        i++;
      }
    }
  }

  @Override
  public Map<Object, List<LinkedTarget<T>>> linkedTargets(Collection<?> sources) {
    return linkedTargets(sources, Query.ALL);
  }

  @Override
  public Map<Object, List<LinkedTarget<T>>> linkedTargets(Collection<?> sources, Query query) {
    Call call = call("linkedTargets");
    Query q =
        Scopes.scoped(
            a,
            session.filters.normalize(call.notNull(query, "query"), a.target(), a.through(), call));
    List<?> given = Args.noNulls(sources, call.toString(), "sources");
    List<Object> ids = ids(given, call);
    Map<Object, List<LinkedTarget<T>>> out = new LinkedHashMap<>();
    for (Object g : given) {
      out.put(g, new ArrayList<>());
    }
    if (given.isEmpty()) {
      return out;
    }
    return session.read(
        s -> {
          Map<Object, Object> sms =
              session.resolve.matchValues(
                  s, sourceMeta, distinct(ids), a.sourceMatch(), false, call);
          if (sms.isEmpty()) {
            return out;
          }
          Map<Object, List<List<LinkedTarget<T>>>> bySource = new LinkedHashMap<>();
          for (int i = 0; i < given.size(); i++) {
            Object sm = sms.get(ids.get(i));
            if (sm != null) {
              bySource.computeIfAbsent(sm, k -> new ArrayList<>()).add(out.get(given.get(i)));
            }
          }
          TargetInstances<T> instances =
              new TargetInstances<>(
                  targetMeta,
                  targetType,
                  q.order().isEmpty() && TargetRow.sortableById(targetMeta.id().type()));
          s.targets(
              a,
              bySource.keySet(),
              q,
              new TargetRow.Visitor() {
                // rows of one source often follow one another (a source's links were added
                // together): the
                // previous row's lists serve without a lookup
                private Object source;
                private List<List<LinkedTarget<T>>> lists = List.of();

                @Override
                public void expect(int rows) {
                  instances.expect(rows);
                }

                @Override
                public void row(
                    Object rowSource,
                    Map<String, Object> target,
                    Map<String, Object> through,
                    Object linkId) {
                  LinkedTarget<T> linked =
                      new LinkedTarget<>(instances.of(target), through, linkId);
                  if (!Objects.equals(rowSource, source)) {
                    source = rowSource;
                    lists = bySource.getOrDefault(rowSource, List.of());
                  }
                  for (List<LinkedTarget<T>> list : lists) {
                    list.add(linked);
                  }
                }
              });
          return out;
        });
  }

  @Override
  public Map<Object, Long> count(Collection<?> sources) {
    return count(sources, Query.ALL);
  }

  @Override
  public Map<Object, Long> count(Collection<?> sources, Query query) {
    Call call = call("count");
    Query q =
        session.filters.normalize(call.notNull(query, "query"), a.target(), a.through(), call);
    Query filters = Scopes.scoped(a, new Query(q.where(), q.throughWhere(), List.of(), null, null));
    List<?> given = Args.noNulls(sources, call.toString(), "sources");
    List<Object> ids = ids(given, call);
    Map<Object, Long> out = new LinkedHashMap<>();
    for (Object g : given) {
      out.put(g, 0L);
    }
    if (given.isEmpty()) {
      return out;
    }
    return session.read(
        s -> {
          Map<Object, Object> sms =
              session.resolve.matchValues(
                  s, sourceMeta, distinct(ids), a.sourceMatch(), false, call);
          if (sms.isEmpty()) {
            return out;
          }
          Map<Object, Long> counts = s.count(a, new LinkedHashSet<>(sms.values()), filters);
          for (int i = 0; i < given.size(); i++) {
            Object sm = sms.get(ids.get(i));
            out.put(given.get(i), sm == null ? 0L : counts.getOrDefault(sm, 0L));
          }
          return out;
        });
  }

  @Override
  public List<Boolean> has(List<LinkBetween> pairs) {
    Call call = call("has");
    List<Object> sourceIds = new ArrayList<>();
    List<Object> targetIds = new ArrayList<>();
    Call pair = call.about("a pair");
    Call source = call.about("source");
    Call target = call.about("target");
    for (LinkBetween p : call.notNull(pairs, "pairs")) {
      pair.notNull(p);
      sourceIds.add(session.resolve.idOf(sourceMeta, p.source(), source));
      targetIds.add(session.resolve.idOf(targetMeta, p.target(), target));
    }
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return session.read(
        s -> {
          Map<Object, Object> sms =
              session.resolve.matchValues(
                  s, sourceMeta, distinct(sourceIds), a.sourceMatch(), false, call);
          Map<Object, Object> tms =
              session.resolve.matchValues(
                  s, targetMeta, distinct(targetIds), a.targetMatch(), false, call);
          Map<Object, Set<Object>> linked = new HashMap<>();
          Set<Object> sources = new LinkedHashSet<>(sms.values());
          Set<Object> targets = new LinkedHashSet<>(tms.values());
          if (sources.isEmpty() || targets.isEmpty()) {
            linked = Map.of();
          } else if (!Scopes.scopedWrites(a)) {
            // no scope: the store selects the linked pairs alone
            linked = s.linkedAmong(a, sources, targets);
          } else {
            // a scope filters the targets or the links: read the linked targets in scope
            Query only = Scopes.scoped(a, Query.matching(Where.in(a.targetMatch(), targets)));
            for (TargetRow r : s.targets(a, sources, only)) {
              linked
                  .computeIfAbsent(r.source(), k -> new HashSet<>())
                  .add(r.target().get(a.targetMatch()));
            }
          }
          List<Boolean> out = new ArrayList<>(sourceIds.size());
          for (int i = 0; i < sourceIds.size(); i++) {
            Object sm = sms.get(sourceIds.get(i));
            Object tm = tms.get(targetIds.get(i));
            out.add(sm != null && tm != null && linked.getOrDefault(sm, Set.of()).contains(tm));
          }
          return out;
        });
  }

  private List<Object> ids(List<?> given, Call call) {
    List<Object> ids = new ArrayList<>(given.size());
    Call label = call.about("source");
    for (Object g : given) {
      ids.add(session.resolve.idOf(sourceMeta, g, label));
    }
    return ids;
  }

  /** The values, each once, in their first order (one pass; ids are never null here). */
  private static List<Object> distinct(List<Object> values) {
    Set<Object> seen = new HashSet<>(values.size() * 2);
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      if (seen.add(v)) {
        out.add(v);
      }
    }
    return out;
  }
}

package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.LinkedTarget;
import io.liaison.ManyAccessor;
import io.liaison.NewLink;
import io.liaison.Query;
import io.liaison.Unlink;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ManyAccessor}: a hasMany or belongsToMany association from one source. Every argument is
 * checked before the first write; each operation runs in one store transaction.
 */
final class InternalManyAccessor<T> extends Accessor<T> implements ManyAccessor<T> {
  InternalManyAccessor(InternalSession session, Association<?, T> declaration, Object source) {
    super(session, declaration, source);
  }

  private InternalManyAccessor(InternalManyAccessor<T> other, UnlinkMode mode) {
    super(other, mode);
  }

  @Override
  public ManyAccessor<T> unlinking(Unlink how) {
    UnlinkMode m = unlinkMode(how);
    return m == mode ? this : new InternalManyAccessor<>(this, m);
  }

  private List<TargetRow> rows(Query query, Call call) {
    Query q = filters.normalize(call.notNull(query, "query"), a.target(), a.through(), call);
    return session.read(
        s -> {
          Object sm = sourceMatch(s, false, call);
          return sm == null ? List.<TargetRow>of() : s.targets(a, List.of(sm), Scopes.scoped(a, q));
        });
  }

  @Override
  public List<T> get() {
    return get(Query.ALL);
  }

  @Override
  public List<T> get(Query query) {
    List<TargetRow> rows = rows(query, call("get"));
    List<T> out = new ArrayList<>(rows.size());
    EntityMapper.RowReader reader = new EntityMapper.RowReader(targetMeta);
    for (TargetRow r : rows) {
      out.add(targetType.cast(reader.toEntity(r.target())));
    }
    return out;
  }

  @Override
  public List<LinkedTarget<T>> linkedTargets() {
    return linkedTargets(Query.ALL);
  }

  @Override
  public List<LinkedTarget<T>> linkedTargets(Query query) {
    List<TargetRow> rows = rows(query, call("linkedTargets"));
    List<LinkedTarget<T>> out = new ArrayList<>(rows.size());
    EntityMapper.RowReader reader = new EntityMapper.RowReader(targetMeta);
    for (TargetRow r : rows) {
      out.add(
          new LinkedTarget<>(
              targetType.cast(reader.toEntity(r.target())), r.through(), r.linkId()));
    }
    return out;
  }

  @Override
  public long count() {
    return count(Query.ALL);
  }

  @Override
  public long count(Query query) {
    Call call = call("count");
    Query q = filters.normalize(call.notNull(query, "query"), a.target(), a.through(), call);
    Query filters = Scopes.scoped(a, new Query(q.where(), q.throughWhere(), List.of(), null, null));
    return session.read(
        s -> {
          Object sm = sourceMatch(s, false, call);
          if (sm == null) {
            return 0L;
          }
          return s.count(a, List.of(sm), filters).values().stream()
              .mapToLong(Long::longValue)
              .sum();
        });
  }

  @Override
  public boolean has(Object target) {
    return hasAll(List.of(call("has").about("target").notNull(target)));
  }

  @Override
  public boolean hasAll(Collection<?> targets) {
    Call call = call("hasAll");
    List<Object> ids = targetIds(call.notNull(targets, "targets"), call);
    if (ids.isEmpty()) {
      return true;
    }
    Set<Object> distinct = new LinkedHashSet<>(ids);
    return session.read(
        s -> {
          Object sm = sourceMatch(s, false, call);
          if (sm == null) {
            return false;
          }
          Map<Object, Object> tms =
              resolve.matchValues(
                  s, targetMeta, List.copyOf(distinct), a.targetMatch(), false, call);
          if (tms.size() < distinct.size()) {
            return false;
          }
          Set<Object> wanted = new LinkedHashSet<>(tms.values());
          return new LinkedHashSet<>(Scopes.linkedInScope(s, a, sm, wanted)).containsAll(wanted);
        });
  }

  @Override
  public void add(Object target) {
    Call call = call("add");
    write(List.of(NewLink.to(call.about("target").notNull(target))), call, false);
  }

  @Override
  public void add(Object target, Object through) {
    Call call = call("add");
    write(List.of(NewLink.to(call.about("target").notNull(target), through)), call, false);
  }

  @Override
  public void addAll(Collection<?> targets) {
    addAll(targets, null);
  }

  @Override
  public void addAll(Collection<?> targets, Object through) {
    Call call = call("addAll");
    write(toLinks(targets, through, call), call, false);
  }

  @Override
  public void addAll(List<NewLink> links) {
    Call call = call("addAll");
    write(call.notNull(links, "links"), call, false);
  }

  @Override
  public void set(Collection<?> targets) {
    set(targets, null);
  }

  @Override
  public void set(Collection<?> targets, Object through) {
    Call call = call("set");
    write(targets == null ? List.of() : toLinks(targets, through, call), call, true);
  }

  @Override
  public void setAll(List<NewLink> links) {
    write(links == null ? List.of() : links, call("setAll"), true);
  }

  private List<NewLink> toLinks(Collection<?> targets, Object through, Call call) {
    List<NewLink> links = new ArrayList<>(call.notNull(targets, "targets").size());
    Call target = call.about("a target");
    for (Object t : targets) {
      links.add(NewLink.to(target.notNull(t), through));
    }
    return links;
  }

  /**
   * add (replace false) or set (replace true): checks everything, then one link or replace call.
   */
  private void write(List<NewLink> links, Call call, boolean replace) {
    List<Object> ids = new ArrayList<>(links.size());
    List<Map<String, Object>> throughs = new ArrayList<>(links.size());
    Call link = call.about("a link");
    Call target = call.about("target");
    for (NewLink l : links) {
      ids.add(resolve.idOf(targetMeta, link.notNull(l).target(), target));
      throughs.add(Scopes.withThroughScope(a, throughValues(l.through(), call)));
    }
    Object sm =
        session.run(
            s -> {
              if ((replace || !ids.isEmpty()) && Scopes.linksByIds(a, sourceMeta, targetMeta)) {
                List<LinkRow> rows =
                    LinkRows.of(a, ids.size(), i -> sourceId, ids::get, throughs, true);
                if (replace
                    ? s.replaceExisting(a, sourceId, rows, mode)
                    : s.linkExisting(a, rows)) {
                  return sourceId;
                }
              }
              // look both ends up: to map ids to the matched keys, and after a verified write
              // found one missing, to name it
              Object source = sourceMatch(s, true, call);
              Map<Object, Object> tms =
                  resolve.matchValues(
                      s,
                      targetMeta,
                      List.copyOf(new LinkedHashSet<>(ids)),
                      a.targetMatch(),
                      true,
                      target);
              List<LinkRow> rows =
                  LinkRows.of(a, ids.size(), i -> source, i -> tms.get(ids.get(i)), throughs, true);
              if (Scopes.scopedWrites(a)) {
                Scopes.writeScoped(s, a, targetMeta, source, rows, replace, mode);
              } else if (replace) {
                s.replace(a, source, rows, mode);
              } else if (!rows.isEmpty()) {
                s.link(a, rows);
              }
              return source;
            });
    if (a.kind() == Kind.HAS_MANY) {
      for (NewLink l : links) {
        syncKeyField(l.target(), targetMeta, sm);
        if (targetMeta.type().isInstance(l.target())) {
          Scopes.giveScope(a, targetMeta, l.target());
        }
      }
    }
  }

  /** {@code call} is named in a refusal. */
  private Map<String, Object> throughValues(Object through, Call call) {
    if (through == null) {
      return Map.of();
    }
    if (a.kind() != Kind.BELONGS_TO_MANY) {
      throw new InvalidCallException(
          call
              + ": a hasMany link carries no through attributes, but got "
              + ValueTypes.describe(through));
    }
    return throughs.values(a, through, call);
  }

  @Override
  public T create(T target) {
    return create(target, null);
  }

  @Override
  public T create(T target, Object through) {
    Call call = call("create");
    ModelMeta m = resolve.metaOf(call.about("target").notNull(target), call.about("target"));
    if (m != targetMeta) {
      throw new InvalidCallException(
          call + ": expected a new " + targetMeta.name() + " but got a " + m.name());
    }
    Map<String, Object> th = Scopes.withThroughScope(a, throughValues(through, call));
    Scopes.giveScope(a, targetMeta, target);
    session.run(
        s -> {
          Object sm = sourceMatch(s, true, call);
          if (a.kind() == Kind.HAS_MANY) {
            Map<String, Object> extra = new LinkedHashMap<>(a.scope());
            extra.put(a.foreignKey(), sm);
            entities.insertRows(s, m, List.of(target), extra, call);
            syncKeyField(target, targetMeta, sm);
          } else {
            Map<String, Object> row =
                entities
                    .insertRows(s, m, List.of(target), a.scope().isEmpty() ? null : a.scope(), call)
                    .get(0);
            Object tm = targetMatchOf(row, target);
            s.link(a, List.of(new LinkRow(sm, tm, th, null)));
          }
          return null;
        });
    return target;
  }

  private Object targetMatchOf(Map<String, Object> row, Object target) {
    String attr = a.targetMatch();
    Object v =
        row.containsKey(attr)
            ? row.get(attr)
            : EntityMapper.get(targetMeta.fields().get(attr), target);
    if (v == null) {
      throw new InvalidCallException(
          call("create")
              + ": the new "
              + targetMeta.name()
              + " has no value for key '"
              + attr
              + "'");
    }
    return v;
  }

  @Override
  public void remove(Object target) {
    Call call = call("remove");
    remove(List.of(call.about("target").notNull(target)), call);
  }

  @Override
  public void removeAll(Collection<?> targets) {
    Call call = call("removeAll");
    remove(call.notNull(targets, "targets"), call);
  }

  /** remove or removeAll, named {@code call} in errors. */
  private void remove(Collection<?> targets, Call call) {
    List<Object> ids = targetIds(targets, call);
    if (ids.isEmpty()) {
      return;
    }
    Object unlinkedFrom =
        session.run(
            s -> {
              Object sm = sourceMatch(s, true, call);
              Map<Object, Object> tms =
                  resolve.matchValues(
                      s,
                      targetMeta,
                      List.copyOf(new LinkedHashSet<>(ids)),
                      a.targetMatch(),
                      true,
                      call.about("target"));
              List<Object> unlink = new ArrayList<>(new LinkedHashSet<>(tms.values()));
              if (Scopes.scopedWrites(a)) {
                unlink = Scopes.linkedInScope(s, a, sm, unlink);
                if (unlink.isEmpty()) {
                  return null;
                }
              }
              s.unlink(a, sm, unlink, mode);
              return sm;
            });
    if (unlinkedFrom != null && mode == UnlinkMode.NULLIFY) {
      for (Object target : targets) {
        clearKeyFieldIfLinkedTo(target, unlinkedFrom);
      }
    }
  }

  @Override
  public boolean removeLink(Object linkId) {
    Call call = call("removeLink");
    return removeLinks(List.of(call.about("linkId").notNull(linkId)), call) > 0;
  }

  @Override
  public int removeLinks(Collection<?> linkIds) {
    Call call = call("removeLinks");
    return removeLinks(call.notNull(linkIds, "linkIds"), call);
  }

  private int removeLinks(Collection<?> linkIds, Call call) {
    JunctionInfo j = a.through();
    if (j == null || j.unique() || j.id() == null) {
      throw new InvalidCallException(
          call
              + ": links have ids only on belongsToMany with unique(false); "
              + a.name()
              + " is "
              + (j == null ? a.kind().toString() : "unique")
              + ", use remove(target)");
    }
    Set<Object> ids = new LinkedHashSet<>();
    Call linkId = call.about("a link id");
    for (Object id : linkIds) {
      linkId.notNull(id);
      ids.add(
          ValueTypes.isStoredAsIs(id, j.id().type())
              ? id
              : ValueTypes.coerce(
                  id, j.id().type(), call + ": link id " + j.name() + "." + j.id().name()));
    }
    if (ids.isEmpty()) {
      return 0;
    }
    return session.run(s -> s.unlinkByIds(a, sourceMatch(s, true, call), List.copyOf(ids)));
  }
}

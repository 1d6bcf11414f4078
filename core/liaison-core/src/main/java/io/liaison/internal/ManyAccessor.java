package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.Link;
import io.liaison.Linked;
import io.liaison.ManyLinks;
import io.liaison.Query;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.TargetRow;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ManyLinks}: a hasMany or belongsToMany association from one source. Every argument is
 * checked before the first write; each operation runs in one store transaction.
 */
final class ManyAccessor<T> extends Accessor<T> implements ManyLinks<T> {
  ManyAccessor(InternalSession session, Association<?, T> declaration, Object source) {
    super(session, declaration, source);
  }

  private List<TargetRow> rows(Query query, String op) {
    Query q =
        filters.normalize(
            Args.notNull(query, what(op) + "(query)"), a.target(), a.through(), what(op));
    return session.read(
        s -> {
          Object sm = sourceMatch(s, false, op);
          return sm == null ? List.<TargetRow>of() : s.targets(a, List.of(sm), Scopes.scoped(a, q));
        });
  }

  @Override
  public List<T> get() {
    return get(Query.ALL);
  }

  @Override
  public List<T> get(Query query) {
    List<TargetRow> rows = rows(query, "get");
    List<T> out = new ArrayList<>(rows.size());
    EntityMapper.RowReader reader = new EntityMapper.RowReader(targetMeta);
    for (TargetRow r : rows) {
      out.add(targetType.cast(reader.toEntity(r.target())));
    }
    return out;
  }

  @Override
  public List<Linked<T>> links() {
    return links(Query.ALL);
  }

  @Override
  public List<Linked<T>> links(Query query) {
    List<TargetRow> rows = rows(query, "links");
    List<Linked<T>> out = new ArrayList<>(rows.size());
    EntityMapper.RowReader reader = new EntityMapper.RowReader(targetMeta);
    for (TargetRow r : rows) {
      out.add(new Linked<>(targetType.cast(reader.toEntity(r.target())), r.through(), r.linkId()));
    }
    return out;
  }

  @Override
  public long count() {
    return count(Query.ALL);
  }

  @Override
  public long count(Query query) {
    Query q =
        filters.normalize(
            Args.notNull(query, what("count") + "(query)"), a.target(), a.through(), what("count"));
    Query filters = Scopes.scoped(a, new Query(q.where(), q.throughWhere(), List.of(), null, null));
    return session.read(
        s -> {
          Object sm = sourceMatch(s, false, "count");
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
    return hasAll(List.of(Args.notNull(target, what("has") + ": target")));
  }

  @Override
  public boolean hasAll(Collection<?> targets) {
    List<Object> ids = targetIds(Args.notNull(targets, what("hasAll") + "(targets)"), "hasAll");
    if (ids.isEmpty()) {
      return true;
    }
    Set<Object> distinct = new LinkedHashSet<>(ids);
    return session.read(
        s -> {
          Object sm = sourceMatch(s, false, "hasAll");
          if (sm == null) {
            return false;
          }
          Map<Object, Object> tms =
              resolve.matchValues(
                  s, targetMeta, List.copyOf(distinct), a.targetMatch(), false, what("hasAll"));
          if (tms.size() < distinct.size()) {
            return false;
          }
          Set<Object> wanted = new LinkedHashSet<>(tms.values());
          return new LinkedHashSet<>(Scopes.linkedInScope(s, a, sm, wanted)).containsAll(wanted);
        });
  }

  @Override
  public void add(Object target) {
    write(List.of(Link.to(Args.notNull(target, what("add") + ": target"))), "add", false);
  }

  @Override
  public void add(Object target, Object through) {
    write(List.of(Link.to(Args.notNull(target, what("add") + ": target"), through)), "add", false);
  }

  @Override
  public void addAll(Collection<?> targets) {
    addAll(targets, null);
  }

  @Override
  public void addAll(Collection<?> targets, Object through) {
    write(toLinks(targets, through, "addAll"), "addAll", false);
  }

  @Override
  public void addAll(List<Link> links) {
    write(Args.notNull(links, what("addAll") + "(links)"), "addAll", false);
  }

  @Override
  public void set(Collection<?> targets) {
    set(targets, null);
  }

  @Override
  public void set(Collection<?> targets, Object through) {
    write(targets == null ? List.of() : toLinks(targets, through, "set"), "set", true);
  }

  @Override
  public void setAll(List<Link> links) {
    write(links == null ? List.of() : links, "setAll", true);
  }

  private List<Link> toLinks(Collection<?> targets, Object through, String op) {
    List<Link> links = new ArrayList<>(Args.notNull(targets, what(op) + "(targets)").size());
    String targetLabel = what(op) + ": a target";
    for (Object t : targets) {
      links.add(Link.to(Args.notNull(t, targetLabel), through));
    }
    return links;
  }

  /**
   * add (replace false) or set (replace true): checks everything, then one link or replace call.
   */
  private void write(List<Link> links, String op, boolean replace) {
    List<Object> ids = new ArrayList<>(links.size());
    List<Map<String, Object>> throughs = new ArrayList<>(links.size());
    // The labels name the call in errors; built once here rather than for every link.
    String opLabel = what(op);
    String linkLabel = opLabel + ": a link";
    String targetLabel = opLabel + ": target";
    for (Link l : links) {
      ids.add(resolve.idOf(targetMeta, Args.notNull(l, linkLabel).target(), targetLabel));
      throughs.add(Scopes.withThroughScope(a, throughValues(l.through(), opLabel)));
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
              Object source = sourceMatch(s, true, op);
              Map<Object, Object> tms =
                  resolve.matchValues(
                      s,
                      targetMeta,
                      List.copyOf(new LinkedHashSet<>(ids)),
                      a.targetMatch(),
                      true,
                      what(op) + ": target");
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
      for (Link l : links) {
        syncKeyField(l.target(), targetMeta, sm);
        if (targetMeta.type().isInstance(l.target())) {
          Scopes.giveScope(a, targetMeta, l.target());
        }
      }
    }
  }

  /**
   * {@code what} names the call ({@link #what(String)}), given by the caller so a loop builds it
   * once.
   */
  private Map<String, Object> throughValues(Object through, String what) {
    if (through == null) {
      return Map.of();
    }
    if (a.kind() != Kind.BELONGS_TO_MANY) {
      throw new InvalidCallException(
          what
              + ": a hasMany link carries no through attributes, but got "
              + ValueTypes.describe(through));
    }
    return throughs.values(a, through, what);
  }

  @Override
  public T create(T target) {
    return create(target, null);
  }

  @Override
  public T create(T target, Object through) {
    ModelMeta m =
        resolve.metaOf(
            Args.notNull(target, what("create") + ": target"), what("create") + ": target");
    if (m != targetMeta) {
      throw new InvalidCallException(
          what("create") + ": expected a new " + targetMeta.name() + " but got a " + m.name());
    }
    Map<String, Object> th = Scopes.withThroughScope(a, throughValues(through, what("create")));
    Scopes.giveScope(a, targetMeta, target);
    session.run(
        s -> {
          Object sm = sourceMatch(s, true, "create");
          if (a.kind() == Kind.HAS_MANY) {
            Map<String, Object> extra = new LinkedHashMap<>(a.scope());
            extra.put(a.foreignKey(), sm);
            entities.insertRows(s, m, List.of(target), extra, what("create"));
            syncKeyField(target, targetMeta, sm);
          } else {
            Map<String, Object> row =
                entities
                    .insertRows(
                        s,
                        m,
                        List.of(target),
                        a.scope().isEmpty() ? null : a.scope(),
                        what("create"))
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
          what("create")
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
    remove(List.of(Args.notNull(target, what("remove") + ": target")), "remove");
  }

  @Override
  public void removeAll(Collection<?> targets) {
    remove(Args.notNull(targets, what("removeAll") + "(targets)"), "removeAll");
  }

  /** remove or removeAll, named {@code op} in errors. */
  private void remove(Collection<?> targets, String op) {
    List<Object> ids = targetIds(targets, op);
    if (ids.isEmpty()) {
      return;
    }
    session.run(
        s -> {
          Object sm = sourceMatch(s, true, op);
          Map<Object, Object> tms =
              resolve.matchValues(
                  s,
                  targetMeta,
                  List.copyOf(new LinkedHashSet<>(ids)),
                  a.targetMatch(),
                  true,
                  what(op) + ": target");
          List<Object> unlink = new ArrayList<>(new LinkedHashSet<>(tms.values()));
          if (Scopes.scopedWrites(a)) {
            unlink = Scopes.linkedInScope(s, a, sm, unlink);
            if (unlink.isEmpty()) {
              return 0;
            }
          }
          return s.unlink(a, sm, unlink, mode);
        });
  }

  @Override
  public boolean removeLink(Object linkId) {
    return removeLinks(List.of(Args.notNull(linkId, what("removeLink") + ": linkId")), "removeLink")
        > 0;
  }

  @Override
  public int removeLinks(Collection<?> linkIds) {
    return removeLinks(Args.notNull(linkIds, what("removeLinks") + "(linkIds)"), "removeLinks");
  }

  private int removeLinks(Collection<?> linkIds, String op) {
    JunctionInfo j = a.through();
    if (j == null || j.unique() || j.id() == null) {
      throw new InvalidCallException(
          what(op)
              + ": links have ids only on belongsToMany with unique(false); "
              + a.name()
              + " is "
              + (j == null ? a.kind().toString() : "unique")
              + ", use remove(target)");
    }
    Set<Object> ids = new LinkedHashSet<>();
    for (Object id : linkIds) {
      Args.notNull(id, what(op) + ": a link id");
      ids.add(
          ValueTypes.isStoredAsIs(id, j.id().type())
              ? id
              : ValueTypes.coerce(
                  id, j.id().type(), what(op) + ": link id " + j.name() + "." + j.id().name()));
    }
    if (ids.isEmpty()) {
      return 0;
    }
    return session.run(s -> s.unlinkByIds(a, sourceMatch(s, true, op), List.copyOf(ids)));
  }
}

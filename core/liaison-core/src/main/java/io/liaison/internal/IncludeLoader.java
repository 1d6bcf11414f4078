package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.LinkedTarget;
import io.liaison.Loaded;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Eager loading: checks an include tree against the schema (before the store is asked anything),
 * then loads it with one store query for the roots and one per include, each for all parents at
 * once. Required includes become {@link Where.Has} filters on their parent's query, so the store
 * drops parents without a match before paging them.
 */
final class IncludeLoader {

  /** A checked include: what to ask the store, and what to do with the answer. */
  private record Plan(
      Association<?, ?> declaration,
      AssociationInfo info,
      ModelMeta target,
      Query query,
      List<String> throughAttributes,
      List<Plan> children,
      Where exists) {}

  private final InternalSession session;

  IncludeLoader(InternalSession session) {
    this.session = session;
  }

  <T> Loaded<T> findAll(Class<T> model, Query query, List<? extends Include<T, ?>> includes) {
    ModelMeta root =
        session.resolve.meta(model, Call.of("findAll(model, query, includes)").about("model"));
    Call call = Call.of("findAll(" + root.name() + ")");
    Query q =
        session.filters.normalize(call.about("query").notNull(query), root.info(), null, call);
    List<Plan> plans = plans(call.about("includes").notNull(includes), root, call);
    Query rootQuery = withRequired(q, plans);
    return session.read(
        s -> {
          Result<T> result = new Result<>(model);
          for (Map<String, Object> row : s.find(root.info(), rootQuery)) {
            result.roots.add(model.cast(result.entity(root, row)));
          }
          List<Object> parents = new ArrayList<>(result.roots);
          for (Plan p : plans) {
            load(s, p, parents, result);
          }
          return result;
        });
  }

  private List<Plan> plans(List<? extends Include<?, ?>> includes, ModelMeta parent, Call call) {
    List<Plan> out = new ArrayList<>(includes.size());
    Call include = call.about("an include");
    for (Include<?, ?> inc : includes) {
      out.add(plan(include.notNull(inc), parent, call));
    }
    return out;
  }

  private Plan plan(Include<?, ?> inc, ModelMeta parent, Call call) {
    Association<?, ?> declaration = inc.association();
    AssociationInfo info = session.resolved.associations().get(declaration);
    if (info == null) {
      throw new InvalidCallException(
          call + ": include " + declaration + ": the association is not declared in this schema");
    }
    Call label = call.within("include " + info.name());
    if (!info.source().name().equals(parent.name())) {
      throw new InvalidCallException(
          label
              + " loads from "
              + info.source().name()
              + " entities, but it is included under "
              + parent.name());
    }
    if (!info.kind().isMany() && (inc.limit() != null || inc.offset() != null)) {
      throw new InvalidCallException(
          label
              + ": limit and offset need a hasMany or belongsToMany association; "
              + info.name()
              + " is "
              + info.kind());
    }
    ModelMeta target = session.resolve.meta(declaration.target());
    Query own = new Query(inc.where(), inc.throughWhere(), inc.order(), inc.limit(), inc.offset());
    Query q =
        Scopes.scoped(info, session.filters.normalize(own, info.target(), info.through(), label));
    List<String> throughAttributes = throughAttributes(inc, info, label);
    List<Plan> children = plans(inc.includes(), target, call);
    Query withChildren = withRequired(q, children);
    Where exists = null;
    if (inc.isRequired()) {
      exists = new Where.Has(declaration, withChildren.where(), withChildren.throughWhere(), info);
      if (info.kind() == Association.Kind.BELONGS_TO && !info.scope().isEmpty()) {
        exists = Scopes.withEquals(exists, info.scope()); // a belongsTo's scope is on the parent
      }
    }
    return new Plan(declaration, info, target, withChildren, throughAttributes, children, exists);
  }

  private static List<String> throughAttributes(
      Include<?, ?> inc, AssociationInfo info, Call label) {
    List<String> names = inc.returnedThroughAttributes();
    if (names == null) {
      return null;
    }
    JunctionInfo j = info.through();
    if (j == null) {
      throw new InvalidCallException(
          label
              + ": through attributes need a belongsToMany association; "
              + info.name()
              + " is "
              + info.kind());
    }
    for (String n : names) {
      boolean known = false;
      for (AttributeInfo a : j.attributes()) {
        known |= a.name().equals(n) && (j.id() == null || !n.equals(j.id().name()));
      }
      if (!known) {
        throw new InvalidCallException(
            label + ": '" + n + "' is not a through attribute of " + j.name());
      }
    }
    return names;
  }

  /** The query with one {@link Where.Has} per required include added to its target filter. */
  private static Query withRequired(Query q, List<Plan> plans) {
    Where where = q.where();
    for (Plan p : plans) {
      if (p.exists() != null) {
        where = where == null ? p.exists() : where.and(p.exists());
      }
    }
    return new Query(where, q.throughWhere(), q.order(), q.limit(), q.offset());
  }

  /**
   * Loads one include for all parents in one store query, then its own includes for all targets
   * found.
   */
  private void load(StoreSession s, Plan plan, List<Object> parents, Result<?> result) {
    String match = plan.info().sourceMatch();
    Map<Object, List<List<LinkedTarget<?>>>> bySource = new LinkedHashMap<>();
    for (Object parent : parents) {
      List<LinkedTarget<?>> slot = result.slot(parent, plan);
      Map<String, Object> row = result.rows.get(parent);
      Object value = row.get(match);
      boolean inScope =
          plan.info().kind() != Association.Kind.BELONGS_TO || plan.info().inScope(row);
      if (slot != null && value != null && inScope) {
        bySource.computeIfAbsent(value, k -> new ArrayList<>()).add(slot);
      }
    }
    if (bySource.isEmpty()) {
      for (Plan child : plan.children()) {
        load(s, child, List.of(), result);
      }
      return;
    }
    List<TargetRow> rows = s.targets(plan.info(), bySource.keySet(), plan.query());
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    List<Object> targets = new ArrayList<>();
    for (TargetRow r : rows) {
      Object target = result.entity(plan.target(), r.target());
      if (seen.put(target, Boolean.TRUE) == null) {
        targets.add(target);
      }
      List<List<LinkedTarget<?>>> slots = bySource.get(r.source());
      if (slots == null) {
        throw new io.liaison.LiaisonException(
            "Adapter returned a "
                + plan.info().name()
                + " target for source "
                + r.source()
                + ", which was not asked for");
      }
      LinkedTarget<Object> linked =
          new LinkedTarget<>(target, through(plan, r.through()), r.linkId());
      for (List<LinkedTarget<?>> slot : slots) {
        slot.add(linked);
      }
    }
    for (Plan child : plan.children()) {
      load(s, child, targets, result);
    }
  }

  private static Map<String, Object> through(Plan plan, Map<String, Object> through) {
    if (plan.throughAttributes() == null) {
      return through;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String n : plan.throughAttributes()) {
      out.put(n, through.get(n));
    }
    return out;
  }

  /**
   * The loaded entities: one instance per stored row, and the links each include loaded per parent.
   */
  private static final class Result<T> implements Loaded<T> {
    private final Class<T> model;
    private final List<T> roots = new ArrayList<>();
    private final Map<String, Map<Object, Object>> instances = new HashMap<>();
    private final Map<String, EntityMapper.RowReader> readers = new HashMap<>();
    private final Map<Object, Map<String, Object>> rows = new IdentityHashMap<>();
    private final Map<Object, Map<Association<?, ?>, Slot>> links = new IdentityHashMap<>();

    private record Slot(Object plan, List<LinkedTarget<?>> links) {}

    Result(Class<T> model) {
      this.model = model;
    }

    /** The instance for a stored row, created on first sight. */
    Object entity(ModelMeta m, Map<String, Object> row) {
      EntityMapper.RowReader reader =
          readers.computeIfAbsent(m.name(), k -> new EntityMapper.RowReader(m));
      Object id = reader.id(row);
      Map<Object, Object> byId = instances.computeIfAbsent(m.name(), k -> new HashMap<>());
      Object existing = byId.get(id);
      if (existing != null) {
        return existing;
      }
      Object e = reader.toEntity(row);
      byId.put(id, e);
      rows.put(e, row);
      return e;
    }

    /**
     * The list that collects the parent's targets for this include, or null when another include
     * already loaded the same association for this entity (the first include to reach it wins).
     */
    List<LinkedTarget<?>> slot(Object parent, Plan plan) {
      Map<Association<?, ?>, Slot> byAssociation =
          links.computeIfAbsent(parent, k -> new HashMap<>());
      Slot slot = byAssociation.get(plan.declaration());
      if (slot == null) {
        slot = new Slot(plan, new ArrayList<>());
        byAssociation.put(plan.declaration(), slot);
      }
      return slot.plan() == plan ? slot.links() : null;
    }

    @Override
    public List<T> list() {
      return Collections.unmodifiableList(roots);
    }

    @Override
    public Iterator<T> iterator() {
      return list().iterator();
    }

    @Override
    public <S, X> List<X> get(S parent, Association<S, X> association) {
      List<LinkedTarget<X>> linked = linkedTargets(parent, association);
      List<X> out = new ArrayList<>(linked.size());
      for (LinkedTarget<X> l : linked) {
        out.add(l.target());
      }
      return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, X> List<LinkedTarget<X>> linkedTargets(S parent, Association<S, X> association) {
      Args.notNull(association, "Loaded.get", "association");
      Args.notNull(parent, "Loaded.get(parent, " + association + ")", "parent");
      if (!rows.containsKey(parent)) {
        throw new InvalidCallException(
            "Loaded.get("
                + association
                + "): the parent is not an entity of this result; "
                + "pass the instance the result holds");
      }
      Slot slot = links.getOrDefault(parent, Map.of()).get(association);
      if (slot == null) {
        throw new InvalidCallException(
            "Loaded.get("
                + association
                + "): that association was not included for this "
                + parent.getClass().getSimpleName());
      }
      List<LinkedTarget<X>> out = new ArrayList<>(slot.links().size());
      for (LinkedTarget<?> l : slot.links()) {
        out.add((LinkedTarget<X>) l);
      }
      return Collections.unmodifiableList(out);
    }

    @Override
    public <S, X> Optional<X> one(S parent, Association<S, X> association) {
      Args.notNull(association, "Loaded.one", "association");
      Args.notNull(parent, "Loaded.one(parent, " + association + ")", "parent");
      if (association.kind().isMany()) {
        throw new InvalidCallException(
            "Loaded.one("
                + association
                + "): use get() for a "
                + association.kind()
                + " association");
      }
      List<X> targets = get(parent, association);
      return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(0));
    }

    @Override
    public String toString() {
      return "Loaded<" + model.getSimpleName() + ">" + roots;
    }
  }
}

package io.liaison.memory;

import io.liaison.InvalidCallException;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One transaction on a {@link MemoryAdapter}: entity reads and writes here, link writes in {@link
 * LinkWriter}, filters in {@link Filters}, constraints in {@link Integrity}. The session holds the
 * adapter's lock from its start to its end (see {@link MemoryAdapter}).
 *
 * <p>Values are coerced to their attribute's type as they come in ({@link ValueTypes#coerce},
 * naming the attribute and the model when a value does not fit), so the store holds and compares
 * values of one type per attribute; values read back for keys the caller gave are handed back in
 * the caller's form ({@link ValueTypes#givenValues}), as the other adapters do.
 */
final class MemorySession implements StoreSession {
  private final MemoryAdapter adapter;

  /** The committed store this transaction began from. */
  private final Store base;

  /** This transaction's data: the committed store until the first write, then copies of it. */
  private Store store;

  private boolean ended;
  private boolean closed;

  MemorySession(MemoryAdapter adapter, Store committed) {
    this.adapter = adapter;
    this.base = committed;
    this.store = committed;
  }

  // ---- entities

  @Override
  public List<Map<String, Object>> insert(ModelInfo model, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      model.requireAttributes(row.keySet());
      Map<String, Object> r = new LinkedHashMap<>();
      for (AttributeInfo a : model.attributes()) {
        r.put(a.name(), ValueTypes.coerce(row.get(a.name()), a.type(), what(model, a)));
      }
      out.add(r);
    }
    AttributeInfo id = model.id();
    return write(
        "INSERT " + model.table(),
        integrity -> {
          for (Map<String, Object> r : out) {
            if (id.generated() && r.get(id.name()) == null) {
              r.put(id.name(), newId(model.table(), id));
            } else if (r.get(id.name()) instanceof Number n) {
              store.saw(model.table(), n.longValue());
            }
            integrity.insert(model.table(), r);
          }
          return out;
        });
  }

  @Override
  public List<Map<String, Object>> findBy(ModelInfo model, String attribute, Collection<?> values) {
    AttributeInfo a = model.requireAttribute(attribute);
    if (values.isEmpty()) {
      return List.of();
    }
    Set<Object> keys = new LinkedHashSet<>();
    for (Object v : values) {
      if (v != null) {
        keys.add(ValueTypes.coerce(v, a.type(), what(model, a)));
      }
    }
    return read(
        "SELECT " + model.table() + " BY " + attribute,
        () -> {
          Table t = store.table(model.table());
          List<Map<String, Object>> out = new ArrayList<>();
          for (Object k : keys) {
            out.addAll(t.where(a.name(), k));
          }
          return out;
        });
  }

  @Override
  public List<Map<String, Object>> find(ModelInfo model, Query query) {
    Query qy = query == null ? Query.ALL : query;
    if (qy.throughWhere() != null) {
      throw new InvalidCallException(
          "A through filter needs a belongsToMany association; "
              + model.name()
              + " is queried as a model");
    }
    Comparator<Map<String, Object>> order = (x, y) -> 0;
    for (Order o : qy.order()) {
      if (o.onThrough()) {
        throw new InvalidCallException(
            "Ordering by through attribute '"
                + o.attribute()
                + "' needs a belongsToMany association");
      }
      String name = model.requireAttribute(o.attribute()).name();
      order = order.thenComparing(Values.by(r -> r.get(name), o.ascending()));
    }
    String id = model.id().name();
    Comparator<Map<String, Object>> sorted = order.thenComparing(Values.by(r -> r.get(id), true));
    return read(
        "SELECT " + model.table(),
        () -> {
          Filters.Test test = filters().onModel(qy.where(), model);
          List<Map<String, Object>> out = new ArrayList<>();
          for (Map<String, Object> row : store.table(model.table()).rows()) {
            if (test.matches(row)) {
              out.add(row);
            }
          }
          out.sort(sorted);
          return page(out, qy);
        });
  }

  @Override
  public long count(ModelInfo model, Where where) {
    return read(
        "COUNT " + model.table(),
        () -> {
          Filters.Test test = filters().onModel(where, model);
          return store.table(model.table()).rows().stream().filter(test::matches).count();
        });
  }

  @Override
  public int update(ModelInfo model, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    AttributeInfo id = model.id();
    List<Map<String, Object>> changes = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      model.requireAttributes(row.keySet());
      if (row.get(id.name()) == null) {
        throw new InvalidCallException("update " + model.name() + ": a row without " + id.name());
      }
      Map<String, Object> change = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        AttributeInfo a = model.requireAttribute(e.getKey());
        change.put(a.name(), ValueTypes.coerce(e.getValue(), a.type(), what(model, a)));
      }
      changes.add(change);
    }
    return write(
        "UPDATE " + model.table(),
        integrity -> {
          Table t = store.table(model.table());
          int matched = 0;
          for (Map<String, Object> change : changes) {
            Map<String, Object> old = t.get(change.get(id.name()));
            if (old != null) {
              Map<String, Object> row = new LinkedHashMap<>(old);
              row.putAll(change);
              integrity.update(model.table(), row);
              matched++;
            }
          }
          return matched;
        });
  }

  @Override
  public int delete(ModelInfo model, Collection<?> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    AttributeInfo id = model.id();
    List<Object> keys =
        new ArrayList<>(new LinkedHashSet<>(coerceAll(ids, id.type(), what(model, id))));
    return write("DELETE " + model.table(), integrity -> integrity.delete(model.table(), keys));
  }

  // ---- link reads

  /**
   * One link reached from a source: the source's value as given, the target, the link (or null).
   */
  private record Hit(
      Object source, Object stored, Map<String, Object> target, Map<String, Object> link) {}

  @Override
  public List<TargetRow> targets(AssociationInfo a, Collection<?> sources, Query query) {
    Query qy = query == null ? Query.ALL : query;
    Comparator<Hit> order = order(a, qy);
    List<Hit> hits = read("SELECT " + a.name(), () -> hits(a, sources, qy));
    List<TargetRow> out = new ArrayList<>(hits.size());
    if (hits.isEmpty() || qy.limit() != null && qy.limit() == 0) {
      return out;
    }
    JunctionInfo j = a.through();
    boolean paged = qy.limit() != null || qy.offset() != null;
    List<List<Hit>> groups = new ArrayList<>();
    if (paged) {
      // limit and offset apply per source: the first N targets of each
      Map<Object, List<Hit>> bySource = new LinkedHashMap<>();
      for (Hit h : hits) {
        bySource.computeIfAbsent(h.stored(), k -> new ArrayList<>()).add(h);
      }
      groups.addAll(bySource.values());
    } else {
      groups.add(hits);
    }
    for (List<Hit> group : groups) {
      group.sort(order);
      for (Hit h : paged ? page(group, qy) : group) {
        Map<String, Object> through = Map.of();
        Object linkId = null;
        if (h.link() != null) {
          through = new LinkedHashMap<>();
          for (AttributeInfo x : j.attributes()) {
            if (j.id() == null || !x.name().equals(j.id().name())) {
              through.put(x.name(), h.link().get(x.name()));
            }
          }
          through = Collections.unmodifiableMap(through);
          linkId = j.id() == null ? null : h.link().get(j.id().name());
        }
        out.add(new TargetRow(h.source(), h.target(), through, linkId));
      }
    }
    return out;
  }

  /**
   * Counts the links {@link #targets} would read without paging; the order is ignored, as counts
   * ignore it.
   */
  @Override
  public Map<Object, Long> count(AssociationInfo a, Collection<?> sources, Query query) {
    Query qy = query == null ? Query.ALL : query;
    Map<Object, Long> out = new LinkedHashMap<>();
    for (Object s : sources) {
      out.put(s, 0L);
    }
    for (Hit h : read("COUNT " + a.name(), () -> hits(a, sources, qy))) {
      out.merge(h.source(), 1L, Long::sum);
    }
    return out;
  }

  @Override
  public List<Object> linked(AssociationInfo a, Object source, Collection<?> targets) {
    if (targets.isEmpty() || source == null) {
      return List.of();
    }
    Class<?> type = Paths.targetType(a);
    Object s = ValueTypes.coerce(source, Paths.sourceType(a), "source of " + a.name());
    Set<Object> wanted = new LinkedHashSet<>(coerceAll(targets, type, "target of " + a.name()));
    Map<Object, Object> given = ValueTypes.givenValues(targets, type);
    return read(
        "SELECT " + a.name() + " LINKED",
        () -> {
          Set<Object> found = new LinkedHashSet<>();
          for (Paths.Reach r : new Paths(store).from(a, s)) {
            Object t = Paths.as(r.target().get(a.targetMatch()), type);
            if (wanted.contains(t)) {
              found.add(given.getOrDefault(t, t));
            }
          }
          return new ArrayList<>(found);
        });
  }

  /**
   * Every link of the sources whose target and link pass the query's filters, unordered; each
   * source once, however often given. The filters are compiled first, so bad ones are refused with
   * no source.
   */
  private List<Hit> hits(AssociationInfo a, Collection<?> sources, Query qy) {
    Filters f = filters();
    Filters.Test target = f.onModel(qy.where(), a.target());
    Filters.Test link = f.onLink(qy.throughWhere(), a);
    Class<?> type = Paths.sourceType(a);
    Map<Object, Object> given = ValueTypes.givenValues(sources, type);
    Set<Object> keys = new LinkedHashSet<>(coerceAll(sources, type, "source of " + a.name()));
    Paths paths = new Paths(store);
    List<Hit> out = new ArrayList<>();
    for (Object s : keys) {
      for (Paths.Reach r : paths.from(a, s)) {
        if (target.matches(r.target()) && (r.link() == null || link.matches(r.link()))) {
          out.add(new Hit(given.getOrDefault(s, s), s, r.target(), r.link()));
        }
      }
    }
    return out;
  }

  /** The query's order, then the target's id, the source and the link id: a total order. */
  private static Comparator<Hit> order(AssociationInfo a, Query qy) {
    for (Order o : qy.order()) {
      if (o.onThrough()) {
        if (a.through() == null) {
          throw new InvalidCallException(
              "Ordering by through attribute '"
                  + o.attribute()
                  + "' needs a "
                  + "belongsToMany association; "
                  + a.name()
                  + " is "
                  + a.kind());
        }
        a.through().requireAttribute(o.attribute());
      } else {
        a.target().requireAttribute(o.attribute());
      }
    }
    String id = a.target().id().name();
    JunctionInfo j = a.through();
    String linkId = j == null || j.id() == null ? null : j.id().name();
    return Values.<Hit>of(qy.order(), Hit::target, Hit::link)
        .thenComparing(Values.by(h -> h.target().get(id), true))
        .thenComparing(Values.by(Hit::stored, true))
        .thenComparing(Values.by(h -> linkId == null ? null : h.link().get(linkId), true));
  }

  // ---- link writes

  @Override
  public void link(AssociationInfo a, List<LinkRow> links) {
    if (!links.isEmpty()) {
      write(
          "LINK " + a.name(),
          integrity -> {
            writer(integrity).link(a, links);
            return null;
          });
    }
  }

  @Override
  public boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
    return write("LINK " + a.name(), integrity -> writer(integrity).linkExisting(a, links));
  }

  @Override
  public int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    if (source == null || targets != null && targets.isEmpty()) {
      return 0;
    }
    return write(
        "UNLINK " + a.name(), integrity -> writer(integrity).unlink(a, source, targets, mode));
  }

  @Override
  public int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
    JunctionInfo j = a.through();
    if (j == null || j.id() == null) {
      throw new InvalidCallException("unlink " + a.name() + " by link id: its links have no ids");
    }
    if (source == null || linkIds.isEmpty()) {
      return 0;
    }
    return write(
        "UNLINK " + a.name(), integrity -> writer(integrity).unlinkByIds(a, source, linkIds));
  }

  @Override
  public void replace(AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    write(
        "SET " + a.name(),
        integrity -> {
          writer(integrity).replace(a, source, links, mode, false);
          return null;
        });
  }

  @Override
  public boolean replaceExisting(
      AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    return write(
        "SET " + a.name(), integrity -> writer(integrity).replace(a, source, links, mode, true));
  }

  // ---- transaction

  @Override
  public void commit() {
    ensureActive();
    ended = true;
    adapter.commit(base, store);
  }

  @Override
  public void rollback() {
    ensureActive();
    ended = true;
    adapter.rollback();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!ended) {
      ended = true;
      adapter.rollback();
    }
  }

  @Override
  public String toString() {
    return "MemorySession[" + (closed ? "closed" : ended ? "ended" : "active") + "]";
  }

  // ---- helpers

  private void ensureActive() {
    if (closed) {
      throw new IllegalStateException("The session is closed");
    }
    if (ended) {
      throw new IllegalStateException("The transaction has already ended");
    }
  }

  /** A read: one round trip on this transaction's store. */
  private <T> T read(String statement, Supplier<T> work) {
    ensureActive();
    adapter.fire(statement);
    return work.get();
  }

  /**
   * A write: one round trip, on a copy of this transaction's store that replaces it when the work
   * succeeds; on failure the store is the one before, so the write leaves nothing of itself.
   */
  private <T> T write(String statement, Function<Integrity, T> work) {
    ensureActive();
    adapter.fire(statement);
    Store before = store;
    store = before.copy();
    try {
      return work.apply(new Integrity(adapter.catalog(), store));
    } catch (RuntimeException e) {
      store = before;
      throw e;
    }
  }

  private Filters filters() {
    return new Filters(new Paths(store));
  }

  private LinkWriter writer(Integrity integrity) {
    return new LinkWriter(store, integrity);
  }

  /** A new id from the table's sequence, of the id's type. */
  private Object newId(String table, AttributeInfo id) {
    if (id.type() == UUID.class) {
      return UUID.randomUUID();
    }
    long next = store.next(table);
    return id.type() == String.class
        ? String.valueOf(next)
        : ValueTypes.coerce(next, id.type(), "id of " + table);
  }

  /** The values coerced to the type, nulls dropped. */
  static List<Object> coerceAll(Collection<?> values, Class<?> type, String what) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      if (v != null) {
        out.add(ValueTypes.coerce(v, type, what));
      }
    }
    return out;
  }

  private static <T> List<T> page(List<T> rows, Query qy) {
    int from = qy.offset() == null ? 0 : (int) Math.min(rows.size(), qy.offset());
    int to =
        qy.limit() == null ? rows.size() : (int) Math.min(rows.size(), (long) from + qy.limit());
    return rows.subList(from, to);
  }

  private static String what(ModelInfo model, AttributeInfo a) {
    return "attribute '" + a.name() + "' of " + model.name();
  }
}

package io.liaison.memory;

import io.liaison.InvalidCallException;
import io.liaison.memory.Catalog.TableDef;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.UnlinkMode;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The link writes of one session call, on its store: hasOne/hasMany point the target's foreign key
 * at the source, belongsTo the source's at the target, belongsToMany writes junction rows (upserted
 * per pair when unique; parallel links inserted with their link ids). Every write goes through
 * {@link Integrity}, which checks the foreign keys and applies the referential actions. Junction
 * deletes of an association touch only the rows of its through scope, since associations sharing a
 * junction tell their rows apart by it.
 */
final class LinkWriter {
  private final Store store;
  private final Integrity integrity;

  LinkWriter(Store store, Integrity integrity) {
    this.store = store;
    this.integrity = integrity;
  }

  void link(AssociationInfo a, List<LinkRow> links) {
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        ModelInfo t = a.target();
        Class<?> fkType = t.requireAttribute(a.foreignKey()).type();
        for (LinkRow l : links) {
          Object source = ValueTypes.coerce(l.source(), fkType, "source of " + a.name());
          Object id = ValueTypes.coerce(l.target(), t.id().type(), "target of " + a.name());
          set(t.table(), store.table(t.table()).get(id), a.foreignKey(), source);
        }
      }
      case BELONGS_TO -> {
        ModelInfo s = a.source();
        Class<?> fkType = s.requireAttribute(a.foreignKey()).type();
        for (LinkRow l : links) {
          Object id = ValueTypes.coerce(l.source(), s.id().type(), "source of " + a.name());
          Object target = ValueTypes.coerce(l.target(), fkType, "target of " + a.name());
          set(s.table(), store.table(s.table()).get(id), a.foreignKey(), target);
        }
      }
      case BELONGS_TO_MANY -> writeJunction(a, links);
    }
  }

  /**
   * {@link #link} if every source and every target exists (by their match values), else nothing and
   * false.
   */
  boolean linkExisting(AssociationInfo a, List<LinkRow> links) {
    Set<Object> sources = new LinkedHashSet<>();
    Set<Object> targets = new LinkedHashSet<>();
    for (LinkRow l : links) {
      sources.add(l.source());
      targets.add(l.target());
    }
    if (!allExist(a.source(), a.sourceMatch(), sources, "source of " + a.name())
        || !allExist(a.target(), a.targetMatch(), targets, "target of " + a.name())) {
      return false;
    }
    link(a, links);
    return true;
  }

  int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        ModelInfo t = a.target();
        Object s =
            ValueTypes.coerce(
                source, t.requireAttribute(a.foreignKey()).type(), "source of " + a.name());
        Set<Object> ids =
            targets == null
                ? null
                : new HashSet<>(
                    MemorySession.coerceAll(targets, t.id().type(), "target of " + a.name()));
        List<Object> chosen = new ArrayList<>();
        for (Map<String, Object> row : store.table(t.table()).where(a.foreignKey(), s)) {
          if (ids == null || ids.contains(row.get(t.id().name()))) {
            chosen.add(row.get(t.id().name()));
          }
        }
        return dropTargets(a, chosen, mode);
      }
      case BELONGS_TO -> {
        ModelInfo s = a.source();
        Object id = ValueTypes.coerce(source, s.id().type(), "source of " + a.name());
        Map<String, Object> row = store.table(s.table()).get(id);
        Object fk = row == null ? null : row.get(a.foreignKey());
        if (fk == null
            || targets != null
                && !MemorySession.coerceAll(
                        targets, s.requireAttribute(a.foreignKey()).type(), "target of " + a.name())
                    .contains(fk)) {
          return 0;
        }
        set(s.table(), row, a.foreignKey(), null);
        return 1;
      }
      default -> {
        JunctionInfo j = a.through();
        Set<Object> others =
            targets == null
                ? null
                : new HashSet<>(
                    MemorySession.coerceAll(
                        targets, j.requireAttribute(a.otherKey()).type(), "target of " + a.name()));
        return deleteLinks(
            a, source, row -> others == null || others.contains(row.get(a.otherKey())));
      }
    }
  }

  int unlinkByIds(AssociationInfo a, Object source, Collection<?> linkIds) {
    AttributeInfo id = a.through().id();
    Set<Object> ids =
        new HashSet<>(MemorySession.coerceAll(linkIds, id.type(), "link id of " + a.name()));
    // matching the source keeps another source's link ids from reaching its links
    return deleteLinks(a, source, row -> ids.contains(row.get(id.name())));
  }

  /**
   * Makes the source's links exactly {@code links}: removes the others (hasOne/hasMany per {@code
   * mode}; for parallel links, all of the source's links in scope), then writes the given ones.
   * With {@code onlyIfExisting} (belongsToMany), writes nothing and answers false unless the source
   * and every target exist.
   */
  boolean replace(
      AssociationInfo a,
      Object source,
      List<LinkRow> links,
      UnlinkMode mode,
      boolean onlyIfExisting) {
    String op = "set " + a.name();
    if (source == null) {
      throw new InvalidCallException(op + ": no source");
    }
    Class<?> sourceType = Paths.sourceType(a);
    Object expected = ValueTypes.coerce(source, sourceType, "source of " + a.name());
    Set<Object> targets = new LinkedHashSet<>();
    for (LinkRow l : links) {
      if (!expected.equals(ValueTypes.coerce(l.source(), sourceType, "source of " + a.name()))) {
        throw new InvalidCallException(
            op + ": a link from " + l.source() + " given for source " + source);
      }
      targets.add(l.target());
    }
    if (onlyIfExisting
        && (!allExist(a.source(), a.sourceMatch(), List.of(source), "source of " + a.name())
            || !allExist(a.target(), a.targetMatch(), targets, "target of " + a.name()))) {
      return false;
    }
    switch (a.kind()) {
      case HAS_ONE, HAS_MANY -> {
        ModelInfo t = a.target();
        Set<Object> keep =
            new HashSet<>(MemorySession.coerceAll(targets, t.id().type(), "target of " + a.name()));
        List<Object> drop = new ArrayList<>();
        for (Map<String, Object> row : store.table(t.table()).where(a.foreignKey(), expected)) {
          if (!keep.contains(row.get(t.id().name()))) {
            drop.add(row.get(t.id().name()));
          }
        }
        dropTargets(a, drop, mode);
        link(a, links);
      }
      case BELONGS_TO -> {
        if (links.size() > 1) {
          throw new InvalidCallException(
              op + ": belongsTo links one target, " + links.size() + " given");
        }
        ModelInfo s = a.source();
        Object target =
            links.isEmpty()
                ? null
                : ValueTypes.coerce(
                    links.get(0).target(),
                    s.requireAttribute(a.foreignKey()).type(),
                    "target of " + a.name());
        set(s.table(), store.table(s.table()).get(expected), a.foreignKey(), target);
      }
      case BELONGS_TO_MANY -> {
        JunctionInfo j = a.through();
        Set<Object> keep =
            new HashSet<>(
                MemorySession.coerceAll(
                    targets, j.requireAttribute(a.otherKey()).type(), "target of " + a.name()));
        deleteLinks(a, source, row -> !j.unique() || !keep.contains(row.get(a.otherKey())));
        if (!links.isEmpty()) {
          writeJunction(a, links);
        }
      }
    }
    return true;
  }

  // ---- junction rows

  /**
   * Writes belongsToMany links: unique, a pair that exists gets the through attributes given and a
   * new pair a new row (attributes not given are null); parallel, a new row per link, with its link
   * id or one from the junction's sequence. Names that are no attribute of the junction are refused
   * first.
   */
  private void writeJunction(AssociationInfo a, List<LinkRow> links) {
    JunctionInfo j = a.through();
    for (LinkRow l : links) {
      for (String key : l.through().keySet()) {
        if (j.attribute(key) == null) {
          throw new InvalidCallException(
              "Unknown through attribute '" + key + "' of " + j.name() + " (" + a.name() + ")");
        }
      }
    }
    TableDef def = integrity.def(j.table());
    Table table = store.table(j.table());
    List<AttributeInfo> payload = j.payload();
    boolean parallel = !j.unique() && j.id() != null;
    for (LinkRow l : links) {
      Map<String, Object> row = new LinkedHashMap<>();
      if (parallel) {
        row.put(j.id().name(), linkId(a, l));
      }
      row.put(
          a.foreignKey(),
          ValueTypes.coerce(
              l.source(), j.requireAttribute(a.foreignKey()).type(), "source of " + a.name()));
      row.put(
          a.otherKey(),
          ValueTypes.coerce(
              l.target(), j.requireAttribute(a.otherKey()).type(), "target of " + a.name()));
      Map<String, Object> given = new LinkedHashMap<>();
      for (AttributeInfo x : payload) {
        if (l.through().containsKey(x.name())) {
          given.put(
              x.name(),
              ValueTypes.coerce(
                  l.through().get(x.name()), x.type(), "through attribute '" + x.name() + "'"));
        }
      }
      Map<String, Object> existing = parallel ? null : table.get(def.keyOf(row));
      if (existing != null) {
        Map<String, Object> changed = new LinkedHashMap<>(existing);
        changed.putAll(given);
        integrity.update(j.table(), changed);
        continue;
      }
      for (AttributeInfo x : payload) {
        Object scoped = a.throughScope().get(x.name());
        row.put(
            x.name(),
            given.containsKey(x.name())
                ? given.get(x.name())
                : scoped == null
                    ? null
                    : ValueTypes.coerce(scoped, x.type(), "through scope of " + a.name()));
      }
      integrity.insert(j.table(), row);
    }
  }

  /** A parallel link's id: the one given, or the next of the junction's sequence. */
  private Object linkId(AssociationInfo a, LinkRow l) {
    AttributeInfo id = a.through().id();
    if (l.linkId() != null) {
      Object v = ValueTypes.coerce(l.linkId(), id.type(), "link id of " + a.name());
      if (v instanceof Number n) {
        store.saw(a.through().table(), n.longValue());
      }
      return v;
    }
    if (!id.generated()) {
      throw new InvalidCallException("link " + a.name() + ": a parallel link needs a link id");
    }
    if (id.type() == UUID.class) {
      return UUID.randomUUID();
    }
    return ValueTypes.coerce(store.next(a.through().table()), id.type(), "link id of " + a.name());
  }

  /**
   * Deletes the source's junction rows in the association's through scope that {@code which}
   * accepts.
   */
  private int deleteLinks(
      AssociationInfo a, Object source, java.util.function.Predicate<Map<String, Object>> which) {
    JunctionInfo j = a.through();
    Object s =
        ValueTypes.coerce(
            source, j.requireAttribute(a.foreignKey()).type(), "source of " + a.name());
    Map<String, Object> scope = new LinkedHashMap<>();
    a.throughScope()
        .forEach(
            (k, v) ->
                scope.put(
                    k,
                    ValueTypes.coerce(
                        v, j.requireAttribute(k).type(), "through scope of " + a.name())));
    TableDef def = integrity.def(j.table());
    List<Object> keys = new ArrayList<>();
    for (Map<String, Object> row : store.table(j.table()).where(a.foreignKey(), s)) {
      boolean inScope =
          scope.entrySet().stream()
              .allMatch(e -> Objects.equals(e.getValue(), row.get(e.getKey())));
      if (inScope && which.test(row)) {
        keys.add(def.keyOf(row));
      }
    }
    return integrity.delete(j.table(), keys);
  }

  // ---- foreign keys

  /** hasOne/hasMany: deletes the targets or nulls their foreign key; returns how many. */
  private int dropTargets(AssociationInfo a, List<Object> ids, UnlinkMode mode) {
    ModelInfo t = a.target();
    if (mode == UnlinkMode.DELETE_TARGET) {
      return integrity.delete(t.table(), ids);
    }
    Table table = store.table(t.table());
    for (Object id : ids) {
      set(t.table(), table.get(id), a.foreignKey(), null);
    }
    return ids.size();
  }

  /** Sets one attribute of a row, if the row exists (an update matching no row changes nothing). */
  private void set(String table, Map<String, Object> row, String attribute, Object value) {
    if (row == null) {
      return;
    }
    Map<String, Object> changed = new LinkedHashMap<>(row);
    changed.put(attribute, value);
    integrity.update(table, changed);
  }

  /** Whether every value names a row of the model by {@code key}. */
  private boolean allExist(ModelInfo model, String key, Collection<?> values, String what) {
    AttributeInfo a = model.requireAttribute(key);
    Table table = store.table(model.table());
    for (Object v : values) {
      if (v == null || table.where(a.name(), ValueTypes.coerce(v, a.type(), what)).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}

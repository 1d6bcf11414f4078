package io.liaison.memory;

import io.liaison.ConflictException;
import io.liaison.InvalidCallException;
import io.liaison.ReferentialAction;
import io.liaison.memory.Catalog.ForeignKey;
import io.liaison.memory.Catalog.TableDef;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ValueTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The constraints a relational database enforces, on one transaction's {@link Store}: primary keys,
 * NOT NULL, unique attributes, and foreign keys, both their existence check on a written row and
 * their referential actions when a referenced row is deleted or its key changes (CASCADE, SET NULL,
 * and RESTRICT / NO ACTION refusing with a {@link ConflictException}). Every write of the session
 * goes through {@link #insert}, {@link #update} or {@link #delete}, so no write escapes the rules;
 * a refusal is thrown after part of the write was made, and the session then returns to the store
 * it started from.
 */
final class Integrity {
  private final Catalog catalog;
  private final Store store;

  Integrity(Catalog catalog, Store store) {
    this.catalog = catalog;
    this.store = store;
  }

  /** The definition of a table, or a {@link io.liaison.StoreException} for one never synced. */
  TableDef def(String table) {
    TableDef def = catalog.table(table);
    if (def == null) {
      store.table(table); // throws: no such table
    }
    return def;
  }

  /** Inserts a new row; a row with the same primary key is a conflict. */
  void insert(String table, Map<String, Object> row) {
    TableDef def = def(table);
    Object key = def.keyOf(row);
    Table t = store.table(table);
    if (t.contains(key)) {
      throw new ConflictException(
          "insert into " + table + " failed: a row with key " + key + " exists");
    }
    check(def, row);
    t.put(key, row);
  }

  /**
   * Replaces the row under {@code key} by {@code row} (the same primary key: keys are never
   * changed), then applies the onUpdate actions of the foreign keys referencing an attribute whose
   * value changed.
   */
  void update(String table, Map<String, Object> row) {
    TableDef def = def(table);
    Table t = store.table(table);
    Object key = def.keyOf(row);
    Map<String, Object> old = t.get(key);
    check(def, row);
    t.put(key, row);
    if (old != null) {
      keyChanged(table, old, row);
    }
  }

  /**
   * Deletes the rows with these keys and applies the onDelete actions of the foreign keys
   * referencing them, transitively; returns how many of the given rows existed. RESTRICT and NO
   * ACTION are checked once everything is done, as NO ACTION is at the end of a statement.
   */
  int delete(String table, List<?> keys) {
    Deque<Object[]> work = new ArrayDeque<>();
    for (Object k : keys) {
      work.add(new Object[] {table, k});
    }
    int deleted = 0;
    int given = keys.size();
    List<Object[]> refused = new ArrayList<>();
    while (!work.isEmpty()) {
      Object[] next = work.poll();
      String name = (String) next[0];
      Map<String, Object> row = store.table(name).remove(next[1]);
      if (given-- > 0 && row != null) {
        deleted++;
      }
      if (row == null) {
        continue;
      }
      for (ForeignKey fk : catalog.referencing(name)) {
        Object value = row.get(fk.key());
        if (value == null || !store.table(name).where(fk.key(), value).isEmpty()) {
          continue; // another row still holds the referenced value
        }
        List<Map<String, Object>> dependants =
            store.table(fk.holder()).where(fk.attribute(), value);
        if (dependants.isEmpty()) {
          continue;
        }
        TableDef holder = def(fk.holder());
        if (fk.onDelete() == ReferentialAction.CASCADE) {
          for (Map<String, Object> d : List.copyOf(dependants)) {
            work.add(new Object[] {fk.holder(), holder.keyOf(d)});
          }
        } else if (fk.onDelete() == ReferentialAction.SET_NULL) {
          for (Map<String, Object> d : List.copyOf(dependants)) {
            Map<String, Object> changed = new LinkedHashMap<>(d);
            changed.put(fk.attribute(), null);
            update(fk.holder(), changed);
          }
        } else {
          refused.add(new Object[] {fk, value});
        }
      }
    }
    for (Object[] r : refused) {
      ForeignKey fk = (ForeignKey) r[0];
      if (!store.table(fk.holder()).where(fk.attribute(), r[1]).isEmpty()
          && store.table(fk.referenced()).where(fk.key(), r[1]).isEmpty()) {
        throw new ConflictException(
            "delete from "
                + table
                + " failed: rows of "
                + fk.holder()
                + " reference "
                + fk.referenced()
                + "."
                + fk.key()
                + " = "
                + r[1]
                + " ("
                + action(fk.onDelete())
                + ")");
      }
    }
    return deleted;
  }

  /**
   * The onUpdate actions for the referenced attributes whose value changed from {@code old} to
   * {@code row}.
   */
  private void keyChanged(String table, Map<String, Object> old, Map<String, Object> row) {
    for (ForeignKey fk : catalog.referencing(table)) {
      Object before = old.get(fk.key());
      Object after = row.get(fk.key());
      if (before == null || before.equals(after)) {
        continue;
      }
      List<Map<String, Object>> dependants =
          List.copyOf(store.table(fk.holder()).where(fk.attribute(), before));
      if (dependants.isEmpty()) {
        continue;
      }
      if (fk.onUpdate() == ReferentialAction.CASCADE
          || fk.onUpdate() == ReferentialAction.SET_NULL) {
        Object value = fk.onUpdate() == ReferentialAction.CASCADE ? after : null;
        for (Map<String, Object> d : dependants) {
          Map<String, Object> changed = new LinkedHashMap<>(d);
          changed.put(fk.attribute(), value);
          rekey(fk.holder(), d, changed);
        }
      } else {
        throw new ConflictException(
            "update of "
                + table
                + " failed: rows of "
                + fk.holder()
                + " reference "
                + table
                + "."
                + fk.key()
                + " = "
                + before
                + " ("
                + action(fk.onUpdate())
                + ")");
      }
    }
  }

  /**
   * Replaces a dependant row whose foreign key changed, which may be part of its primary key (a
   * junction's).
   */
  private void rekey(String table, Map<String, Object> old, Map<String, Object> row) {
    TableDef def = def(table);
    Table t = store.table(table);
    Object oldKey = def.keyOf(old);
    Object newKey = def.keyOf(row);
    if (!Objects.equals(oldKey, newKey)) {
      t.remove(oldKey);
      insert(table, row);
    } else {
      update(table, row);
    }
  }

  /** Refuses a row breaking NOT NULL, a unique attribute or a foreign key's existence check. */
  private void check(TableDef def, Map<String, Object> row) {
    Object key = def.keyOf(row);
    Table t = store.table(def.name());
    for (AttributeInfo a : def.attributes()) {
      Object v = row.get(a.name());
      if (v == null && def.notNull(a)) {
        throw new ConflictException(
            "write of " + def.name() + " failed: " + a.name() + " may not be null");
      }
      if (v != null && def.unique().contains(a.name()) && t.taken(a.name(), v, key, def::keyOf)) {
        throw new ConflictException(
            "write of " + def.name() + " failed: " + a.name() + " = " + v + " is taken (unique)");
      }
    }
    for (ForeignKey fk : catalog.heldBy(def.name())) {
      Object v = row.get(fk.attribute());
      if (v != null && !exists(fk, v)) {
        throw new ConflictException(
            "write of "
                + def.name()
                + " failed: "
                + fk.attribute()
                + " = "
                + v
                + " references no row of "
                + fk.referenced());
      }
    }
  }

  /**
   * Whether the referenced table holds the value in the referenced attribute (a value of another
   * type: no).
   */
  private boolean exists(ForeignKey fk, Object value) {
    AttributeInfo key = def(fk.referenced()).attribute(fk.key());
    Object v;
    try {
      v = ValueTypes.coerce(value, key.type(), "key");
    } catch (InvalidCallException e) {
      return false;
    }
    return !store.table(fk.referenced()).where(fk.key(), v).isEmpty();
  }

  private static String action(ReferentialAction a) {
    return a == null ? "NO_ACTION" : a.name();
  }
}

package io.liaison.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of one table (a model's or a junction's), by primary key: a model row by its id, a
 * unique junction row by its pair of keys, a parallel link by its link id. Rows are maps from
 * attribute name to value, never changed once stored (an update stores a new map), so that {@link
 * #copy} may share them: a transaction works on a copy of the tables and a failed operation returns
 * to the copy it started from.
 *
 * <p>Look-ups by a column's value go through an index built on first use and dropped on every
 * write, so a read over many sources costs one pass over the table rather than one per source.
 */
final class Table {
  private final String name;
  private final LinkedHashMap<Object, Map<String, Object>> rows;

  /** Indexes by attribute name: value to the rows holding it (nulls are not indexed). */
  private final Map<String, Map<Object, List<Map<String, Object>>>> indexes = new HashMap<>();

  Table(String name) {
    this(name, new LinkedHashMap<>());
  }

  private Table(String name, LinkedHashMap<Object, Map<String, Object>> rows) {
    this.name = name;
    this.rows = rows;
  }

  String name() {
    return name;
  }

  /** A table holding the same rows, to change without changing this one. */
  Table copy() {
    return new Table(name, new LinkedHashMap<>(rows));
  }

  /** The row with this primary key, or null. */
  Map<String, Object> get(Object key) {
    return rows.get(key);
  }

  boolean contains(Object key) {
    return rows.containsKey(key);
  }

  /** Every row, in insertion order; a view the caller must not hold across writes. */
  Collection<Map<String, Object>> rows() {
    return Collections.unmodifiableCollection(rows.values());
  }

  /** Every primary key, as a list the caller may keep across writes. */
  List<Object> keys() {
    return new ArrayList<>(rows.keySet());
  }

  int size() {
    return rows.size();
  }

  /** Stores the row under {@code key}, replacing any row there; the map is copied. */
  void put(Object key, Map<String, Object> row) {
    rows.put(key, Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    indexes.clear();
  }

  /** Removes the row with this key; returns it, or null. */
  Map<String, Object> remove(Object key) {
    Map<String, Object> removed = rows.remove(key);
    if (removed != null) {
      indexes.clear();
    }
    return removed;
  }

  /** The rows whose {@code attribute} equals {@code value} (none for null, as SQL's {@code =}). */
  List<Map<String, Object>> where(String attribute, Object value) {
    if (value == null) {
      return List.of();
    }
    Map<Object, List<Map<String, Object>>> index =
        indexes.computeIfAbsent(
            attribute,
            a -> {
              Map<Object, List<Map<String, Object>>> built = new HashMap<>();
              for (Map<String, Object> row : rows.values()) {
                Object v = row.get(a);
                if (v != null) {
                  built.computeIfAbsent(v, k -> new ArrayList<>()).add(row);
                }
              }
              return built;
            });
    return index.getOrDefault(value, List.of());
  }

  /**
   * Whether some row other than the one under {@code key} has {@code value} in {@code attribute}.
   */
  boolean taken(
      String attribute,
      Object value,
      Object key,
      java.util.function.Function<Map<String, Object>, Object> keyOf) {
    for (Map<String, Object> row : where(attribute, value)) {
      if (!Objects.equals(keyOf.apply(row), key)) {
        return true;
      }
    }
    return false;
  }
}

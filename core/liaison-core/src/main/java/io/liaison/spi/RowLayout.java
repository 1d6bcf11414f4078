package io.liaison.spi;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attribute names of the rows one read returns, in order, so that each row holds only its
 * values: {@code layout.row(values)} is an immutable map that shares the names with every other row
 * of the layout. An adapter reading thousands of target rows and link attributes makes one layout
 * per statement instead of a hash map per row (a hash map of four entries costs about five objects
 * and 200 bytes; a row of this layout, two objects and the values). Rows allow null values, iterate
 * in the layout's order and are equal to any map with the same entries.
 */
public final class RowLayout {

  /**
   * Above this many names a row finds a name through a hash index instead of comparing them in
   * turn.
   */
  private static final int SCAN_LIMIT = 8;

  private final String[] names;
  private final Map<String, Integer> index;

  private RowLayout(String[] names) {
    this.names = names;
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (idx.putIfAbsent(names[i], i) != null) {
        throw new IllegalArgumentException("Duplicate name in a row layout: " + names[i]);
      }
    }
    this.index = names.length > SCAN_LIMIT ? idx : null;
  }

  /**
   * @param names distinct, non-null attribute names, in the order rows iterate them
   */
  public static RowLayout of(List<String> names) {
    String[] copy = names.toArray(String[]::new);
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw new IllegalArgumentException("A row layout's names may not be null: " + names);
      }
      // interned, as string literals are: a caller's get("role") then finds its name by identity
      copy[i] = copy[i].intern();
    }
    return new RowLayout(copy);
  }

  /** The layout of rows holding these attributes, by name, in this order. */
  public static RowLayout ofAttributes(List<AttributeInfo> attributes) {
    return of(attributes.stream().map(AttributeInfo::name).toList());
  }

  /** The number of names, which is the length {@link #row} wants. */
  public int size() {
    return names.length;
  }

  /**
   * A row of this layout. The array becomes the row's: the caller must not keep or change it.
   *
   * @param values one value (possibly null) per name, in the layout's order
   */
  public Row row(Object[] values) {
    if (values.length != names.length) {
      throw new IllegalArgumentException(
          "A row of "
              + Arrays.toString(names)
              + " needs "
              + names.length
              + " values, not "
              + values.length);
    }
    return new Row(this, values, 0);
  }

  /**
   * A row of this layout over part of a larger array: its values are {@code values[offset]} to
   * {@code values[offset + size() - 1]}. An adapter reading many rows can keep all their values in
   * one array and hand out a row per slice, instead of an array per row. The slice becomes the
   * row's: the caller must not change it afterwards.
   */
  public Row row(Object[] values, int offset) {
    if (offset < 0 || offset > values.length - names.length) {
      throw new IllegalArgumentException(
          "A row of "
              + Arrays.toString(names)
              + " needs "
              + names.length
              + " values from offset "
              + offset
              + "; the array holds "
              + values.length);
    }
    return new Row(this, values, offset);
  }

  /**
   * The position of {@code name} in this layout, or -1: what {@link Row#value(int)} takes, so that
   * code reading many rows of one layout can look each name up once rather than per row.
   */
  public int position(String name) {
    return indexOf(name);
  }

  /**
   * One attribute's value across the many rows of one read, found by its position in their layout
   * (looked up again only when a row of another layout comes), or by name in a map of another kind.
   * For one read at a time: it keeps the last layout it saw.
   */
  public static final class Column {
    private final String name;
    private RowLayout layout;
    private int position;

    public Column(String name) {
      this.name = name;
    }

    /** The row's value of this attribute, or null. */
    public Object of(Map<String, Object> row) {
      if (row instanceof Row r) {
        if (r.layout != layout) {
          layout = r.layout;
          position = layout.indexOf(name);
        }
        return position < 0 ? null : r.values[r.offset + position];
      }
      return row.get(name);
    }
  }

  private int indexOf(Object name) {
    if (index != null) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A row: immutable, so code receiving one (such as {@link io.liaison.LinkedTarget}) may keep it
   * as it is instead of copying it.
   */
  public static final class Row extends AbstractMap<String, Object> {
    private final RowLayout layout;
    private final Object[] values;
    private final int offset;
    private Set<Map.Entry<String, Object>> entries;

    private Row(RowLayout layout, Object[] values, int offset) {
      this.layout = layout;
      this.values = values;
      this.offset = offset;
    }

    /** The layout this row is of. */
    public RowLayout layout() {
      return layout;
    }

    /** The value at a {@link RowLayout#position position} of the layout (null for a null value). */
    public Object value(int position) {
      return values[offset + position];
    }

    @Override
    public int size() {
      return layout.names.length;
    }

    @Override
    public boolean containsKey(Object key) {
      return layout.indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
      int i = layout.indexOf(key);
      return i < 0 ? null : values[offset + i];
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      Set<Map.Entry<String, Object>> e = entries;
      if (e == null) {
        e =
            new AbstractSet<>() {
              @Override
              public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                  private int next;

                  @Override
                  public boolean hasNext() {
                    return next < layout.names.length;
                  }

                  @Override
                  public Map.Entry<String, Object> next() {
                    if (next >= layout.names.length) {
                      throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new AbstractMap.SimpleImmutableEntry<>(
                        layout.names[i], values[offset + i]);
                  }
                };
              }

              @Override
              public int size() {
                return layout.names.length;
              }
            };
        entries = e;
      }
      return e;
    }
  }
}

package io.liaison.memory;

import io.liaison.StoreException;
import java.util.HashMap;
import java.util.Map;

/**
 * The data of a memory store: its tables by name and the last id each table handed out. A
 * transaction works on a {@link #copy}, which shares the rows (they never change in place), and
 * publishes it on commit; the adapter's lock lets one transaction run at a time, so there is
 * nothing to merge.
 */
final class Store {
  private final Map<String, Table> tables;
  private final Map<String, Long> sequences;

  Store() {
    this(new HashMap<>(), new HashMap<>());
  }

  private Store(Map<String, Table> tables, Map<String, Long> sequences) {
    this.tables = tables;
    this.sequences = sequences;
  }

  /** A store holding the same rows, whose tables change without changing this one's. */
  Store copy() {
    Map<String, Table> t = new HashMap<>();
    tables.forEach((name, table) -> t.put(name, table.copy()));
    return new Store(t, new HashMap<>(sequences));
  }

  /** Creates the table if it does not exist (what a schema sync does). */
  void create(String table) {
    tables.computeIfAbsent(table, Table::new);
  }

  /** The table, or a {@link StoreException}: as a database refuses a table nobody created. */
  Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw new StoreException(
          "No table " + name + " in the memory store (was the schema synced?)", null);
    }
    return t;
  }

  /** The next id of a table's sequence, kept above every id {@link #saw seen} in it. */
  long next(String table) {
    return sequences.merge(table, 1L, Long::sum);
  }

  /** Notes an id given explicitly, so that the sequence never hands it out again. */
  void saw(String table, long id) {
    sequences.merge(table, id, Math::max);
  }
}

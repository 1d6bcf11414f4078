package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.insertSql;
import static io.liaison.jdbc.SqlBuilder.junctionAttribute;

import io.liaison.InvalidCallException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ValueTypes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares the writes of belongsToMany junction rows ({@link JunctionWrite}): for a unique junction
 * the dialect's set-based overwrite ({@link Dialect#overwriteAll}) where every link gives every
 * through attribute, else its batched overwrite or upsert ({@link Dialect#upsert}), with plain
 * inserts as a first try where the dialect writes first; for parallel links, plain inserts with the
 * given or generated link ids. Every link's values are checked and coerced here, before any
 * statement runs.
 */
final class JunctionWrites {
  private final SqlRunner run;
  private final Dialect dialect;

  JunctionWrites(SqlRunner run, Dialect dialect) {
    this.run = run;
    this.dialect = dialect;
  }

  /**
   * A prepared junction write: an upsert (unique) or insert batches (parallel links). {@code
   * insert}, or null, is the try that runs first where the junction's foreign keys guard the ends
   * ({@link Dialect#writesFirst}): the same rows as plain inserts, which the database also refuses
   * for a link that exists, or, when {@code upsertsFirst}, the upsert itself.
   */
  record JunctionWrite(SqlAction write, SqlAction insert, boolean upsertsFirst) {
    JunctionWrite(SqlAction write) {
      this(write, null, false);
    }

    void run() throws SQLException {
      write.run();
    }
  }

  interface SqlAction {
    void run() throws SQLException;
  }

  /**
   * Runs once per link on large batches, so what does not change from link to link (the payload's
   * names and types, the labels errors name) is resolved before the loops, and each link's through
   * values are read in two passes: one checks every link's names (an unknown name is refused before
   * any value is coerced) and finds whether all links give every payload attribute; the other
   * builds the parameters.
   */
  JunctionWrite junctionWrite(AssociationInfo a, List<LinkRow> links) {
    JunctionInfo j = a.through();
    AttributeInfo fk = junctionAttribute(j, a.foreignKey());
    AttributeInfo other = junctionAttribute(j, a.otherKey());
    List<AttributeInfo> payload = j.payload();
    int n = payload.size();
    String[] names = new String[n];
    Class<?>[] types = new Class<?>[n];
    String[] labels = new String[n];
    for (int k = 0; k < n; k++) {
      AttributeInfo x = payload.get(k);
      names[k] = x.name();
      types[k] = x.type();
      labels[k] = "through attribute '" + x.name() + "'";
    }
    String sourceLabel = "source of " + a.name();
    String targetLabel = "target of " + a.name();
    boolean allGiven = n > 0;
    for (LinkRow l : links) {
      Map<String, Object> through = l.through();
      int given = 0;
      for (int k = 0; k < n; k++) {
        if (through.containsKey(names[k])) {
          given++;
        }
      }
      if (given != through.size()) {
        // some name is not a payload attribute: refuse it unless it names another attribute (a key)
        for (String key : through.keySet()) {
          if (j.attribute(key) == null) {
            throw new InvalidCallException(
                "Unknown through attribute '" + key + "' of " + j.name() + " (" + a.name() + ")");
          }
        }
      }
      if (given != n) {
        allGiven = false;
      }
    }
    if (j.unique() || j.id() == null) {
      List<String> payloadColumns = payload.stream().map(x -> q(x.column())).toList();
      List<Class<?>> payloadTypes = payload.stream().<Class<?>>map(AttributeInfo::type).toList();
      List<String> keyColumns = List.of(q(fk.column()), q(other.column()));
      String overwriteAll =
          allGiven ? dialect.overwriteAll(q(j.table()), keyColumns, payloadColumns) : null;
      if (overwriteAll != null) {
        List<List<Param>> slices =
            overwriteColumns(
                links,
                fk,
                other,
                names,
                types,
                sourceLabel,
                targetLabel,
                labels,
                dialect.maxArrayLength());
        SqlAction upsert = () -> run.batch(overwriteAll, slices, true);
        return j.unique() && dialect.writesFirst()
            ? new JunctionWrite(upsert, upsert, true)
            : new JunctionWrite(upsert);
      }
      String overwrite =
          allGiven ? dialect.overwrite(q(j.table()), keyColumns, payloadColumns) : null;
      String sql =
          overwrite != null
              ? overwrite
              : dialect.upsert(
                  q(j.table()),
                  keyColumns,
                  List.of(fk.type(), other.type()),
                  payloadColumns,
                  payloadTypes);
      boolean flags = overwrite == null;
      List<List<Param>> batch = new ArrayList<>(links.size());
      for (LinkRow l : links) {
        Map<String, Object> through = l.through();
        List<Param> params = new ArrayList<>(2 + (flags ? 2 * n : n));
        params.add(Param.of(l.source(), fk.type(), sourceLabel));
        params.add(Param.of(l.target(), other.type(), targetLabel));
        for (int k = 0; k < n; k++) {
          params.add(Param.of(through.get(names[k]), types[k], labels[k]));
        }
        if (flags) {
          for (int k = 0; k < n; k++) {
            params.add(Param.raw(through.containsKey(names[k]), Boolean.class));
          }
        }
        batch.add(params);
      }
      if (!j.unique() || !dialect.writesFirst()) {
        return new JunctionWrite(() -> run.batch(sql, batch));
      }
      // Each row's parameters begin with the keys and the payload, the insert's columns in order. A
      // new
      // row gets what the upsert would give it: the payload given, null where none is (not the
      // column's
      // default); the flags that follow only matter to a row that exists, which the insert refuses.
      List<AttributeInfo> columns = new ArrayList<>(2 + n);
      columns.add(fk);
      columns.add(other);
      columns.addAll(payload);
      String insert = insertSql(j.table(), columns);
      List<List<Param>> inserts =
          flags ? batch.stream().map(r -> r.subList(0, 2 + n)).toList() : batch;
      return new JunctionWrite(
          () -> run.batch(sql, batch), () -> run.batch(insert, inserts), false);
    }
    // Parallel links: plain inserts, with the given link ids or ids the database generates.
    AttributeInfo id = j.id();
    String linkIdLabel = "link id of " + a.name();
    List<AttributeInfo> columns = new ArrayList<>();
    columns.add(fk);
    columns.add(other);
    columns.addAll(payload);
    List<List<Param>> withId = new ArrayList<>();
    List<List<Param>> withoutId = new ArrayList<>();
    for (LinkRow l : links) {
      Map<String, Object> through = l.through();
      List<Param> params = new ArrayList<>(3 + n);
      params.add(Param.of(l.source(), fk.type(), sourceLabel));
      params.add(Param.of(l.target(), other.type(), targetLabel));
      for (int k = 0; k < n; k++) {
        params.add(Param.of(through.get(names[k]), types[k], labels[k]));
      }
      if (l.linkId() != null) {
        params.add(0, Param.of(l.linkId(), id.type(), linkIdLabel));
        withId.add(params);
      } else if (id.generated()) {
        withoutId.add(params);
      } else {
        throw new InvalidCallException("link " + a.name() + ": a parallel link needs a link id");
      }
    }
    String plain = insertSql(j.table(), columns);
    List<AttributeInfo> idColumns = new ArrayList<>(columns);
    idColumns.add(0, id);
    String explicit = insertSql(j.table(), idColumns);
    return new JunctionWrite(
        () -> {
          if (!withId.isEmpty()) {
            run.batch(explicit, withId);
          }
          if (!withoutId.isEmpty()) {
            run.batch(plain, withoutId);
          }
        });
  }

  /**
   * The parameters of {@link Dialect#overwriteAll}: the keys, then the payload, one array each, cut
   * in slices of at most {@code max} rows, each slice one execution of the batch. A pair given
   * twice is written once, with its last attributes, as the batch's second upsert of it would leave
   * it (one statement cannot update a row twice).
   */
  static List<List<Param>> overwriteColumns(
      List<LinkRow> links,
      AttributeInfo fk,
      AttributeInfo other,
      String[] names,
      Class<?>[] types,
      String sourceLabel,
      String targetLabel,
      String[] labels,
      int max) {
    int n = names.length;
    int size = links.size();
    Object[] sources = new Object[size];
    Object[] targets = new Object[size];
    Map<List<Object>, Integer> last = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      LinkRow l = links.get(i);
      sources[i] = ValueTypes.coerce(l.source(), fk.type(), sourceLabel);
      targets[i] = ValueTypes.coerce(l.target(), other.type(), targetLabel);
      last.put(Arrays.asList(sources[i], targets[i]), i);
    }
    boolean repeats = last.size() < size;
    List<Object> sourceColumn = new ArrayList<>(last.size());
    List<Object> targetColumn = new ArrayList<>(last.size());
    List<List<Object>> payload = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      payload.add(new ArrayList<>(last.size()));
    }
    for (int i = 0; i < size; i++) {
      if (repeats && last.get(Arrays.asList(sources[i], targets[i])) != i) {
        continue;
      }
      sourceColumn.add(sources[i]);
      targetColumn.add(targets[i]);
      Map<String, Object> through = links.get(i).through();
      for (int k = 0; k < n; k++) {
        payload.get(k).add(through.get(names[k]));
      }
    }
    List<List<Param>> slices = new ArrayList<>();
    for (int from = 0; from < sourceColumn.size(); from += max) {
      int to = Math.min(sourceColumn.size(), from + max);
      List<Param> columns = new ArrayList<>(2 + n);
      // the keys are coerced already
      columns.add(new Param(sourceColumn.subList(from, to), fk.type(), true));
      columns.add(new Param(targetColumn.subList(from, to), other.type(), true));
      for (int k = 0; k < n; k++) {
        columns.add(Param.column(payload.get(k).subList(from, to), types[k], labels[k]));
      }
      slices.add(columns);
    }
    return slices;
  }
}

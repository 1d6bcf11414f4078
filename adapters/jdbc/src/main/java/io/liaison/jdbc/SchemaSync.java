package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.q;

import io.liaison.Association.Kind;
import io.liaison.ReferentialAction;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ForeignKeyInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creates what a schema needs and the database lacks: tables (models and junctions) with their
 * primary keys, missing columns, unique constraints on referenced keys, foreign keys with their
 * actions, and an index on every foreign-key column that neither the primary key nor a longer index
 * begins with. What exists is read from {@code information_schema} first, so running it again does
 * nothing.
 *
 * <p>Names: {@code pk_TABLE}, {@code uq_TABLE_COLUMN}, {@code fk_TABLE_COLUMN}, {@code
 * ix_TABLE_COLUMN...}, shortened with a hash past 63 characters (see {@link Sql#name}).
 */
final class SchemaSync {
  private final Connection conn;
  private final Dialect dialect;
  private final Consumer<String> onStatement;

  /** Tables present, by exact name. */
  private final Set<String> tables = new HashSet<>();

  /** Columns present, by table. */
  private final Map<String, Set<String>> columns = new HashMap<>();

  /** Constraints present, as {@code table/name}. */
  private final Set<String> constraints = new HashSet<>();

  /**
   * The columns a primary key, unique constraint, foreign key or index covers, as {@code
   * table/column} ({@link Dialect#columnType(Class, boolean)}).
   */
  private final Set<String> keyColumns = new HashSet<>();

  SchemaSync(Connection conn, Dialect dialect, Consumer<String> onStatement) {
    this.conn = conn;
    this.dialect = dialect;
    this.onStatement = onStatement;
  }

  /** The table definitions the schema asks for, by table name. */
  private record TableDef(
      String table, List<AttributeInfo> attributes, List<String> primaryKey, Set<String> notNull) {}

  void run(SchemaInfo schema) throws SQLException {
    readCatalog();

    Map<String, TableDef> defs = new LinkedHashMap<>();
    Map<String, ModelInfo> modelsByTable = new HashMap<>();
    for (ModelInfo m : schema.models()) {
      modelsByTable.put(m.table(), m);
      defs.putIfAbsent(
          m.table(),
          new TableDef(
              m.table(), m.attributes(), List.of(m.id().column()), Set.of(m.id().column())));
    }
    List<List<String>> extraIndexes = new ArrayList<>();
    for (JunctionInfo j : schema.junctions()) {
      AttributeInfo p = j.attribute(j.principalKey());
      AttributeInfo d = j.attribute(j.dependentKey());
      Set<String> notNull = new HashSet<>(Set.of(p.column(), d.column()));
      List<String> pk;
      if (j.unique() || j.id() == null) {
        pk = List.of(p.column(), d.column());
      } else {
        pk = List.of(j.id().column());
        notNull.add(j.id().column());
        extraIndexes.add(List.of(j.table(), p.column(), d.column()));
      }
      defs.putIfAbsent(j.table(), new TableDef(j.table(), j.attributes(), pk, notNull));
    }

    // Unique keys: declared ones, and any referenced column that is not the referenced table's id.
    Map<String, Set<String>> uniques = new LinkedHashMap<>();
    for (ModelInfo m : schema.models()) {
      for (String key : m.uniqueKeys()) {
        AttributeInfo a = m.attribute(key);
        uniques
            .computeIfAbsent(m.table(), t -> new LinkedHashSet<>())
            .add(a == null ? key : a.column());
      }
    }
    for (ForeignKeyInfo fk : schema.constraints()) {
      ModelInfo referenced = modelsByTable.get(fk.referencedTable());
      if (referenced == null || !referenced.id().column().equals(fk.referencedColumn())) {
        uniques
            .computeIfAbsent(fk.referencedTable(), t -> new LinkedHashSet<>())
            .add(fk.referencedColumn());
      }
    }

    Set<List<String>> indexed = indexes(schema, extraIndexes);
    for (TableDef def : defs.values()) {
      for (String c : def.primaryKey()) {
        keyColumns.add(def.table() + "/" + c);
      }
    }
    for (Map.Entry<String, Set<String>> e : uniques.entrySet()) {
      for (String c : e.getValue()) {
        keyColumns.add(e.getKey() + "/" + c);
      }
    }
    for (ForeignKeyInfo fk : schema.constraints()) {
      keyColumns.add(fk.holderTable() + "/" + fk.column());
      keyColumns.add(fk.referencedTable() + "/" + fk.referencedColumn());
    }
    for (List<String> index : indexed) {
      for (String c : index.subList(1, index.size())) {
        keyColumns.add(index.get(0) + "/" + c);
      }
    }

    try (Statement st = conn.createStatement()) {
      for (TableDef def : defs.values()) {
        if (!tables.contains(def.table())) {
          execute(st, createTable(def, uniques.getOrDefault(def.table(), Set.of())));
          tables.add(def.table());
          for (String u : uniques.getOrDefault(def.table(), Set.of())) {
            constraints.add(def.table() + "/" + Sql.name("uq", def.table(), u));
          }
        } else {
          Set<String> present = columns.getOrDefault(def.table(), Set.of());
          for (AttributeInfo a : def.attributes()) {
            if (!present.contains(a.column())) {
              // Added nullable whatever the declaration: existing rows have no value for it.
              execute(
                  st,
                  "ALTER TABLE "
                      + q(def.table())
                      + " ADD COLUMN "
                      + q(a.column())
                      + " "
                      + columnType(def.table(), a));
            }
          }
        }
      }
      for (Map.Entry<String, Set<String>> e : uniques.entrySet()) {
        for (String column : e.getValue()) {
          String name = Sql.name("uq", e.getKey(), column);
          if (constraints.add(e.getKey() + "/" + name)) {
            execute(
                st,
                "ALTER TABLE "
                    + q(e.getKey())
                    + " ADD CONSTRAINT "
                    + q(name)
                    + " UNIQUE ("
                    + q(column)
                    + ")");
          }
        }
      }
      // Indexes come before the foreign keys: H2 gives a foreign key an index of its own unless a
      // single-column index on its column exists (it uses neither the primary key's nor a longer
      // one),
      // so made after, each would be made twice.
      for (List<String> index : indexed) {
        String table = index.get(0);
        List<String> cols = index.subList(1, index.size());
        if (servedByAnother(defs, indexed, index)) {
          continue; // served by the primary key's or a longer index: another would only slow every
          // write
        }
        StringBuilder sql =
            new StringBuilder("CREATE INDEX IF NOT EXISTS ")
                .append(q(Sql.name("ix", index.toArray(String[]::new))))
                .append(" ON ")
                .append(q(table))
                .append(" (");
        for (int i = 0; i < cols.size(); i++) {
          sql.append(i > 0 ? ", " : "").append(q(cols.get(i)));
        }
        execute(st, sql.append(')').toString());
      }
      for (ForeignKeyInfo fk : schema.constraints()) {
        String name = Sql.name("fk", fk.holderTable(), fk.column());
        if (constraints.add(fk.holderTable() + "/" + name)) {
          execute(
              st,
              "ALTER TABLE "
                  + q(fk.holderTable())
                  + " ADD CONSTRAINT "
                  + q(name)
                  + " FOREIGN KEY ("
                  + q(fk.column())
                  + ") REFERENCES "
                  + q(fk.referencedTable())
                  + " ("
                  + q(fk.referencedColumn())
                  + ") ON DELETE "
                  + action(fk.onDelete())
                  + " ON UPDATE "
                  + action(fk.onUpdate()));
        }
      }
    }
  }

  /** The indexes the schema asks for, each {@code [table, column...]}. */
  private static Set<List<String>> indexes(SchemaInfo schema, List<List<String>> extraIndexes) {
    Set<List<String>> indexed = new LinkedHashSet<>();
    for (ForeignKeyInfo fk : schema.constraints()) {
      indexed.add(List.of(fk.holderTable(), fk.column()));
    }
    for (AssociationInfo a : schema.associations()) {
      if (a.kind() == Kind.BELONGS_TO_MANY) {
        JunctionInfo j = a.through();
        indexed.add(List.of(j.table(), j.attribute(a.foreignKey()).column()));
        indexed.add(List.of(j.table(), j.attribute(a.otherKey()).column()));
      } else {
        ModelInfo holder = a.foreignKeyHolder();
        AttributeInfo fk = holder.attribute(a.foreignKey());
        indexed.add(List.of(holder.table(), fk == null ? a.foreignKey() : fk.column()));
      }
    }
    indexed.addAll(extraIndexes);
    return indexed;
  }

  private String columnType(String table, AttributeInfo a) {
    return dialect.columnType(a.type(), keyColumns.contains(table + "/" + a.column()));
  }

  /**
   * Whether {@code index} ({@code [table, column...]}) is the beginning of the table's primary key
   * or of another of the {@code indexes}, whose index then serves every look-up it would.
   */
  private static boolean servedByAnother(
      Map<String, TableDef> defs, Set<List<String>> indexes, List<String> index) {
    String table = index.get(0);
    List<String> columns = index.subList(1, index.size());
    TableDef def = defs.get(table);
    if (def != null && leads(def.primaryKey(), columns)) {
      return true;
    }
    for (List<String> other : indexes) {
      if (other.size() > index.size()
          && other.get(0).equals(table)
          && leads(other.subList(1, other.size()), columns)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code columns} are the first columns of {@code key}, in order. */
  static boolean leads(List<String> key, List<String> columns) {
    return columns.size() <= key.size() && key.subList(0, columns.size()).equals(columns);
  }

  private String createTable(TableDef def, Set<String> uniqueColumns) {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(q(def.table())).append(" (");
    for (AttributeInfo a : def.attributes()) {
      sql.append(q(a.column())).append(' ').append(columnType(def.table(), a));
      if (a.generated()
          && (a.type() == Long.class || a.type() == Integer.class || a.type() == Short.class)) {
        sql.append(dialect.identity());
      }
      if (!a.nullable() || def.notNull().contains(a.column())) {
        sql.append(" NOT NULL");
      }
      sql.append(", ");
    }
    sql.append("CONSTRAINT ").append(q(Sql.name("pk", def.table()))).append(" PRIMARY KEY (");
    for (int i = 0; i < def.primaryKey().size(); i++) {
      sql.append(i > 0 ? ", " : "").append(q(def.primaryKey().get(i)));
    }
    sql.append(')');
    for (String u : uniqueColumns) {
      sql.append(", CONSTRAINT ")
          .append(q(Sql.name("uq", def.table(), u)))
          .append(" UNIQUE (")
          .append(q(u))
          .append(')');
    }
    return sql.append(')').append(dialect.tableOptions()).toString();
  }

  static String action(ReferentialAction action) {
    if (action == null) {
      return "NO ACTION";
    }
    return switch (action) {
      case CASCADE -> "CASCADE";
      case SET_NULL -> "SET NULL";
      case RESTRICT -> "RESTRICT";
      case NO_ACTION -> "NO ACTION";
    };
  }

  private void execute(Statement st, String sql) throws SQLException {
    onStatement.accept(sql);
    st.execute(sql);
  }

  private void readCatalog() throws SQLException {
    String schema = conn.getSchema();
    query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
        schema,
        rs -> tables.add(rs.getString(1)));
    query(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?",
        schema,
        rs -> columns.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2)));
    query(
        "SELECT table_name, constraint_name FROM information_schema.table_constraints WHERE table_schema = ?",
        schema,
        rs -> constraints.add(rs.getString(1) + "/" + rs.getString(2)));
  }

  private interface RowAction {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, String schema, RowAction action) throws SQLException {
    onStatement.accept(sql);
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(rs);
        }
      }
    }
  }
}

package io.liaison.memory;

import io.liaison.ReferentialAction;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ForeignKeyInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a relational database would hold as DDL for the synced schemas: each table's attributes and
 * primary key, its unique attributes, and the foreign keys with their referential actions. Built
 * from {@link SchemaInfo} as the JDBC adapter's schema sync builds its tables and constraints, so
 * that the memory store refuses and cascades what a database would. Immutable; {@link #plus} merges
 * another schema, as a database keeps the tables of every schema synced into it.
 */
final class Catalog {

  /**
   * A table.
   *
   * @param name the table name
   * @param attributes every attribute
   * @param primaryKey the attributes of the primary key (the id; a unique junction's two keys; a
   *     parallel junction's link id)
   * @param unique further attributes whose non-null values must be distinct
   */
  record TableDef(
      String name, List<AttributeInfo> attributes, List<String> primaryKey, Set<String> unique) {

    /** The row's primary key: the one value, or the list of them. */
    Object keyOf(Map<String, Object> row) {
      if (primaryKey.size() == 1) {
        return row.get(primaryKey.get(0));
      }
      Object[] key = new Object[primaryKey.size()];
      for (int i = 0; i < key.length; i++) {
        key[i] = row.get(primaryKey.get(i));
      }
      return Arrays.asList(key);
    }

    AttributeInfo attribute(String attributeName) {
      for (AttributeInfo a : attributes) {
        if (a.name().equals(attributeName)) {
          return a;
        }
      }
      return null;
    }

    /** The attribute stored in this column, or null. */
    AttributeInfo byColumn(String column) {
      for (AttributeInfo a : attributes) {
        if (a.column().equals(column)) {
          return a;
        }
      }
      return null;
    }

    /** Whether a null is refused: a primary-key attribute or one declared not nullable. */
    boolean notNull(AttributeInfo a) {
      return !a.nullable() || primaryKey.contains(a.name());
    }
  }

  /**
   * A foreign key, by attribute names: {@code holder.attribute} references {@code referenced.key}.
   * A null action is the database's default, NO ACTION.
   */
  record ForeignKey(
      String holder,
      String attribute,
      String referenced,
      String key,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {

    /**
     * Whether the action refuses a change while dependants exist (RESTRICT, NO ACTION, or none
     * given).
     */
    static boolean refuses(ReferentialAction action) {
      return action == null
          || action == ReferentialAction.RESTRICT
          || action == ReferentialAction.NO_ACTION;
    }
  }

  static final Catalog EMPTY = new Catalog(Map.of(), List.of());

  private final Map<String, TableDef> tables;
  private final List<ForeignKey> foreignKeys;

  private Catalog(Map<String, TableDef> tables, List<ForeignKey> foreignKeys) {
    this.tables = Map.copyOf(tables);
    this.foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * This catalog and the tables and foreign keys of {@code schema} (those already known are kept).
   */
  Catalog plus(SchemaInfo schema) {
    Map<String, TableDef> defs = new LinkedHashMap<>(tables);
    Map<String, Set<String>> uniques = new HashMap<>();
    for (ModelInfo m : schema.models()) {
      uniques.computeIfAbsent(m.table(), t -> new LinkedHashSet<>()).addAll(m.uniqueKeys());
    }
    Map<String, ModelInfo> models = new HashMap<>();
    for (ModelInfo m : schema.models()) {
      models.put(m.table(), m);
    }
    for (ForeignKeyInfo fk : schema.constraints()) {
      ModelInfo referenced = models.get(fk.referencedTable());
      if (referenced != null && !referenced.id().column().equals(fk.referencedColumn())) {
        AttributeInfo key = byColumn(referenced.attributes(), fk.referencedColumn());
        if (key != null) {
          uniques.computeIfAbsent(referenced.table(), t -> new LinkedHashSet<>()).add(key.name());
        }
      }
    }
    for (ModelInfo m : schema.models()) {
      defs.putIfAbsent(
          m.table(),
          new TableDef(
              m.table(),
              m.attributes(),
              List.of(m.id().name()),
              Set.copyOf(uniques.getOrDefault(m.table(), Set.of()))));
    }
    for (JunctionInfo j : schema.junctions()) {
      List<String> pk =
          j.unique() || j.id() == null
              ? List.of(j.principalKey(), j.dependentKey())
              : List.of(j.id().name());
      defs.putIfAbsent(
          j.table(),
          new TableDef(
              j.table(),
              withNotNull(j.attributes(), Set.of(j.principalKey(), j.dependentKey())),
              pk,
              Set.of()));
    }
    List<ForeignKey> keys = new ArrayList<>(foreignKeys);
    for (ForeignKeyInfo fk : schema.constraints()) {
      TableDef holder = defs.get(fk.holderTable());
      TableDef referenced = defs.get(fk.referencedTable());
      if (holder == null
          || referenced == null
          || holder.byColumn(fk.column()) == null
          || referenced.byColumn(fk.referencedColumn()) == null) {
        continue;
      }
      String attribute = holder.byColumn(fk.column()).name();
      if (keys.stream()
          .noneMatch(k -> k.holder().equals(holder.name()) && k.attribute().equals(attribute))) {
        keys.add(
            new ForeignKey(
                holder.name(),
                attribute,
                referenced.name(),
                referenced.byColumn(fk.referencedColumn()).name(),
                fk.onDelete(),
                fk.onUpdate()));
      }
    }
    return new Catalog(defs, keys);
  }

  Set<String> tableNames() {
    return tables.keySet();
  }

  /** The table's definition, or null for a table no synced schema names. */
  TableDef table(String name) {
    return tables.get(name);
  }

  /** Foreign keys held by this table. */
  List<ForeignKey> heldBy(String table) {
    return foreignKeys.stream().filter(k -> k.holder().equals(table)).toList();
  }

  /** Foreign keys referencing this table. */
  List<ForeignKey> referencing(String table) {
    return foreignKeys.stream().filter(k -> k.referenced().equals(table)).toList();
  }

  private static AttributeInfo byColumn(List<AttributeInfo> attributes, String column) {
    for (AttributeInfo a : attributes) {
      if (a.column().equals(column)) {
        return a;
      }
    }
    return null;
  }

  /** The attributes, those named made not nullable (a junction's keys are NOT NULL columns). */
  private static List<AttributeInfo> withNotNull(
      List<AttributeInfo> attributes, Set<String> names) {
    return attributes.stream()
        .map(
            a ->
                names.contains(a.name())
                    ? new AttributeInfo(
                        a.name(), a.column(), a.type(), false, a.generated(), a.declared())
                    : a)
        .toList();
  }
}

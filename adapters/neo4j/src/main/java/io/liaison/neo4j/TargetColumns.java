package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.prop;

import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.RowLayout;
import io.liaison.spi.TargetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns a targets read returns and its records read back as {@link TargetRow}s: the source's
 * match value, every target property, the junction's other properties and a parallel link's id,
 * each a column of its own, and each value converted back to its attribute's type. Properties come
 * back as columns, not as map projections ({@code {.*}} builds a map per node and per relationship:
 * a quarter of a 2,000-row read). The junction's keys are not read again: they are the source's and
 * the target's key values, which are read anyway.
 */
final class TargetColumns {
  private final AssociationInfo a;
  private final LinkPath path;
  private final List<AttributeInfo> targetAttrs;
  private final List<String> columns = new ArrayList<>(List.of("source"));
  private final List<AttributeInfo> through = new ArrayList<>();

  /** Per through attribute, its column, or null for a key read as the source's or target's. */
  private final List<String> throughColumns = new ArrayList<>();

  private final StringBuilder returns;

  TargetColumns(AssociationInfo a, LinkPath path) {
    this.a = a;
    this.path = path;
    ModelInfo target = a.target();
    JunctionInfo j = a.through();
    targetAttrs = target.attributes();
    returns = new StringBuilder("RETURN ").append(path.sourceExpr()).append(" AS source");
    for (int i = 0; i < targetAttrs.size(); i++) {
      returns.append(", ").append(prop("t", targetAttrs.get(i).column())).append(" AS t").append(i);
      columns.add("t" + i);
    }
    if (path.junction()) {
      for (AttributeInfo x : j.attributes()) {
        if (j.id() != null && x.name().equals(j.id().name())) {
          continue;
        }
        through.add(x);
        if (x.name().equals(a.foreignKey()) || x.name().equals(a.otherKey())) {
          throughColumns.add(null);
        } else {
          String alias = "l" + throughColumns.size();
          returns.append(", ").append(prop("rel", x.column())).append(" AS ").append(alias);
          throughColumns.add(alias);
          columns.add(alias);
        }
      }
      if (path.parallel()) {
        returns.append(", ").append(prop("rel", j.id().column())).append(" AS linkId");
        columns.add("linkId");
      }
    }
  }

  /** {@code RETURN} and the columns, without an order. */
  String returnClause() {
    return returns.toString();
  }

  /** The column names, in order. */
  List<String> names() {
    return columns;
  }

  /**
   * The records of the read as rows; {@code given} maps a stored source value back to the value the
   * caller gave ({@link io.liaison.spi.ValueTypes#givenValues}).
   */
  List<TargetRow> read(List<Map<String, Object>> records, Map<Object, Object> given) {
    ModelInfo target = a.target();
    JunctionInfo j = a.through();
    int targetKeyColumn = targetAttrs.indexOf(path.targetAttr());
    String[] targetColumns = columns.subList(1, 1 + targetAttrs.size()).toArray(String[]::new);
    RowLayout targetLayout = RowLayout.ofAttributes(target.attributes());
    RowLayout throughLayout = RowLayout.ofAttributes(through);
    // each column's position is looked up once per read, not by name per record
    RowLayout.Column sourceColumn = new RowLayout.Column("source");
    RowLayout.Column[] targetValues = new RowLayout.Column[targetColumns.length];
    for (int i = 0; i < targetValues.length; i++) {
      targetValues[i] = new RowLayout.Column(targetColumns[i]);
    }
    RowLayout.Column[] throughValues = new RowLayout.Column[through.size()];
    for (int i = 0; i < throughValues.length; i++) {
      AttributeInfo x = through.get(i);
      throughValues[i] =
          throughColumns.get(i) != null
              ? new RowLayout.Column(throughColumns.get(i))
              : x.name().equals(a.foreignKey()) ? sourceColumn : targetValues[targetKeyColumn];
    }
    RowLayout.Column linkIdColumn = new RowLayout.Column("linkId");
    List<TargetRow> out = new ArrayList<>();
    for (Map<String, Object> rec : records) {
      Object source = GraphValues.fromStore(sourceColumn.of(rec), path.sourceAttr().type());
      Object[] row = new Object[targetValues.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = GraphValues.fromStore(targetValues[i].of(rec), targetAttrs.get(i).type());
      }
      Object[] links = new Object[throughValues.length];
      for (int i = 0; i < links.length; i++) {
        links[i] = GraphValues.fromStore(throughValues[i].of(rec), through.get(i).type());
      }
      Object linkId =
          path.parallel() ? GraphValues.fromStore(linkIdColumn.of(rec), j.id().type()) : null;
      out.add(
          new TargetRow(
              given.getOrDefault(source, source),
              targetLayout.row(row),
              throughLayout.row(links),
              linkId));
    }
    return out;
  }
}

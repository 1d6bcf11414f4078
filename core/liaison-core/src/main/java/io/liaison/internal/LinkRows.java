package io.liaison.internal;

import io.liaison.Association.Kind;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The link rows one write hands the store: one per pair, or one per distinct pair. */
final class LinkRows {
  private LinkRows() {}

  /**
   * The link rows of {@code n} pairs, in order. Parallel links keep every pair; otherwise a
   * repeated pair is written once, with the through values of its last occurrence (hasMany: a
   * repeated target).
   *
   * @param oneSource all pairs have the same source
   */
  static List<LinkRow> of(
      AssociationInfo a,
      int n,
      IntFunction<Object> source,
      IntFunction<Object> target,
      List<Map<String, Object>> throughs,
      boolean oneSource) {
    if (a.kind() == Kind.BELONGS_TO_MANY && !a.through().unique()) {
      List<LinkRow> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        rows.add(new LinkRow(source.apply(i), target.apply(i), throughs.get(i), null));
      }
      return rows;
    }
    Map<Object, LinkRow> byPair = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Object sm = source.apply(i);
      Object tm = target.apply(i);
      Object key = oneSource || a.kind() == Kind.HAS_MANY ? tm : List.of(sm, tm);
      byPair.remove(key);
      byPair.put(key, new LinkRow(sm, tm, throughs.get(i), null));
    }
    return new ArrayList<>(byPair.values());
  }
}

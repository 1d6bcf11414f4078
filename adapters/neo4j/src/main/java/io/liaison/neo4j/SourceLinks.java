package io.liaison.neo4j;

import static io.liaison.neo4j.Cypher.lock;
import static io.liaison.neo4j.Cypher.q;

import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.UnlinkMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Removes and replaces the links of one source, of any kind: the statement that finds the source's
 * links (to some targets, to all, or to all but some; with the source's write lock when replacing),
 * whose removal {@link ForeignKeyLinks} or {@link JunctionLinks} completes by the association's
 * kind, and the set that removes the others before linking the given targets.
 */
final class SourceLinks {
  private final ForeignKeyLinks foreignKeys;
  private final JunctionLinks junctions;

  SourceLinks(ForeignKeyLinks foreignKeys, JunctionLinks junctions) {
    this.foreignKeys = foreignKeys;
    this.junctions = junctions;
  }

  /** Removes the source's links to {@code targets} (all when null); returns how many. */
  int unlink(AssociationInfo a, Object source, Collection<?> targets, UnlinkMode mode) {
    if (source == null || targets != null && targets.isEmpty()) {
      return 0;
    }
    return removeLinks("unlink " + a.name(), a, source, targets, false, mode, false);
  }

  /**
   * Removes the source's links to {@code targets} (all when null; with {@code except}, all but
   * those). hasOne/hasMany apply the mode to the dependants; belongsTo nulls the source's key. With
   * {@code lock}, the statement first takes the source node's write lock (see {@link #replace}).
   */
  private int removeLinks(
      String op,
      AssociationInfo a,
      Object source,
      Collection<?> targets,
      boolean except,
      UnlinkMode mode,
      boolean lock) {
    LinkPath path = LinkPath.of(a);
    Cypher.Params params = new Cypher.Params();
    String sourceValue =
        params.put(
            "source", GraphValues.param(source, path.sourceAttr().type(), "source of " + a.name()));
    StringBuilder match = new StringBuilder("MATCH ");
    if (lock) {
      String label = q(a.source().table());
      match
          .append("(s:")
          .append(label)
          .append(") WHERE ")
          .append(path.sourceExpr())
          .append(" = ")
          .append(sourceValue)
          .append('\n')
          .append(lock("s", label))
          .append("WITH s\nMATCH ");
    }
    match
        .append(path.pattern())
        .append("\nWHERE ")
        .append(path.sourceExpr())
        .append(" = ")
        .append(sourceValue);
    if (targets != null) {
      match
          .append(except ? " AND NOT " : " AND ")
          .append(path.targetExpr())
          .append(" IN ")
          .append(
              params.put(
                  "targets",
                  GraphValues.params(targets, path.targetAttr().type(), "target of " + a.name())));
    }
    match.append(LinkPath.inThroughScope(a, params)).append('\n');
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      return junctions.remove(op, match.toString(), params);
    }
    return foreignKeys.remove(op, a, match.toString(), params, mode);
  }

  /**
   * Sets the source's links to {@code links}: under the source's write lock the links to other
   * targets are removed (for belongsTo and parallel links, all of them), then the given ones are
   * written.
   */
  void replace(AssociationInfo a, Object source, List<LinkRow> links, UnlinkMode mode) {
    if (source == null) {
      throw new InvalidCallException("set " + a.name() + ": no source");
    }
    String op = "set " + a.name();
    LinkPath path = LinkPath.of(a);
    Object expected = GraphValues.param(source, path.sourceAttr().type(), "source of " + a.name());
    for (LinkRow l : links) {
      if (!Objects.equals(
          expected,
          GraphValues.param(l.source(), path.sourceAttr().type(), "source of " + a.name()))) {
        throw new InvalidCallException(
            op + ": a link from " + l.source() + " given for source " + source);
      }
    }
    if (a.kind() == Kind.BELONGS_TO && links.size() > 1) {
      throw new InvalidCallException(
          op + ": belongsTo links one target, " + links.size() + " given");
    }
    List<Object> keep = new ArrayList<>();
    for (LinkRow l : links) {
      keep.add(l.target());
    }
    boolean keepNone = a.kind() == Kind.BELONGS_TO || path.parallel() || keep.isEmpty();
    // The first statement locks the source node before reading its links, so that two sets of one
    // source
    // take turns: the second reads (and replaces) what the first committed, never a mix of both.
    removeLinks(op, a, source, keepNone ? null : keep, true, mode, true);
    if (links.isEmpty()) {
      return;
    }
    if (a.kind() == Kind.BELONGS_TO_MANY) {
      junctions.link(op, a, links);
    } else {
      foreignKeys.point(op, a, links);
    }
  }
}

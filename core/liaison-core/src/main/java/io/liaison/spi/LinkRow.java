package io.liaison.spi;

import java.util.Map;

/**
 * One link to write or one link read.
 *
 * @param source the source's match value ({@link AssociationInfo#sourceMatch()})
 * @param target the target's match value ({@link AssociationInfo#targetMatch()})
 * @param through through attributes by name (belongsToMany), never null; on read it includes the
 *     keys
 * @param linkId the link id of a parallel (non-unique) link, else null
 */
public record LinkRow(Object source, Object target, Map<String, Object> through, Object linkId) {
  public LinkRow {
    through = through == null ? Map.of() : through;
  }
}

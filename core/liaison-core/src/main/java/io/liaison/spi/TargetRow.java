package io.liaison.spi;

import java.util.Map;

/**
 * A target read through an association.
 *
 * @param source the source's match value it was reached from
 * @param target the target row, keyed by attribute name (implicit attributes included)
 * @param through the link's junction attributes, keys included (belongsToMany), else empty
 * @param linkId the link id for parallel links, else null
 */
public record TargetRow(Object source, Map<String, Object> target, Map<String, Object> through, Object linkId) {
}

package io.liaison.contract;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One link as a store holds it, store-neutral (see {@link StoreProbe#links}).
 *
 * @param principal the principal's key value (where a graph relationship starts)
 * @param dependent the dependent's key value (belongsToMany) or id (foreign-key associations)
 * @param linkId the link's own id on parallel links, else null
 * @param attributes the through attributes by name (belongsToMany), else empty
 */
public record StoredLink(
    Object principal, Object dependent, Object linkId, Map<String, Object> attributes) {

  public StoredLink {
    attributes =
        attributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /**
   * The link with every value normalized: integral numbers as Long, so that a store's Integer and
   * another's Long compare equal, attributes sorted by name.
   */
  public StoredLink normalized() {
    Map<String, Object> attrs = new TreeMap<>();
    attributes.forEach((k, v) -> attrs.put(k, normalize(v)));
    return new StoredLink(normalize(principal), normalize(dependent), normalize(linkId), attrs);
  }

  /**
   * Integral numbers (Integer, Short, Long, a BigDecimal without fraction) as Long; others
   * unchanged.
   */
  public static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      return d.longValueExact();
    }
    return value;
  }

  /**
   * Principal, dependent and attributes, without the link id: how a test names a link it expects.
   */
  public String pair() {
    StoredLink n = normalized();
    return n.principal + "->" + n.dependent + " " + n.attributes;
  }
}

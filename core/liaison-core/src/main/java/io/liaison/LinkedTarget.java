package io.liaison;

import io.liaison.internal.Args;
import io.liaison.spi.RowLayout;
import java.util.Map;

/**
 * A target read through an association, with the link's own data: its through attributes (for
 * belongsToMany, including the two keys, as Sequelize shows them) and, for {@code unique(false)}
 * links, the link's id.
 *
 * @param <T> the target model class
 */
public record LinkedTarget<T>(T target, Map<String, Object> through, Object linkId) {
  public LinkedTarget {
    Args.notNull(target, "LinkedTarget", "target");
    // A RowLayout row is immutable already: kept as it is (reads make thousands of these).
    through =
        through == null
            ? Map.of()
            : through instanceof RowLayout.Row
                ? through
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(through));
  }

  /** One through attribute, or null. */
  public Object through(String attribute) {
    return through.get(Args.notNull(attribute, "LinkedTarget.through", "attribute"));
  }
}

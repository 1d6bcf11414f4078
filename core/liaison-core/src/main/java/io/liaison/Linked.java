package io.liaison;

import java.util.Map;
import java.util.Objects;

/**
 * A target read through an association, with the link's own data: its through attributes (for
 * belongsToMany, including the two keys, as Sequelize shows them) and, for {@code unique(false)}
 * links, the link's id.
 *
 * @param <T> the target model class
 */
public record Linked<T>(T target, Map<String, Object> through, Object linkId) {
  public Linked {
    Objects.requireNonNull(target, "target");
    through = through == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(through));
  }

  /** One through attribute, or null. */
  public Object through(String attribute) {
    return through.get(attribute);
  }
}

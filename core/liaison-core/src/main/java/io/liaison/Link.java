package io.liaison;

import io.liaison.internal.Args;
import java.util.Map;

/**
 * A link to write: a target (entity or id) and its own through attributes, for {@link
 * ManyLinks#addAll(java.util.List)} and {@link ManyLinks#setAll(java.util.List)} when each link
 * carries different attributes ({@code user.addProjects([p1, p2])} with {@code p1.UserProjects =
 * {...}}).
 *
 * @param target an entity of the target model, or its id
 * @param through a {@code Map} of attributes, an instance of the through model, or null
 */
public record Link(Object target, Object through) {
  public Link {
    Args.notNull(target, "Link.to", "target");
  }

  public static Link to(Object target) {
    return new Link(target, null);
  }

  public static Link to(Object target, Object through) {
    return new Link(target, through);
  }

  public static Link to(Object target, Map<String, ?> through) {
    return new Link(target, through);
  }
}

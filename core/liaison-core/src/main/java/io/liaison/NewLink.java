package io.liaison;

import io.liaison.internal.Args;
import java.util.Map;

/**
 * A new link to write from one source: a target (entity or id) and its own through attributes, for
 * {@link ManyAccessor#addAll(java.util.List)} and {@link ManyAccessor#setAll(java.util.List)} when
 * each link carries different attributes ({@code user.addProjects([p1, p2])} with {@code
 * p1.UserProjects = {...}}).
 *
 * @param target an entity of the target model, or its id
 * @param through a {@code Map} of attributes, an instance of the through model, or null
 */
public record NewLink(Object target, Object through) {
  public NewLink {
    Args.notNull(target, "NewLink.to", "target");
  }

  public static NewLink to(Object target) {
    return new NewLink(target, null);
  }

  public static NewLink to(Object target, Object through) {
    return new NewLink(target, through);
  }

  public static NewLink to(Object target, Map<String, ?> through) {
    return new NewLink(target, through);
  }
}

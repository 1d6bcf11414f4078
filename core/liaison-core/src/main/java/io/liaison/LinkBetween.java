package io.liaison;

import io.liaison.internal.Args;
import java.util.Map;

/**
 * A new link to write between a given source and target, for operations across many sources ({@link
 * BatchAccessor#addAll}, {@link BatchAccessor#has}): Sequelize's {@code
 * BookArticles.bulkCreate([{bookId, articleId, role}])}.
 *
 * @param source an entity of the source model, or its id
 * @param target an entity of the target model, or its id
 * @param through a {@code Map} of through attributes, an instance of the through model, or null
 */
public record LinkBetween(Object source, Object target, Object through) {
  public LinkBetween {
    Args.notNull(source, "LinkBetween.of", "source");
    Args.notNull(target, "LinkBetween.of", "target");
  }

  public static LinkBetween of(Object source, Object target) {
    return new LinkBetween(source, target, null);
  }

  public static LinkBetween of(Object source, Object target, Object through) {
    return new LinkBetween(source, target, through);
  }

  public static LinkBetween of(Object source, Object target, Map<String, ?> through) {
    return new LinkBetween(source, target, through);
  }
}

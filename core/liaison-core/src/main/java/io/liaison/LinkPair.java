package io.liaison;

import io.liaison.internal.Args;
import java.util.Map;

/**
 * One link between a given source and target, for operations across many sources ({@link
 * Links#addAll}, {@link Links#has}): Sequelize's {@code BookArticles.bulkCreate([{bookId,
 * articleId, role}])}.
 *
 * @param source an entity of the source model, or its id
 * @param target an entity of the target model, or its id
 * @param through a {@code Map} of through attributes, an instance of the through model, or null
 */
public record LinkPair(Object source, Object target, Object through) {
  public LinkPair {
    Args.notNull(source, "LinkPair.of", "source");
    Args.notNull(target, "LinkPair.of", "target");
  }

  public static LinkPair of(Object source, Object target) {
    return new LinkPair(source, target, null);
  }

  public static LinkPair of(Object source, Object target, Object through) {
    return new LinkPair(source, target, through);
  }

  public static LinkPair of(Object source, Object target, Map<String, ?> through) {
    return new LinkPair(source, target, through);
  }
}

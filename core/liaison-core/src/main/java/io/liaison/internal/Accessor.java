package io.liaison.internal;

import io.liaison.Association;
import io.liaison.InvalidCallException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.UnlinkMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What both accessors ({@link ManyAccessor}, {@link SingleAccessor}) share: the association, both
 * models, the source, and the session's collaborators.
 */
abstract class Accessor<T> {
  final InternalSession session;
  final ArgumentResolver resolve;
  final Filters filters;
  final ThroughValues throughs;
  final EntityOperations entities;
  final AssociationInfo a;
  final ModelMeta sourceMeta;
  final ModelMeta targetMeta;
  final Class<T> targetType;
  final Object sourceEntity;
  final Object sourceId;
  final UnlinkMode mode;

  Accessor(InternalSession session, Association<?, T> declaration, Object source) {
    this.session = session;
    this.resolve = session.resolve;
    this.filters = session.filters;
    this.throughs = session.throughs;
    this.entities = session.entities;
    if (declaration == null) {
      throw new InvalidCallException("on(source, association): association is null");
    }
    this.a = session.resolved.associations().get(declaration);
    if (a == null) {
      throw new InvalidCallException(
          "Association " + declaration + " is not declared in this schema");
    }
    this.sourceMeta = resolve.meta(declaration.source());
    this.targetMeta = resolve.meta(declaration.target());
    this.targetType = declaration.target();
    this.sourceEntity = sourceMeta.type().isInstance(source) ? source : null;
    this.sourceId = resolve.idOf(sourceMeta, source, a.name() + ": source");
    this.mode = a.foreignKeyNullable() ? UnlinkMode.NULLIFY : UnlinkMode.DELETE_TARGET;
  }

  String what(String op) {
    return a.name() + "." + op;
  }

  /** The source's match value; null when it does not exist and {@code mustExist} is false. */
  Object sourceMatch(StoreSession s, boolean mustExist, String op) {
    Map<Object, Object> m =
        resolve.matchValues(
            s, sourceMeta, List.of(sourceId), a.sourceMatch(), mustExist, what(op) + ": source");
    return m.get(sourceId);
  }

  List<Object> targetIds(Collection<?> targets, String op) {
    List<Object> ids = new ArrayList<>(targets.size());
    String targetLabel = what(op) + ": target";
    for (Object t : targets) {
      ids.add(resolve.idOf(targetMeta, t, targetLabel));
    }
    return ids;
  }

  T entity(Map<String, Object> row) {
    return targetType.cast(EntityMapper.toEntity(targetMeta, row));
  }

  /**
   * On the foreign-key kinds, keeps the key field of entities the caller passed in step with the
   * store.
   */
  void syncKeyField(Object entity, ModelMeta holder, Object value) {
    if (entity != null && holder.type().isInstance(entity)) {
      EntityMapper.setAttribute(holder, entity, a.foreignKey(), value);
    }
  }
}

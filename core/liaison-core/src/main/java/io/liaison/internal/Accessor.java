package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.Unlink;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.StoreSession;
import io.liaison.spi.UnlinkMode;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What both accessors ({@link InternalManyAccessor}, {@link InternalSingleAccessor}) share: the
 * association, both models, the source, and the session's collaborators.
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
    this.sourceId = resolve.idOf(sourceMeta, source, Call.of(a.name()).about("source"));
    this.mode = a.foreignKeyNullable() ? UnlinkMode.NULLIFY : UnlinkMode.DELETE_TARGET;
  }

  /** The same accessor, unlinking by {@code mode}. */
  Accessor(Accessor<T> other, UnlinkMode mode) {
    this.session = other.session;
    this.resolve = other.resolve;
    this.filters = other.filters;
    this.throughs = other.throughs;
    this.entities = other.entities;
    this.a = other.a;
    this.sourceMeta = other.sourceMeta;
    this.targetMeta = other.targetMeta;
    this.targetType = other.targetType;
    this.sourceEntity = other.sourceEntity;
    this.sourceId = other.sourceId;
    this.mode = mode;
  }

  /**
   * The unlink mode {@code how} asks for: {@link Unlink#DESTROY} deletes, {@link Unlink#NULLIFY}
   * nulls the key unless it may not be null. Deleting is refused on belongsTo and belongsToMany,
   * whose unlinking drops a key or a link and leaves the target to others that may reference it
   * (Sequelize has the option on hasOne and hasMany only).
   */
  UnlinkMode unlinkMode(Unlink how) {
    Call call = call("unlinking");
    call.notNull(how, "how");
    if (how == Unlink.NULLIFY) {
      return a.foreignKeyNullable() ? UnlinkMode.NULLIFY : UnlinkMode.DELETE_TARGET;
    }
    if (a.kind() != Kind.HAS_ONE && a.kind() != Kind.HAS_MANY) {
      throw new InvalidCallException(
          call
              + "("
              + how
              + "): only hasOne and hasMany delete the targets they unlink; "
              + a.name()
              + " is "
              + a.kind());
    }
    return UnlinkMode.DELETE_TARGET;
  }

  /** The accessor's operation {@code op}, as messages name it: {@code Book.articles.add}. */
  Call call(String op) {
    return Call.of(a.name() + "." + op);
  }

  /** The source's match value; null when it does not exist and {@code mustExist} is false. */
  Object sourceMatch(StoreSession s, boolean mustExist, Call call) {
    Map<Object, Object> m =
        resolve.matchValues(
            s, sourceMeta, List.of(sourceId), a.sourceMatch(), mustExist, call.about("source"));
    return m.get(sourceId);
  }

  List<Object> targetIds(Collection<?> targets, Call call) {
    List<Object> ids = new ArrayList<>(targets.size());
    Call target = call.about("target");
    for (Object t : targets) {
      ids.add(resolve.idOf(targetMeta, t, target));
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

  /**
   * After a hasMany unlink that nulled the keys pointing at {@code sourceMatch}: nulls the key
   * field of a target entity the caller passed, if it held that source's key (a target linked
   * elsewhere kept its key in the store, and keeps it here).
   */
  void clearKeyFieldIfLinkedTo(Object entity, Object sourceMatch) {
    if (entity == null || !targetMeta.type().isInstance(entity)) {
      return;
    }
    Field field = targetMeta.fields().get(a.foreignKey());
    if (field != null
        && Objects.equals(
            EntityMapper.get(field, entity), Values.toFieldType(sourceMatch, field))) {
      EntityMapper.setAttribute(targetMeta, entity, a.foreignKey(), null);
    }
  }
}

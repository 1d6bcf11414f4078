package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.Query;
import io.liaison.SingleAccessor;
import io.liaison.Unlink;
import io.liaison.spi.LinkRow;
import io.liaison.spi.TargetRow;
import io.liaison.spi.UnlinkMode;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SingleAccessor}: a hasOne or belongsTo association from one source. Every argument is
 * checked before the first write; each operation runs in one store transaction.
 */
final class InternalSingleAccessor<T> extends Accessor<T> implements SingleAccessor<T> {
  InternalSingleAccessor(InternalSession session, Association<?, T> declaration, Object source) {
    super(session, declaration, source);
  }

  private InternalSingleAccessor(InternalSingleAccessor<T> other, UnlinkMode mode) {
    super(other, mode);
  }

  @Override
  public SingleAccessor<T> unlinking(Unlink how) {
    UnlinkMode m = unlinkMode(how);
    return m == mode ? this : new InternalSingleAccessor<>(this, m);
  }

  @Override
  public Optional<T> get() {
    return get(Query.ALL);
  }

  @Override
  public Optional<T> get(Query query) {
    Call call = call("get");
    Query q = filters.normalize(call.notNull(query, "query"), a.target(), a.through(), call);
    if (q.limit() != null || q.offset() != null) {
      throw new InvalidCallException(
          call
              + ": a "
              + (a.kind() == Kind.HAS_ONE ? "hasOne" : "belongsTo")
              + " reads at most one "
              + targetMeta.name()
              + "; its query takes a where and an order, not a limit or an offset");
    }
    if (knownUnlinked()) {
      return Optional.empty();
    }
    Query one = new Query(q.where(), null, q.order(), 1, null);
    List<TargetRow> rows =
        session.read(
            s -> {
              Object sm = sourceMatch(s, false, call);
              if (sm == null || !Scopes.sourceInScope(s, a, sourceMeta, sourceId)) {
                return List.<TargetRow>of();
              }
              return s.targets(a, List.of(sm), Scopes.scoped(a, one));
            });
    return rows.isEmpty() ? Optional.empty() : Optional.of(entity(rows.get(0).target()));
  }

  /**
   * A belongsTo whose source was given as an entity holding the foreign key as a field, null: it
   * references nothing, and no store is asked (Sequelize's {@code getAuthor()} reads the key from
   * the instance, and finds nothing for null without a query).
   */
  private boolean knownUnlinked() {
    if (a.kind() != Kind.BELONGS_TO || sourceEntity == null) {
      return false;
    }
    Field key = sourceMeta.fields().get(a.foreignKey());
    return key != null && EntityMapper.get(key, sourceEntity) == null;
  }

  @Override
  public void set(Object target) {
    Call call = call("set");
    if (target == null) {
      if (a.kind() == Kind.BELONGS_TO && !a.foreignKeyNullable()) {
        throw new InvalidCallException(
            call
                + "(null): foreign key '"
                + a.foreignKey()
                + "' of "
                + sourceMeta.name()
                + " may not be null");
      }
      session.run(
          s -> {
            Object sm = sourceMatch(s, true, call);
            if (Scopes.targetScoped(a)) {
              Scopes.writeScoped(s, a, targetMeta, sm, List.of(), true, mode);
              return 0;
            }
            return s.unlink(a, sm, null, mode);
          });
      if (a.kind() == Kind.BELONGS_TO) {
        syncKeyField(sourceEntity, sourceMeta, null);
      }
      return;
    }
    Object id = resolve.idOf(targetMeta, target, call.about("target"));
    Object[] linked = new Object[2];
    session.run(
        s -> {
          Object sm = sourceMatch(s, true, call);
          Object tm =
              resolve
                  .matchValues(
                      s, targetMeta, List.of(id), a.targetMatch(), true, call.about("target"))
                  .get(id);
          LinkRow row = new LinkRow(sm, tm, Map.of(), null);
          if (a.kind() == Kind.HAS_ONE && Scopes.targetScoped(a)) {
            Scopes.writeScoped(s, a, targetMeta, sm, List.of(row), true, mode);
          } else if (a.kind() == Kind.HAS_ONE) {
            s.replace(a, sm, List.of(row), mode);
          } else {
            s.link(a, List.of(row));
            Scopes.giveScope(s, a, sourceMeta, List.of(sourceId));
          }
          linked[0] = sm;
          linked[1] = tm;
          return null;
        });
    if (a.kind() == Kind.HAS_ONE) {
      syncKeyField(target, targetMeta, linked[0]);
    } else {
      syncKeyField(sourceEntity, sourceMeta, linked[1]);
    }
  }

  @Override
  public T create(T target) {
    Call call = call("create");
    ModelMeta m = resolve.metaOf(call.about("target").notNull(target), call.about("target"));
    if (m != targetMeta) {
      throw new InvalidCallException(
          call + ": expected a new " + targetMeta.name() + " but got a " + m.name());
    }
    Object[] key = new Object[1];
    session.run(
        s -> {
          Object sm = sourceMatch(s, true, call);
          if (a.kind() == Kind.HAS_ONE) {
            if (Scopes.targetScoped(a)) {
              Scopes.writeScoped(s, a, targetMeta, sm, List.of(), true, mode);
            } else {
              // replace, not unlink: it locks the source first, so two creates for one source
              // take turns
              // and the second finds the first's target to unlink (one target per hasOne)
              s.replace(a, sm, List.of(), mode);
            }
            Scopes.giveScope(a, targetMeta, target);
            Map<String, Object> extra = new LinkedHashMap<>(a.scope());
            extra.put(a.foreignKey(), sm);
            entities.insertRows(s, m, List.of(target), extra, call);
            key[0] = sm;
          } else {
            Map<String, Object> row = entities.insertRows(s, m, List.of(target), null, call).get(0);
            String attr = a.targetMatch();
            Object tm =
                row.containsKey(attr)
                    ? row.get(attr)
                    : EntityMapper.get(targetMeta.fields().get(attr), target);
            if (tm == null) {
              throw new InvalidCallException(
                  call + ": the new " + m.name() + " has no value for key '" + attr + "'");
            }
            s.link(a, List.of(new LinkRow(sm, tm, Map.of(), null)));
            Scopes.giveScope(s, a, sourceMeta, List.of(sourceId));
            key[0] = tm;
          }
          return null;
        });
    if (a.kind() == Kind.HAS_ONE) {
      syncKeyField(target, targetMeta, key[0]);
    } else {
      syncKeyField(sourceEntity, sourceMeta, key[0]);
    }
    return target;
  }
}

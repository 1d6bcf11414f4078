package io.liaison.internal;

import io.liaison.BatchAccessor;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.Loaded;
import io.liaison.ManyAccessor;
import io.liaison.Query;
import io.liaison.Session;
import io.liaison.SingleAccessor;
import io.liaison.Where;
import io.liaison.spi.StoreSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link Session} implementation: Sequelize's semantics on top of the SPI. Every argument is
 * checked before the first write, so a bad call leaves the store unchanged; each operation runs in
 * one store transaction (its own, or the caller's). The session runs that transaction and hands
 * each call to the part for its concern ({@link EntityOperations}, {@link InternalManyAccessor},
 * {@link InternalSingleAccessor}, {@link InternalBatchAccessor}, {@link IncludeLoader}), which
 * reach the checks they share through the collaborators it holds.
 */
class InternalSession implements Session {
  final ResolvedSchema resolved;
  final ArgumentResolver resolve;
  final Filters filters;
  final ThroughValues throughs;
  final EntityOperations entities;
  private final StoreSession joined;
  private volatile boolean ended;

  InternalSession(ResolvedSchema resolved, StoreSession joined) {
    this.resolved = resolved;
    this.resolve = new ArgumentResolver(resolved);
    this.filters = new Filters(resolved);
    this.throughs = new ThroughValues(resolved);
    this.entities = new EntityOperations(this);
    this.joined = joined;
  }

  /**
   * Runs work in the joined transaction; {@link InternalLiaison} overrides it with one per call.
   */
  <R> R run(Function<StoreSession, R> work) {
    if (ended) {
      throw new InvalidCallException(
          "This transaction's session has ended; use it only inside its transaction callback");
    }
    return work.apply(joined);
  }

  /**
   * Runs work that only reads. In a transaction, the same as {@link #run}; {@link InternalLiaison}
   * runs it as a read operation of its own ({@link
   * io.liaison.spi.StoreAdapter#beginReadOperation}).
   */
  <R> R read(Function<StoreSession, R> work) {
    return run(work);
  }

  void end() {
    ended = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Entities

  @Override
  public <T> T insert(T entity) {
    return entities.insert(entity);
  }

  @Override
  public <T> List<T> insertAll(List<T> entities) {
    return this.entities.insertAll(entities);
  }

  @Override
  public <T> Optional<T> find(Class<T> model, Object id) {
    return entities.find(model, id);
  }

  @Override
  public <T> List<T> findAll(Class<T> model) {
    return entities.findAll(model);
  }

  @Override
  public <T> List<T> findAll(Class<T> model, Query query) {
    return entities.findAll(model, query);
  }

  @Override
  public <T> Loaded<T> findAll(
      Class<T> model, Query query, List<? extends Include<T, ?>> includes) {
    return new IncludeLoader(this).findAll(model, query, includes);
  }

  @Override
  public <T> long count(Class<T> model, Where where) {
    return entities.count(model, where);
  }

  @Override
  public <T> T update(T entity) {
    return entities.update(entity);
  }

  @Override
  public void delete(Object entity) {
    entities.delete(entity);
  }

  @Override
  public <T> void delete(Class<T> model, Object id) {
    entities.delete(model, id);
  }

  // ---------------------------------------------------------------------------------------------
  // Associations

  @Override
  public <S, T> ManyAccessor<T> on(Object source, HasMany<S, T> association) {
    return new InternalManyAccessor<>(this, association, source);
  }

  @Override
  public <S, T> ManyAccessor<T> on(Object source, BelongsToMany<S, T> association) {
    return new InternalManyAccessor<>(this, association, source);
  }

  @Override
  public <S, T> BatchAccessor<T> batch(HasMany<S, T> association) {
    return new InternalBatchAccessor<>(this, association);
  }

  @Override
  public <S, T> BatchAccessor<T> batch(BelongsToMany<S, T> association) {
    return new InternalBatchAccessor<>(this, association);
  }

  @Override
  public <S, T> SingleAccessor<T> on(Object source, HasOne<S, T> association) {
    return new InternalSingleAccessor<>(this, association, source);
  }

  @Override
  public <S, T> SingleAccessor<T> on(Object source, BelongsTo<S, T> association) {
    return new InternalSingleAccessor<>(this, association, source);
  }
}

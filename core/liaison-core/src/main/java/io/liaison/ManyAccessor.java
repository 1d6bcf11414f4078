package io.liaison;

import java.util.Collection;
import java.util.List;

/**
 * One source's accessor for one hasMany or belongsToMany association: Sequelize's plural mixins
 * ({@code getArticles}, {@code setArticles}, {@code addArticle(s)}, {@code createArticle}, {@code
 * removeArticle(s)}, {@code hasArticle(s)}, {@code countArticles}) for one source and one hasMany
 * or belongsToMany association. Targets may be entities or ids. Obtain with {@link
 * Session#on(Object, HasMany)} or {@link Session#on(Object, BelongsToMany)}.
 *
 * <p>Each call is atomic, and a batch is a constant number of round trips to the store whatever its
 * size.
 *
 * @param <T> the target model class
 */
public interface ManyAccessor<T> {

  /** All linked targets. */
  List<T> get();

  /**
   * Linked targets matching the query (filters on targets and on through attributes, order, limit).
   */
  List<T> get(Query query);

  /**
   * Each linked target with its link's through attributes (and id, for parallel links): one entry
   * per link.
   */
  List<LinkedTarget<T>> linkedTargets();

  /** Like {@link #linkedTargets()}, filtered, ordered and paged by the query. */
  List<LinkedTarget<T>> linkedTargets(Query query);

  /**
   * Number of linked targets: {@code get().size()}, so one per link for parallel ({@code
   * unique(false)}) links.
   */
  long count();

  long count(Query query);

  /** True if the target is linked. */
  boolean has(Object target);

  /** True only if every one of the targets is linked (true for an empty collection). */
  boolean hasAll(Collection<?> targets);

  /**
   * Links a target. On belongsToMany with unique links, adding an existing link updates its through
   * attributes with the given ones. On hasMany the target moves from any previous source.
   */
  void add(Object target);

  /** Links a target with through attributes (a {@code Map} or a through-model instance). */
  void add(Object target, Object through);

  /** Links many targets, each with the same through attributes (or none). */
  void addAll(Collection<?> targets);

  void addAll(Collection<?> targets, Object through);

  /** Links many targets, each with its own through attributes. */
  void addAll(List<NewLink> links);

  /**
   * Replaces the linked targets by these (null or empty clears them): links that stay are kept
   * (with their attributes, unless new ones are given), missing ones are added, others removed. On
   * hasMany a removed target's foreign key is set to null, or the target is deleted when the key
   * may not be null (Sequelize v7) or when this accessor is {@link #unlinking unlinking(DESTROY)}.
   */
  void set(Collection<?> targets);

  void set(Collection<?> targets, Object through);

  void setAll(List<NewLink> links);

  /** Inserts a new target and links it, in one transaction; returns the target with its id. */
  T create(T target);

  T create(T target, Object through);

  /**
   * Unlinks a target (on hasMany, as {@link #set} unlinks); a target that is not linked is left as
   * it is. With parallel links ({@code unique(false)}) every link of the pair goes; {@link
   * #removeLink} removes one of them.
   */
  void remove(Object target);

  void removeAll(Collection<?> targets);

  /**
   * This accessor, with {@code set}, {@code remove} and {@code removeAll} doing {@code how} to the
   * targets they unlink: {@code db.on(book, CHAPTERS).unlinking(Unlink.DESTROY).remove(chapter)}
   * deletes the chapter (Sequelize v7's {@code removeChapter(chapter, {destroy: true})}, and {@code
   * setChapters(list, {destroyPrevious: true})} for {@code set}), applying its own referential
   * actions; a target not linked to this source is left as it is. Deleting is refused on
   * belongsToMany with {@link InvalidCallException}.
   */
  ManyAccessor<T> unlinking(Unlink how);

  /**
   * Removes one parallel link by its id ({@link LinkedTarget#linkId()}), keeping the pair's other
   * links:
   *
   * <pre>{@code
   * Object editor = db.on(book, ARTICLES).linkedTargets(Query.all().through(Where.eq("role", "editor"))).get(0).linkId();
   * db.on(book, ARTICLES).removeLink(editor);
   * }</pre>
   *
   * <p>Only belongsToMany with {@code unique(false)} has link ids; on other associations this is
   * refused with {@link InvalidCallException}. An id that is not one of this source's links
   * (another source's, or none) removes nothing.
   *
   * @return true if a link was removed
   */
  boolean removeLink(Object linkId);

  /**
   * Removes parallel links by id, as {@link #removeLink} does for one, in a constant number of
   * round trips; returns how many links were removed.
   */
  int removeLinks(Collection<?> linkIds);
}

package io.liaison.jdbc;

import static io.liaison.jdbc.Sql.col;
import static io.liaison.jdbc.Sql.q;
import static io.liaison.jdbc.SqlBuilder.attribute;

import io.liaison.Association.Kind;
import io.liaison.ConflictException;
import io.liaison.jdbc.SqlRunner.SqlWork;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.LinkRow;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every link write shares, whatever the kind: the row locks that make writers of one source's
 * links take turns ({@link #lockSources}) and that keep a link from committing to a row another
 * transaction is deleting ({@link #lockReferenced}, where the dialect asks for it), and the naming
 * of the missing ends in a refused link ({@link #namingMissingEnds}, where the database's message
 * does not name them). Locks are taken in key order, so two of them cannot deadlock.
 */
final class LinkGuards {
  private final SqlRunner run;
  private final SqlBuilder build;
  private final Dialect dialect;

  LinkGuards(SqlRunner run, SqlBuilder build, Dialect dialect) {
    this.run = run;
    this.build = build;
    this.dialect = dialect;
  }

  /**
   * Runs a write of belongsToMany links; where the database's foreign-key failure does not name the
   * key value ({@link Dialect#foreignKeyErrorsNameValues}), a {@link io.liaison.ConflictException}
   * is given the ends that are missing, found by one more query after the failure (the failed
   * statement was rolled back, the transaction is still usable), so that it names the model and the
   * key the caller gave.
   */
  <T> T namingMissingEnds(AssociationInfo a, List<LinkRow> links, SqlWork<T> work) {
    try {
      return work.run();
    } catch (io.liaison.ConflictException e) {
      if (dialect.foreignKeyErrorsNameValues() || run.lost()) {
        throw e;
      }
      List<String> missing = new ArrayList<>();
      try {
        missing.addAll(
            missing(a.source(), a.sourceMatch(), links.stream().map(LinkRow::source).toList()));
        missing.addAll(
            missing(a.target(), a.targetMatch(), links.stream().map(LinkRow::target).toList()));
      } catch (SQLException | RuntimeException failure) {
        e.addSuppressed(failure);
        throw e;
      }
      if (missing.isEmpty()) {
        throw e;
      }
      throw new io.liaison.ConflictException(
          e.getMessage() + "; not found: " + String.join(", ", missing), e.getCause());
    } catch (SQLException e) {
      throw run.translate("link " + a.name(), e, false);
    }
  }

  /** {@code Model key} for each of the values that no row of {@code model} has as its key. */
  List<String> missing(ModelInfo model, String key, List<Object> values) throws SQLException {
    AttributeInfo k = attribute(model, key);
    Param list = Param.array(values, k.type(), "key of " + model.name());
    @SuppressWarnings("unchecked")
    Set<Object> absent = new LinkedHashSet<>((List<Object>) list.value());
    String sql =
        "SELECT "
            + q(k.column())
            + " FROM "
            + q(model.table())
            + " WHERE "
            + dialect.inList(q(k.column()), k.type());
    absent.removeAll(run.query(sql, List.of(list), rs -> Values.read(rs, 1, k.type())));
    return absent.stream().map(v -> model.name() + " " + v).toList();
  }

  /** The links' sources, each once, in order: one loop, as it runs over every link of a batch. */
  static Collection<Object> distinctSources(List<LinkRow> links) {
    Set<Object> sources = new LinkedHashSet<>();
    for (LinkRow l : links) {
      sources.add(l.source());
    }
    return sources;
  }

  /** The distinct values of a key, coerced to its type, nulls dropped. */
  static List<?> keys(ModelInfo model, String key, List<Object> values, String what) {
    return (List<?>) Param.array(values, attribute(model, key).type(), what).value();
  }

  /**
   * Locks the sources' rows until the transaction ends ({@code SELECT ... FOR UPDATE}, in key order
   * so that two such locks cannot deadlock), so that writers of the same source's links take turns:
   * a {@code set} then reads the links the other one committed, and an upsert finds the row the
   * other one inserted. One statement.
   */
  int lockSources(AssociationInfo a, Collection<?> sources) throws SQLException {
    ModelInfo s = a.source();
    AttributeInfo key = attribute(s, a.sourceMatch());
    String sql =
        "SELECT 1 FROM "
            + q(s.table())
            + " WHERE "
            + dialect.inList(q(key.column()), key.type())
            + " ORDER BY "
            + q(key.column())
            + " "
            + dialect.lockRows();
    return run.query(
            sql, List.of(Param.array(sources, key.type(), "source of " + a.name())), rs -> 1, true)
        .size();
  }

  /**
   * Where the database checks a junction's foreign key against the committed target without waiting
   * for a transaction that is deleting it ({@link Dialect#linkLocksTargets}): once the links are
   * written, locks the targets' rows (in key order), which waits for such a transaction. A target
   * that transaction deleted is then missing, and the call is refused with a {@link
   * ConflictException} naming the model and the value the caller gave; without the lock the link
   * would commit pointing at a row that no longer exists. Written first, a link to a target that
   * was gone before the call is refused by the foreign key instead, as on every store. One
   * statement (one per slice of targets beyond the dialect's array size).
   */
  void lockLinkedTargets(AssociationInfo a, List<LinkRow> links) throws SQLException {
    lockReferenced(a, a.target(), a.targetMatch(), links.stream().map(LinkRow::target).toList());
  }

  /**
   * {@link #lockLinkedTargets} for a link kept in a foreign-key column: the rows the written keys
   * reference (a hasOne's or hasMany's sources, a belongsTo's targets), once the keys are written.
   */
  void lockReferencedByKeys(AssociationInfo a, List<LinkRow> links) throws SQLException {
    if (a.kind() == Kind.BELONGS_TO) {
      lockReferenced(
          a,
          a.target(),
          a.targetMatch(),
          links.stream().map(LinkRow::target).filter(java.util.Objects::nonNull).toList());
    } else {
      lockReferenced(
          a, a.source(), a.sourceMatch(), links.stream().map(LinkRow::source).distinct().toList());
    }
  }

  /** Locks the rows of {@code t} whose {@code keyName} is one of {@code given}: see above. */
  void lockReferenced(AssociationInfo a, ModelInfo t, String keyName, List<Object> given)
      throws SQLException {
    if (!dialect.linkLocksTargets() || given.isEmpty()) {
      return;
    }
    AttributeInfo key = attribute(t, keyName);
    List<Object> keys =
        new ArrayList<>((List<?>) Param.array(given, key.type(), "target of " + a.name()).value());
    if (keys.stream().allMatch(k -> k instanceof Comparable)) {
      // the array's order is the order the rows are locked in: two such locks cannot deadlock
      keys.sort(null);
    }
    String sql =
        "SELECT "
            + col("t", key.column())
            + build.withKeyIn(t, key)
            + " ORDER BY "
            + col("t", key.column())
            + " "
            + dialect.lockRows();
    Set<Object> found = new HashSet<>();
    int max = dialect.maxArrayLength();
    for (int from = 0; from < keys.size(); from += max) {
      Param slice =
          new Param(keys.subList(from, Math.min(keys.size(), from + max)), key.type(), true);
      found.addAll(run.query(sql, List.of(slice), rs -> Values.read(rs, 1, key.type())));
    }
    if (found.size() == keys.size()) {
      return;
    }
    Map<Object, Object> callerValues = ValueTypes.givenValues(given, key.type());
    List<String> gone = new ArrayList<>();
    for (Object k : keys) {
      if (!found.contains(k)) {
        gone.add(t.name() + " " + callerValues.getOrDefault(k, k));
      }
    }
    throw new ConflictException(
        "link "
            + a.name()
            + " failed: "
            + String.join(", ", gone)
            + " was deleted by another transaction while it was being linked");
  }
}

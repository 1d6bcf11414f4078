package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.ReferentialAction;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.ForeignKeyInfo;
import io.liaison.spi.JunctionInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The referential rules of a schema: each association's onDelete/onUpdate with Sequelize's
 * defaults, the foreign keys that may never be null (for {@link RequiredKeyCycles}), and the
 * foreign-key constraints the store enforces, of which two associations on one key must agree.
 */
final class ReferentialRules {
  private final DefinitionProblems problems;
  private final Map<Capability, String> needs;

  ReferentialRules(DefinitionProblems problems, Map<Capability, String> needs) {
    this.problems = problems;
    this.needs = needs;
  }

  /**
   * Resolves the actions of a draft whose keys are resolved; refuses SET_NULL on a required key.
   */
  void resolveActions(AssociationDraft d, Association.Options o) {
    ReferentialAction defaultDelete =
        d.kind == Kind.BELONGS_TO_MANY || !d.fkNullable
            ? ReferentialAction.CASCADE
            : ReferentialAction.SET_NULL;
    d.onDelete = o.onDelete() != null ? o.onDelete() : defaultDelete;
    d.onUpdate = o.onUpdate() != null ? o.onUpdate() : ReferentialAction.CASCADE;
    if ((o.onDelete() != null && o.onDelete() != defaultDelete)
        || (o.onUpdate() != null && o.onUpdate() != ReferentialAction.CASCADE)) {
      needs.putIfAbsent(Capability.REFERENTIAL_ACTIONS, d.declaration + " sets onDelete/onUpdate");
    }
    if (!o.derivedInverse()
        && !d.fkNullable
        && (d.onDelete == ReferentialAction.SET_NULL || d.onUpdate == ReferentialAction.SET_NULL)) {
      // The store would refuse the first delete or update it applies to; say so at start-up
      // instead. A
      // derived inverse shares the key and the actions, so the declaration alone reports it.
      problems.add(
          "Association "
              + d.declaration
              + ": onDelete/onUpdate SET_NULL on "
              + (d.kind == Kind.BELONGS_TO_MANY
                  ? "the keys '"
                      + d.foreignKey
                      + "' and '"
                      + d.otherKey
                      + "' of through "
                      + d.junction.name
                      + ", which are never null"
                  : "foreignKey '" + d.foreignKey + "', which may not be null"));
    }
  }

  /**
   * Every foreign key on a model that may not be null and is enforced (constraints on), as holder
   * model, key, referenced model; a key shared by an association and its inverse once.
   */
  List<RequiredKeyCycles.Key> requiredKeys(List<AssociationDraft> drafts) {
    Set<RequiredKeyCycles.Key> keys = new LinkedHashSet<>();
    for (AssociationDraft d : drafts) {
      if (d.kind == Kind.BELONGS_TO_MANY
          || d.foreignKey == null
          || !d.constraints
          || d.source == null
          || d.target == null) {
        continue;
      }
      ModelDraft holder = d.kind == Kind.BELONGS_TO ? d.source : d.target;
      ModelDraft referenced = d.kind == Kind.BELONGS_TO ? d.target : d.source;
      AttributeInfo fk = holder.attributes.get(d.foreignKey);
      if (fk != null && !fk.nullable()) {
        keys.add(new RequiredKeyCycles.Key(holder.name, d.foreignKey, referenced.name));
      }
    }
    return List.copyOf(keys);
  }

  /** Adds the foreign-key constraints of a resolved draft, by holder table and column. */
  void addConstraints(AssociationDraft d, Map<String, ForeignKeyInfo> out) {
    switch (d.kind) {
      case HAS_ONE, HAS_MANY ->
          put(
              out,
              d,
              new ForeignKeyInfo(
                  d.target.info.table(),
                  d.target.info.attribute(d.foreignKey).column(),
                  d.source.name,
                  d.source.info.table(),
                  d.source.info.attribute(d.sourceKey).column(),
                  d.onDelete,
                  d.onUpdate));
      case BELONGS_TO ->
          put(
              out,
              d,
              new ForeignKeyInfo(
                  d.source.info.table(),
                  d.source.info.attribute(d.foreignKey).column(),
                  d.target.name,
                  d.target.info.table(),
                  d.target.info.attribute(d.targetKey).column(),
                  d.onDelete,
                  d.onUpdate));
      case BELONGS_TO_MANY -> {
        JunctionInfo j = d.junction.info;
        put(
            out,
            d,
            new ForeignKeyInfo(
                j.table(),
                j.attribute(d.foreignKey).column(),
                d.source.name,
                d.source.info.table(),
                d.source.info.attribute(d.sourceKey).column(),
                d.onDelete,
                d.onUpdate));
        put(
            out,
            d,
            new ForeignKeyInfo(
                j.table(),
                j.attribute(d.otherKey).column(),
                d.target.name,
                d.target.info.table(),
                d.target.info.attribute(d.targetKey).column(),
                d.onDelete,
                d.onUpdate));
      }
    }
  }

  private void put(Map<String, ForeignKeyInfo> out, AssociationDraft d, ForeignKeyInfo fk) {
    String key = fk.holderTable() + "." + fk.column();
    ForeignKeyInfo previous = out.putIfAbsent(key, fk);
    if (previous != null && !previous.equals(fk)) {
      problems.add(
          "Association "
              + d.declaration
              + ": foreign key "
              + key
              + " is shared with another association that "
              + "references "
              + previous.referencedTable()
              + "."
              + previous.referencedColumn()
              + " with onDelete "
              + previous.onDelete()
              + "/onUpdate "
              + previous.onUpdate()
              + "; declare them alike");
    }
  }
}

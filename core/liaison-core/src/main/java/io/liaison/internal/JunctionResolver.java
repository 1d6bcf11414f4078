package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Id;
import io.liaison.NamingStrategy;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.Identifiers;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Phase 2, for belongsToMany: resolves the through model into a {@link JunctionDraft} (its name,
 * keys and payload attributes), or checks that a declaration sharing a junction another one already
 * made agrees with it (keys, uniqueness, through model, and the through scope a polymorphic sharing
 * needs).
 */
final class JunctionResolver {
  private final ModelReader models;
  private final StoreNames names;
  private final NamingStrategy naming;
  private final DefinitionProblems problems;
  private final Map<Capability, String> needs;
  private final Map<String, JunctionDraft> junctions = new LinkedHashMap<>();

  JunctionResolver(
      ModelReader models,
      StoreNames names,
      NamingStrategy naming,
      DefinitionProblems problems,
      Map<Capability, String> needs) {
    this.models = models;
    this.names = names;
    this.naming = naming;
    this.problems = problems;
    this.needs = needs;
  }

  /** Every junction made, in the order of the declarations that made them. */
  Collection<JunctionDraft> all() {
    return junctions.values();
  }

  /** Resolves the junction and keys of a belongsToMany draft; adds a problem if it cannot. */
  void resolve(AssociationDraft d, Association.Options o) {
    String what = d.declaration.toString();
    if (o.throughModel() == null && o.throughName() == null) {
      problems.add(
          "Association " + what + ": belongsToMany needs 'through' (a model class or a name)");
      return;
    }
    d.sourceKey = models.key(d.source, "sourceKey", o.sourceKey(), what);
    d.targetKey = models.key(d.target, "targetKey", o.targetKey(), what);
    if (d.sourceKey == null || d.targetKey == null) {
      return;
    }
    String junctionName =
        o.throughName() != null ? o.throughName() : o.throughModel().getSimpleName();
    if (!Identifiers.isValid(junctionName)) {
      problems.add(
          "Association "
              + what
              + ": through name '"
              + junctionName
              + "' is not a valid identifier");
      return;
    }
    boolean self = d.source == d.target;
    JunctionDraft existing = junctions.get(junctionName);
    String fk;
    String other;
    if (existing != null && existing.principalModel != null) {
      // The second side of a pair: its keys are the first side's, swapped, unless named explicitly.
      boolean sourceIsPrincipal =
          existing.principalModel.equals(d.source.name) && !(self && o.derivedInverse());
      fk =
          o.foreignKey() != null
              ? o.foreignKey()
              : sourceIsPrincipal ? existing.principalKey : existing.dependentKey;
      other =
          o.otherKey() != null
              ? o.otherKey()
              : sourceIsPrincipal ? existing.dependentKey : existing.principalKey;
      if (!(Set.of(fk, other).equals(Set.of(existing.principalKey, existing.dependentKey)))) {
        problems.add(
            "Association "
                + what
                + ": through "
                + junctionName
                + " is shared with another association whose keys are '"
                + existing.principalKey
                + "' and '"
                + existing.dependentKey
                + "', but this one names '"
                + fk
                + "' and '"
                + other
                + "'");
        return;
      }
      if (existing.unique != o.throughUnique()) {
        problems.add(
            "Association "
                + what
                + ": through "
                + junctionName
                + " is shared with another association that disagrees on 'unique'");
        return;
      }
      if (!Objects.equals(existing.type, o.throughModel())) {
        problems.add(
            "Association "
                + what
                + ": through "
                + junctionName
                + " is shared with another association that uses another through model");
        return;
      }
      if (!polymorphicSharing(existing, fk, other, d, o, what)) {
        return;
      }
      d.principal = fk.equals(existing.principalKey);
    } else {
      String sourceRef =
          Inflection.singular(self && o.inverseAs() != null ? o.inverseAs() : d.source.name);
      String targetRef = Inflection.singular(self ? d.alias : d.target.name);
      fk =
          o.foreignKey() != null
              ? o.foreignKey()
              : naming.foreignKey(d.source.name, sourceRef, d.sourceKey);
      other =
          o.otherKey() != null
              ? o.otherKey()
              : naming.foreignKey(d.source.name, targetRef, d.targetKey);
      if (fk.equals(other)) {
        problems.add(
            "Association "
                + what
                + ": foreignKey and otherKey are both '"
                + fk
                + "'; name them (otherKey) or give the aliases (as, inverseAs) of this self-association");
        return;
      }
      if (!Identifiers.isValid(fk) || !Identifiers.isValid(other)) {
        problems.add(
            "Association "
                + what
                + ": foreignKey '"
                + fk
                + "' or otherKey '"
                + other
                + "' is not a valid identifier");
        return;
      }
      existing = newJunction(junctionName, o, fk, other, d, what);
      if (existing == null) {
        return;
      }
      d.principal = true;
    }
    d.junction = existing;
    d.foreignKey = fk;
    d.otherKey = other;
    d.fkNullable = false;
    if (!o.throughUnique()) {
      needs.putIfAbsent(Capability.PARALLEL_LINKS, what + " uses unique(false)");
    }
  }

  /**
   * A junction whose key holds the ids of more than one model (Sequelize's polymorphic
   * many-to-many: the tags of posts and of videos in one {@code Tagging}) keeps each association's
   * links apart only by their through scope, and only with parallel links: a unique link is keyed
   * by the two ids alone, so a post and a video with the same id would share one row. Such a
   * sharing must be declared {@code unique(false)} with a through scope, as Sequelize's own example
   * declares it; answers false after adding the problem otherwise.
   */
  private boolean polymorphicSharing(
      JunctionDraft j,
      String fk,
      String other,
      AssociationDraft d,
      Association.Options o,
      String what) {
    List<String> shared = new ArrayList<>();
    if (!j.keyModels.get(fk).equals(d.source.name)) {
      shared.add("'" + fk + "' (ids of " + j.keyModels.get(fk) + " and of " + d.source.name + ")");
    }
    if (!j.keyModels.get(other).equals(d.target.name)) {
      shared.add(
          "'" + other + "' (ids of " + j.keyModels.get(other) + " and of " + d.target.name + ")");
    }
    if (shared.isEmpty()) {
      return true;
    }
    if (j.unique || o.throughScope() == null || o.throughScope().isEmpty()) {
      problems.add(
          "Association "
              + what
              + ": through "
              + j.name
              + " is shared on key "
              + String.join(" and ", shared)
              + ", so only a through scope tells its links apart, and a unique link is keyed by the two ids alone:"
              + " declare every association sharing it with unique(false) and a throughScope (Sequelize's polymorphic"
              + " many-to-many)");
      return false;
    }
    return true;
  }

  private JunctionDraft newJunction(
      String name,
      Association.Options o,
      String fk,
      String other,
      AssociationDraft d,
      String what) {
    JunctionDraft j = new JunctionDraft();
    j.name = name;
    j.type = o.throughModel();
    j.unique = o.throughUnique();
    j.principalModel = d.source.name;
    j.principalKey = fk;
    j.dependentKey = other;
    j.keyModels.put(fk, d.source.name);
    j.keyModels.put(other, d.target.name);
    AttributeInfo sk = d.source.attributes.get(d.sourceKey);
    AttributeInfo tk = d.target.attributes.get(d.targetKey);
    Set<String> explicitKeys = new LinkedHashSet<>();
    if (o.foreignKey() != null) {
      explicitKeys.add(o.foreignKey());
    }
    if (o.otherKey() != null) {
      explicitKeys.add(o.otherKey());
    }
    if (j.type != null) {
      Set<String> declared = new LinkedHashSet<>();
      for (Field f : FieldTypes.attributeFields(j.type)) {
        declared.add(f.getName());
        if (f.getName().equals(fk) || f.getName().equals(other)) {
          Class<?> vt = FieldTypes.valueType(f.getType());
          Class<?> expected = f.getName().equals(fk) ? sk.type() : tk.type();
          if (vt != expected) {
            problems.add(
                "Association "
                    + what
                    + ": through model "
                    + j.type.getSimpleName()
                    + " declares key '"
                    + f.getName()
                    + "' as "
                    + f.getType().getSimpleName()
                    + " but it references a "
                    + expected.getSimpleName());
          }
          continue;
        }
        if (f.getName().equals("id") || f.isAnnotationPresent(Id.class)) {
          if (j.unique) {
            problems.add(
                "Association "
                    + what
                    + ": through model "
                    + j.type.getSimpleName()
                    + " declares an id, but links have ids only with unique(false)");
          }
          continue;
        }
        Class<?> vt = FieldTypes.valueType(f.getType());
        if (vt == null) {
          problems.add(
              "Through model "
                  + j.type.getSimpleName()
                  + ": attribute '"
                  + f.getName()
                  + "' has unsupported type "
                  + f.getType().getName());
          continue;
        }
        if (!Identifiers.isValid(f.getName())) {
          problems.add(
              "Through model "
                  + j.type.getSimpleName()
                  + ": attribute '"
                  + f.getName()
                  + "' is not a valid identifier");
          continue;
        }
        f.setAccessible(true);
        j.payloadFields.put(f.getName(), f);
        j.payload.put(
            f.getName(),
            new AttributeInfo(f.getName(), names.column(name, f.getName()), vt, true, false, true));
      }
      for (String k : explicitKeys) {
        if (!declared.contains(k)) {
          problems.add(
              "Association "
                  + what
                  + ": through model "
                  + j.type.getSimpleName()
                  + " lacks the key '"
                  + k
                  + "' named by "
                  + (k.equals(o.foreignKey()) ? "foreignKey" : "otherKey"));
        }
      }
    }
    j.principalKeyAttr =
        new AttributeInfo(
            fk,
            names.column(name, fk),
            sk.type(),
            false,
            false,
            j.type != null && FieldTypes.hasField(j.type, fk));
    j.dependentKeyAttr =
        new AttributeInfo(
            other,
            names.column(name, other),
            tk.type(),
            false,
            false,
            j.type != null && FieldTypes.hasField(j.type, other));
    junctions.put(name, j);
    return j;
  }
}

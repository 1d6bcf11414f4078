package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.NamingStrategy;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.Identifiers;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Phase 2 of resolution: each declaration, and each inverse Sequelize v7 creates, becomes an {@link
 * AssociationDraft} with Sequelize's defaults resolved (alias, keys, foreign-key attribute, scope).
 * The through model of a belongsToMany is the {@link JunctionResolver}'s, the referential actions
 * the {@link ReferentialRules}'. Last, aliases are checked across all drafts: an explicit
 * declaration of an inverse replaces the derived one.
 */
final class AssociationResolver {
  private final ModelReader models;
  private final JunctionResolver junctions;
  private final ReferentialRules rules;
  private final StoreNames names;
  private final NamingStrategy naming;
  private final DefinitionProblems problems;
  private final Map<Capability, String> needs;
  private final List<AssociationDraft> drafts = new ArrayList<>();

  /** Each derived inverse, with the declaration it comes from. */
  private final Map<Association<?, ?>, Association<?, ?>> origins = new LinkedHashMap<>();

  /** The draft of each declaration resolved so far. */
  private final Map<Association<?, ?>, AssociationDraft> byDeclaration = new LinkedHashMap<>();

  AssociationResolver(
      ModelReader models,
      JunctionResolver junctions,
      ReferentialRules rules,
      StoreNames names,
      NamingStrategy naming,
      DefinitionProblems problems,
      Map<Capability, String> needs) {
    this.models = models;
    this.junctions = junctions;
    this.rules = rules;
    this.names = names;
    this.naming = naming;
    this.problems = problems;
    this.needs = needs;
  }

  /**
   * The drafts of the declarations and of their inverses, in that order; a declaration with a
   * problem has none (the problem is added).
   */
  List<AssociationDraft> resolve(List<Association<?, ?>> declared) {
    for (Association<?, ?> a : withInverses(declared)) {
      AssociationDraft d = draft(a);
      if (d != null) {
        drafts.add(d);
        byDeclaration.putIfAbsent(a, d);
      }
    }
    checkAliases();
    return drafts;
  }

  /** Declarations plus the inverses Sequelize v7 creates, explicit declarations first. */
  private List<Association<?, ?>> withInverses(List<Association<?, ?>> declared) {
    List<Association<?, ?>> out = new ArrayList<>();
    for (Association<?, ?> a : declared) {
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    for (Association<?, ?> a : declared) {
      Association<?, ?> inverse = inverse(a);
      if (inverse != null && !out.contains(inverse)) {
        out.add(inverse);
        origins.put(inverse, a);
      }
    }
    return out;
  }

  /**
   * The inverse Sequelize v7 creates for hasOne, hasMany and belongsToMany, and for a belongsTo
   * that declares one; else null.
   */
  private static Association<?, ?> inverse(Association<?, ?> a) {
    if (a instanceof BelongsTo<?, ?> b) {
      Kind kind = b.options().inverseKind();
      return kind == null ? null : kind == Kind.HAS_MANY ? b.inverseHasMany() : b.inverseHasOne();
    }
    if (a instanceof HasOne<?, ?> h) {
      return h.inverse();
    }
    if (a instanceof HasMany<?, ?> h) {
      return h.inverse();
    }
    if (a instanceof BelongsToMany<?, ?> b) {
      return b.inverse();
    }
    return null;
  }

  private AssociationDraft draft(Association<?, ?> a) {
    Association.Options o = a.options();
    ModelDraft source = models.get(o.source());
    ModelDraft target = models.get(o.target());
    String what = a.toString();
    if (source == null || target == null) {
      if (!o.derivedInverse()) {
        if (source == null) {
          problems.add(
              "Association "
                  + what
                  + ": source class "
                  + o.source().getName()
                  + " is not a declared model");
        }
        if (target == null) {
          problems.add(
              "Association "
                  + what
                  + ": target class "
                  + o.target().getName()
                  + " is not a declared model");
        }
      }
      return null;
    }
    if (!selfAliasesDistinct(a, source)) {
      return null;
    }
    AssociationDraft d = new AssociationDraft();
    d.declaration = a;
    d.kind = a.kind();
    d.source = source;
    d.target = target;
    d.alias =
        o.as() != null
            ? o.as()
            : d.kind.isMany()
                ? Inflection.plural(NamingStrategy.lowerFirst(target.name))
                : NamingStrategy.lowerFirst(Inflection.singular(target.name));
    if (!Identifiers.isValid(d.alias)) {
      problems.add(
          "Association " + what + ": alias 'as' = '" + d.alias + "' is not a valid identifier");
      return null;
    }
    d.constraints = o.constraints();
    if (source.idField == null || target.idField == null) {
      return null; // already reported
    }
    int before = problems.size();
    switch (d.kind) {
      case HAS_ONE, HAS_MANY -> resolveHas(d, o);
      case BELONGS_TO -> resolveBelongsTo(d, o);
      case BELONGS_TO_MANY -> junctions.resolve(d, o);
    }
    if (problems.size() > before) {
      if (o.derivedInverse()) {
        // A derived inverse only repeats what is wrong with the declaration it comes from.
        problems.dropSince(before);
      }
      return null;
    }
    rules.resolveActions(d, o);
    d.scope =
        scope(
            o.scope(),
            d.kind == Kind.BELONGS_TO ? source.attributes : target.attributes,
            d.kind == Kind.BELONGS_TO ? source : target,
            d,
            "scope",
            what);
    if (d.junction != null) {
      d.throughScope = scope(o.throughScope(), d.junction.payload, null, d, "through scope", what);
    }
    if (problems.size() > before) {
      return null;
    }
    if (o.sourceKey() != null && !o.sourceKey().equals(source.idField.getName())
        || o.targetKey() != null && !o.targetKey().equals(target.idField.getName())) {
      needs.putIfAbsent(Capability.CUSTOM_KEYS, what + " uses sourceKey/targetKey");
    }
    return d;
  }

  /**
   * Sequelize v7's rule for self-associations: one whose inverse is an association of the same
   * model (hasOne, hasMany, belongsToMany, and a belongsTo declaring its inverse) needs both {@code
   * as} and {@code inverseAs}, and different ones, or its two sides would share a name. A derived
   * inverse is checked as its declaration.
   */
  private boolean selfAliasesDistinct(Association<?, ?> a, ModelDraft model) {
    Association.Options o = a.options();
    if (o.source() != o.target()
        || o.derivedInverse()
        || a.kind() == Kind.BELONGS_TO && o.inverseKind() == null) {
      return true;
    }
    if (o.as() != null && o.inverseAs() != null && !o.as().equals(o.inverseAs())) {
      return true;
    }
    String inverse = a.kind() == Kind.BELONGS_TO ? "inverse(kind, as)" : "inverseAs";
    problems.add(
        "Association "
            + a
            + ": a self-association of "
            + model.name
            + " needs both 'as' and '"
            + inverse
            + "', with different values, since its inverse is an association of "
            + model.name
            + " too (as = "
            + quoted(o.as())
            + ", inverse alias = "
            + quoted(o.inverseAs())
            + ")");
    return false;
  }

  private static String quoted(String alias) {
    return alias == null ? "not given" : "'" + alias + "'";
  }

  /**
   * Scope values checked against the attributes they name (not keys) and converted to their types.
   */
  private Map<String, Object> scope(
      Map<String, Object> given,
      Map<String, AttributeInfo> attributes,
      ModelDraft model,
      AssociationDraft d,
      String option,
      String what) {
    if (given == null || given.isEmpty()) {
      return Map.of();
    }
    String owner = model != null ? model.name : "through " + d.junction.name;
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : given.entrySet()) {
      AttributeInfo attr = attributes.get(e.getKey());
      if (attr == null) {
        problems.add(
            "Association "
                + what
                + ": "
                + option
                + " attribute '"
                + e.getKey()
                + "' is not an attribute of "
                + owner);
        continue;
      }
      if (e.getKey().equals(d.foreignKey)
          || model != null && e.getKey().equals(model.idField.getName())) {
        problems.add(
            "Association "
                + what
                + ": "
                + option
                + " attribute '"
                + e.getKey()
                + "' is a key of "
                + owner
                + "; a scope names other attributes");
        continue;
      }
      try {
        out.put(
            e.getKey(),
            e.getValue() == null
                ? null
                : ValueTypes.coerce(
                    e.getValue(),
                    attr.type(),
                    option + " attribute '" + e.getKey() + "' of " + owner));
      } catch (io.liaison.InvalidCallException ex) {
        problems.add("Association " + what + ": " + ex.getMessage());
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private void resolveHas(AssociationDraft d, Association.Options o) {
    String what = d.declaration.toString();
    d.sourceKey = models.key(d.source, "sourceKey", o.sourceKey(), what);
    if (d.sourceKey == null) {
      return;
    }
    String referenced = Inflection.singular(o.inverseAs() != null ? o.inverseAs() : d.source.name);
    AssociationDraft belongsTo = byDeclaration.get(origins.get(d.declaration));
    if (o.foreignKey() == null && belongsTo != null && belongsTo.kind == Kind.BELONGS_TO) {
      // the inverse a belongsTo declares takes its key, named by the belongsTo's rule (v7)
      d.foreignKey = belongsTo.foreignKey;
    } else {
      d.foreignKey =
          o.foreignKey() != null
              ? o.foreignKey()
              : naming.foreignKey(d.source.name, referenced, d.sourceKey);
    }
    d.fkNullable =
        foreignKeyAttribute(d.target, d.foreignKey, d.source.attributes.get(d.sourceKey), o, what);
    d.principal = true;
  }

  private void resolveBelongsTo(AssociationDraft d, Association.Options o) {
    String what = d.declaration.toString();
    d.targetKey = models.key(d.target, "targetKey", o.targetKey(), what);
    if (d.targetKey == null) {
      return;
    }
    d.foreignKey =
        o.foreignKey() != null
            ? o.foreignKey()
            : naming.foreignKey(d.source.name, d.alias, d.targetKey);
    d.fkNullable =
        foreignKeyAttribute(d.source, d.foreignKey, d.target.attributes.get(d.targetKey), o, what);
    d.principal = false;
  }

  /** Finds or adds the foreign-key attribute on its holder; returns whether it may be null. */
  private boolean foreignKeyAttribute(
      ModelDraft holder, String fk, AttributeInfo referenced, Association.Options o, String what) {
    if (!Identifiers.isValid(fk)) {
      problems.add("Association " + what + ": foreignKey '" + fk + "' is not a valid identifier");
      return true;
    }
    AttributeInfo existing = holder.attributes.get(fk);
    if (existing != null && existing.declared()) {
      if (existing.name().equals(holder.idField.getName())) {
        problems.add(
            "Association " + what + ": foreignKey '" + fk + "' is the id of " + holder.name);
        return true;
      }
      if (existing.type() != referenced.type()) {
        problems.add(
            "Association "
                + what
                + ": foreignKey '"
                + fk
                + "' of "
                + holder.name
                + " is "
                + existing.type().getSimpleName()
                + " but the key it references is "
                + referenced.type().getSimpleName());
      }
      boolean nullable =
          o.foreignKeyAllowNull() != null ? o.foreignKeyAllowNull() : existing.nullable();
      if (nullable && !existing.nullable()) {
        problems.add(
            "Association "
                + what
                + ": foreignKeyAllowNull(true) but field '"
                + fk
                + "' of "
                + holder.name
                + " is primitive");
      }
      holder.attributes.put(
          fk, new AttributeInfo(fk, existing.column(), existing.type(), nullable, false, true));
      return nullable;
    }
    boolean nullable = o.foreignKeyAllowNull() == null || o.foreignKeyAllowNull();
    if (existing != null) {
      // Implicit key shared with another association (a pair, or a second association on the same
      // key).
      nullable = nullable && existing.nullable();
    }
    holder.attributes.put(
        fk,
        new AttributeInfo(
            fk, names.column(holder.name, fk), referenced.type(), nullable, false, false));
    return nullable;
  }

  private void checkAliases() {
    Map<String, AssociationDraft> byLabel = new LinkedHashMap<>();
    for (AssociationDraft d : drafts) {
      if (d.source.attributes.containsKey(d.alias) && d.source.attributes.get(d.alias).declared()) {
        if (!d.declaration.options().derivedInverse()) {
          problems.add(
              "Association "
                  + d.declaration
                  + ": alias 'as' = '"
                  + d.alias
                  + "' clashes with attribute '"
                  + d.alias
                  + "' of "
                  + d.source.name);
        } else {
          // v7's checkNamingCollision runs on the inverse it creates too
          problems.add(
              "Association "
                  + origins.getOrDefault(d.declaration, d.declaration)
                  + ": its inverse "
                  + d.declaration
                  + " would take the alias '"
                  + d.alias
                  + "', which clashes with attribute '"
                  + d.alias
                  + "' of "
                  + d.source.name
                  + "; give the inverse another alias");
        }
        continue;
      }
      AssociationDraft previous = byLabel.get(d.label());
      if (previous == null) {
        byLabel.put(d.label(), d);
        continue;
      }
      boolean derived = d.declaration.options().derivedInverse();
      if (derived && sameLink(previous, d)) {
        d.sameAs = previous; // the explicit declaration of this inverse wins
      } else if (!derived) {
        problems.add(
            "Association "
                + d.declaration
                + ": alias 'as' = '"
                + d.alias
                + "' is already used by "
                + previous.declaration
                + " on "
                + d.source.name);
      } else {
        // v7 refuses a second association of one name, derived or not: two sides cannot share it
        d.sameAs = d;
        Association<?, ?> origin = origins.getOrDefault(d.declaration, d.declaration);
        problems.add(
            "Association "
                + origin
                + ": its inverse "
                + d.declaration
                + " would take the alias '"
                + d.alias
                + "', already used by "
                + (previous.declaration.options().derivedInverse()
                    ? "the inverse of "
                        + origins.getOrDefault(previous.declaration, previous.declaration)
                    : previous.declaration)
                + " on "
                + d.source.name
                + "; give the inverse another alias");
      }
    }
  }

  private static boolean sameLink(AssociationDraft a, AssociationDraft b) {
    return a.kind == b.kind
        && a.target == b.target
        && Objects.equals(a.foreignKey, b.foreignKey)
        && Objects.equals(a.otherKey, b.otherKey)
        && a.junction == b.junction;
  }
}

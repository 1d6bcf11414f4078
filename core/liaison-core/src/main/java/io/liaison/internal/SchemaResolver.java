package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.BelongsToMany;
import io.liaison.DefinitionException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Id;
import io.liaison.NamingStrategy;
import io.liaison.ReferentialAction;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.ForeignKeyInfo;
import io.liaison.spi.Identifiers;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import io.liaison.spi.ValueTypes;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Checks declarations and resolves Sequelize's defaults (aliases, keys, actions, junctions). Every
 * problem is collected and reported at once in one {@link DefinitionException}.
 */
public final class SchemaResolver {

  private static final Set<Class<?>> VALUE_TYPES =
      Set.of(
          String.class,
          Integer.class,
          Long.class,
          Short.class,
          Double.class,
          Float.class,
          Boolean.class,
          BigDecimal.class,
          LocalDate.class,
          LocalDateTime.class,
          Instant.class,
          UUID.class);

  private final NamingStrategy naming;
  private final List<String> problems = new ArrayList<>();

  // Phase 1: models.
  private final Map<Class<?>, ModelDraft> models = new LinkedHashMap<>();
  // Phase 2: associations.
  private final List<Draft> drafts = new ArrayList<>();
  private final Map<String, JunctionDraft> junctions = new LinkedHashMap<>();
  private final Map<Capability, String> needs = new EnumMap<>(Capability.class);

  private SchemaResolver(NamingStrategy naming) {
    this.naming = naming;
  }

  /** Resolves the declarations, or throws {@link DefinitionException} listing every problem. */
  public static ResolvedSchema resolve(
      Map<Class<?>, String> modelNames,
      List<Association<?, ?>> associations,
      NamingStrategy naming) {
    return new SchemaResolver(naming).run(modelNames, associations);
  }

  /**
   * Resolves declarations where a class may have been declared under several names (each list in
   * declaration order): a class under two names is a problem, since one class is one model (the
   * engine finds an entity's model by its class).
   */
  public static ResolvedSchema resolveDeclared(
      Map<Class<?>, List<String>> modelNames,
      List<Association<?, ?>> associations,
      NamingStrategy naming) {
    SchemaResolver resolver = new SchemaResolver(naming);
    Map<Class<?>, String> first = new LinkedHashMap<>();
    modelNames.forEach(
        (type, names) -> {
          if (names.size() > 1) {
            resolver.problems.add(
                "Model class "
                    + type.getName()
                    + " is declared under "
                    + names.size()
                    + " names ("
                    + String.join(", ", names)
                    + "): declare each class once, under one name");
          }
          first.put(type, names.get(0));
        });
    return resolver.run(first, associations);
  }

  private ResolvedSchema run(Map<Class<?>, String> modelNames, List<Association<?, ?>> declared) {
    Set<String> names = new LinkedHashSet<>();
    modelNames.forEach(
        (type, name) -> {
          if (!names.add(name)) {
            problems.add("Model " + name + ": two classes are declared with this name");
          }
          ModelDraft m = readModel(type, name);
          if (m != null) {
            models.put(type, m);
          }
        });

    List<Association<?, ?>> all = withInverses(declared);
    for (Association<?, ?> a : all) {
      Draft d = draft(a);
      if (d != null) {
        drafts.add(d);
      }
    }
    checkAliases();
    problems.addAll(RequiredKeyCycles.find(requiredKeys()));
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    return build();
  }

  // ---------------------------------------------------------------------------------------------
  // Models

  private static final class ModelDraft {
    final Class<?> type;
    final String name;
    Field idField;
    ModelMeta.IdGeneration idGeneration;
    final Map<String, Field> fields = new LinkedHashMap<>();
    final Map<String, AttributeInfo> attributes = new LinkedHashMap<>();
    final Set<String> uniqueKeys = new LinkedHashSet<>();
    Constructor<?> constructor;
    ModelInfo info;

    ModelDraft(Class<?> type, String name) {
      this.type = type;
      this.name = name;
    }
  }

  private ModelDraft readModel(Class<?> type, String name) {
    if (!Identifiers.isValid(name)) {
      problems.add(
          "Model "
              + name
              + " ("
              + type.getName()
              + "): the name is not a valid identifier (letters, digits, _)");
      return null;
    }
    ModelDraft m = new ModelDraft(type, name);
    try {
      m.constructor = type.getDeclaredConstructor();
      m.constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      problems.add(
          "Model " + name + ": class " + type.getName() + " needs a no-argument constructor");
    }
    List<Field> fields = attributeFields(type);
    Field annotated = null;
    Field named = null;
    for (Field f : fields) {
      if (f.isAnnotationPresent(Id.class)) {
        if (annotated != null) {
          problems.add("Model " + name + ": more than one field is annotated @Id");
        }
        annotated = f;
      }
      if (f.getName().equals("id")) {
        named = f;
      }
    }
    m.idField = annotated != null ? annotated : named;
    if (m.idField == null) {
      problems.add(
          "Model " + name + ": no id: declare a field named 'id' or annotate one with @Id");
    }
    for (Field f : fields) {
      Class<?> valueType = valueType(f.getType());
      if (valueType == null) {
        problems.add(
            "Model "
                + name
                + ": attribute '"
                + f.getName()
                + "' has unsupported type "
                + f.getType().getName());
        continue;
      }
      if (!Identifiers.isValid(f.getName())) {
        problems.add(
            "Model " + name + ": attribute '" + f.getName() + "' is not a valid identifier");
        continue;
      }
      f.setAccessible(true);
      m.fields.put(f.getName(), f);
      boolean isId = f == m.idField;
      boolean generated = false;
      if (isId) {
        if (f.getType().isPrimitive()) {
          problems.add(
              "Model "
                  + name
                  + ": id '"
                  + f.getName()
                  + "' must be a reference type (Long, UUID, String...)");
        }
        if (valueType == Long.class || valueType == Integer.class) {
          m.idGeneration = ModelMeta.IdGeneration.STORE;
          generated = true;
        } else if (valueType == UUID.class) {
          m.idGeneration = ModelMeta.IdGeneration.UUID;
        } else if (valueType == String.class) {
          m.idGeneration = ModelMeta.IdGeneration.UUID_STRING;
        } else {
          m.idGeneration = ModelMeta.IdGeneration.NONE;
        }
      }
      m.attributes.put(
          f.getName(),
          new AttributeInfo(
              f.getName(),
              column(name, f.getName()),
              valueType,
              !isId && !f.getType().isPrimitive(),
              generated,
              true));
    }
    return m;
  }

  private String column(String model, String attribute) {
    String c = naming.column(model, attribute);
    if (!Identifiers.isValid(c)) {
      problems.add(
          "Model "
              + model
              + ": naming strategy gives attribute '"
              + attribute
              + "' the invalid column name '"
              + c
              + "'");
    }
    return c;
  }

  private String table(String model) {
    String t = naming.table(model);
    if (!Identifiers.isValid(t)) {
      problems.add("Model " + model + ": naming strategy gives the invalid table name '" + t + "'");
    }
    return t;
  }

  static List<Field> attributeFields(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    List<Field> out = new ArrayList<>();
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
          continue;
        }
        out.add(f);
      }
    }
    return out;
  }

  /** The type values of a field travel as, or null if unsupported. */
  static Class<?> valueType(Class<?> t) {
    if (t.isPrimitive()) {
      if (t == int.class) return Integer.class;
      if (t == long.class) return Long.class;
      if (t == short.class) return Short.class;
      if (t == double.class) return Double.class;
      if (t == float.class) return Float.class;
      if (t == boolean.class) return Boolean.class;
      return null;
    }
    if (t.isEnum()) {
      return String.class;
    }
    return VALUE_TYPES.contains(t) ? t : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Associations

  /** A resolved association before records are built. */
  private static final class Draft {
    Association<?, ?> declaration;
    Kind kind;
    ModelDraft source;
    ModelDraft target;
    String alias;
    String foreignKey;
    String otherKey;
    String sourceKey;
    String targetKey;
    JunctionDraft junction;
    ReferentialAction onDelete;
    ReferentialAction onUpdate;
    boolean constraints;
    boolean fkNullable;
    boolean principal;
    Draft sameAs; // a derived inverse that an explicit declaration already covers
    AssociationInfo info;
    Map<String, Object> scope = Map.of();
    Map<String, Object> throughScope = Map.of();

    String label() {
      return source.name + "." + alias;
    }
  }

  private static final class JunctionDraft {
    String name;
    Class<?> type;
    boolean unique;
    Map<String, Field> payloadFields = new LinkedHashMap<>();
    Map<String, AttributeInfo> payload = new LinkedHashMap<>();
    String principalModel;
    String principalKey;
    String dependentKey;
    AttributeInfo principalKeyAttr;
    AttributeInfo dependentKeyAttr;
    JunctionInfo info;

    /** The model each key's values are ids of, as the first side declared it. */
    Map<String, String> keyModels = new LinkedHashMap<>();
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
      }
    }
    return out;
  }

  /** The inverse Sequelize v7 creates for hasOne, hasMany and belongsToMany; null for belongsTo. */
  private static Association<?, ?> inverse(Association<?, ?> a) {
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

  private Draft draft(Association<?, ?> a) {
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
    Draft d = new Draft();
    d.declaration = a;
    d.kind = a.kind();
    d.source = source;
    d.target = target;
    d.alias =
        o.as() != null
            ? o.as()
            : d.kind.isMany()
                ? Inflection.plural(NamingStrategy.lowerFirst(target.name))
                : NamingStrategy.lowerFirst(target.name);
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
      case BELONGS_TO_MANY -> resolveBelongsToMany(d, o);
    }
    if (problems.size() > before) {
      if (o.derivedInverse()) {
        // A derived inverse only repeats what is wrong with the declaration it comes from.
        problems.subList(before, problems.size()).clear();
      }
      return null;
    }
    resolveActions(d, o);
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
   * Scope values checked against the attributes they name (not keys) and converted to their types.
   */
  private Map<String, Object> scope(
      Map<String, Object> given,
      Map<String, AttributeInfo> attributes,
      ModelDraft model,
      Draft d,
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

  private String key(ModelDraft m, String option, String value, String what) {
    String k = value != null ? value : m.idField.getName();
    if (!m.attributes.containsKey(k)) {
      problems.add(
          "Association " + what + ": " + option + " '" + k + "' is not an attribute of " + m.name);
      return null;
    }
    if (!k.equals(m.idField.getName())) {
      m.uniqueKeys.add(k);
    }
    return k;
  }

  private void resolveHas(Draft d, Association.Options o) {
    String what = d.declaration.toString();
    d.sourceKey = key(d.source, "sourceKey", o.sourceKey(), what);
    if (d.sourceKey == null) {
      return;
    }
    String referenced = o.inverseAs() != null ? Inflection.singular(o.inverseAs()) : d.source.name;
    d.foreignKey =
        o.foreignKey() != null
            ? o.foreignKey()
            : naming.foreignKey(d.source.name, referenced, d.sourceKey);
    d.fkNullable =
        foreignKeyAttribute(d.target, d.foreignKey, d.source.attributes.get(d.sourceKey), o, what);
    d.principal = true;
  }

  private void resolveBelongsTo(Draft d, Association.Options o) {
    String what = d.declaration.toString();
    d.targetKey = key(d.target, "targetKey", o.targetKey(), what);
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
        new AttributeInfo(fk, column(holder.name, fk), referenced.type(), nullable, false, false));
    return nullable;
  }

  private void resolveBelongsToMany(Draft d, Association.Options o) {
    String what = d.declaration.toString();
    if (o.throughModel() == null && o.throughName() == null) {
      problems.add(
          "Association " + what + ": belongsToMany needs 'through' (a model class or a name)");
      return;
    }
    d.sourceKey = key(d.source, "sourceKey", o.sourceKey(), what);
    d.targetKey = key(d.target, "targetKey", o.targetKey(), what);
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
          self && o.inverseAs() != null ? Inflection.singular(o.inverseAs()) : d.source.name;
      String targetRef = self ? Inflection.singular(d.alias) : d.target.name;
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
      JunctionDraft j, String fk, String other, Draft d, Association.Options o, String what) {
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
      String name, Association.Options o, String fk, String other, Draft d, String what) {
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
      for (Field f : attributeFields(j.type)) {
        declared.add(f.getName());
        if (f.getName().equals(fk) || f.getName().equals(other)) {
          Class<?> vt = valueType(f.getType());
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
        Class<?> vt = valueType(f.getType());
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
            new AttributeInfo(f.getName(), column(name, f.getName()), vt, true, false, true));
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
            fk, column(name, fk), sk.type(), false, false, j.type != null && hasField(j.type, fk));
    j.dependentKeyAttr =
        new AttributeInfo(
            other,
            column(name, other),
            tk.type(),
            false,
            false,
            j.type != null && hasField(j.type, other));
    junctions.put(name, j);
    return j;
  }

  private static boolean hasField(Class<?> type, String name) {
    return attributeFields(type).stream().anyMatch(f -> f.getName().equals(name));
  }

  private void resolveActions(Draft d, Association.Options o) {
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

  private void checkAliases() {
    Map<String, Draft> byLabel = new LinkedHashMap<>();
    for (Draft d : drafts) {
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
        }
        continue;
      }
      Draft previous = byLabel.get(d.label());
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
        d.sameAs = d; // a derived inverse hidden by an unrelated alias: not registered
      }
    }
  }

  /**
   * Every foreign key on a model that may not be null and is enforced (constraints on), as holder
   * model, key, referenced model; a key shared by an association and its inverse once.
   */
  private List<RequiredKeyCycles.Key> requiredKeys() {
    Set<RequiredKeyCycles.Key> keys = new LinkedHashSet<>();
    for (Draft d : drafts) {
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

  private static boolean sameLink(Draft a, Draft b) {
    return a.kind == b.kind
        && a.target == b.target
        && Objects.equals(a.foreignKey, b.foreignKey)
        && Objects.equals(a.otherKey, b.otherKey)
        && a.junction == b.junction;
  }

  // ---------------------------------------------------------------------------------------------
  // Records

  private ResolvedSchema build() {
    Map<Class<?>, ModelMeta> metas = new LinkedHashMap<>();
    List<ModelInfo> modelInfos = new ArrayList<>();
    for (ModelDraft m : models.values()) {
      List<AttributeInfo> attrs = new ArrayList<>();
      attrs.add(m.attributes.get(m.idField.getName()));
      m.attributes.values().stream()
          .filter(a -> a.declared() && !a.name().equals(m.idField.getName()))
          .forEach(attrs::add);
      m.attributes.values().stream().filter(a -> !a.declared()).forEach(attrs::add);
      m.info = new ModelInfo(m.name, table(m.name), attrs.get(0), attrs, List.copyOf(m.uniqueKeys));
      modelInfos.add(m.info);
      metas.put(
          m.type,
          new ModelMeta(
              m.type,
              m.info,
              m.idField,
              Collections.unmodifiableMap(new LinkedHashMap<>(m.fields)),
              m.constructor,
              m.idGeneration));
    }
    List<JunctionInfo> junctionInfos = new ArrayList<>();
    Map<String, ThroughMeta> throughTypes = new LinkedHashMap<>();
    for (JunctionDraft j : junctions.values()) {
      List<AttributeInfo> attrs = new ArrayList<>();
      AttributeInfo id = null;
      if (!j.unique) {
        id = new AttributeInfo("id", column(j.name, "id"), Long.class, false, true, false);
        attrs.add(id);
      }
      attrs.add(j.principalKeyAttr);
      attrs.add(j.dependentKeyAttr);
      attrs.addAll(j.payload.values());
      j.info =
          new JunctionInfo(
              j.name, table(j.name), j.unique, id, attrs, j.principalKey, j.dependentKey);
      junctionInfos.add(j.info);
      Map<String, AttributeInfo> payloadByName = new LinkedHashMap<>();
      for (AttributeInfo x : j.info.payload()) {
        payloadByName.putIfAbsent(x.name(), x);
      }
      throughTypes.put(
          j.name, ThroughMeta.of(j.type, Map.copyOf(j.payloadFields), Map.copyOf(payloadByName)));
    }
    Map<Association<?, ?>, AssociationInfo> byDeclaration = new LinkedHashMap<>();
    List<AssociationInfo> infos = new ArrayList<>();
    Map<String, ForeignKeyInfo> constraints = new LinkedHashMap<>();
    for (Draft d : drafts) {
      if (d.sameAs != null) {
        continue;
      }
      String linkName =
          switch (d.kind) {
            case BELONGS_TO_MANY -> d.junction.name;
            case HAS_ONE, HAS_MANY -> d.target.name + "_" + d.foreignKey;
            case BELONGS_TO -> d.source.name + "_" + d.foreignKey;
          };
      d.info =
          new AssociationInfo(
              d.label(),
              d.kind,
              d.source.info,
              d.target.info,
              d.alias,
              d.foreignKey,
              d.otherKey,
              d.sourceKey,
              d.targetKey,
              d.junction == null ? null : d.junction.info,
              d.onDelete,
              d.onUpdate,
              d.constraints,
              d.fkNullable,
              linkName,
              d.principal,
              d.scope,
              d.throughScope);
      infos.add(d.info);
      byDeclaration.put(d.declaration, d.info);
      if (d.constraints) {
        addConstraints(d, constraints);
      }
    }
    for (Draft d : drafts) {
      if (d.sameAs != null && d.sameAs != d) {
        byDeclaration.put(d.declaration, d.sameAs.info);
      }
    }
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    SchemaInfo info =
        new SchemaInfo(modelInfos, junctionInfos, infos, List.copyOf(constraints.values()));
    return new ResolvedSchema(
        info,
        Map.copyOf(metas),
        Map.copyOf(byDeclaration),
        Map.copyOf(needs),
        Map.copyOf(throughTypes));
  }

  private void addConstraints(Draft d, Map<String, ForeignKeyInfo> out) {
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

  private void put(Map<String, ForeignKeyInfo> out, Draft d, ForeignKeyInfo fk) {
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

package io.liaison.internal;

import io.liaison.Id;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Identifiers;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Phase 1 of resolution: reads each model class into a {@link ModelDraft} (id, attributes and their
 * columns, constructor), adding a problem for each class that breaks the mapping rules. Later
 * phases find the drafts here by class, and name the key attributes their associations reference.
 */
final class ModelReader {
  private final StoreNames names;
  private final DefinitionProblems problems;
  private final Map<Class<?>, ModelDraft> models = new LinkedHashMap<>();

  ModelReader(StoreNames names, DefinitionProblems problems) {
    this.names = names;
    this.problems = problems;
  }

  /** Reads every model, by class and name; two classes under one name is a problem. */
  void read(Map<Class<?>, String> modelNames) {
    Set<String> seen = new LinkedHashSet<>();
    modelNames.forEach(
        (type, name) -> {
          if (!seen.add(name)) {
            problems.add("Model " + name + ": two classes are declared with this name");
          }
          ModelDraft m = readModel(type, name);
          if (m != null) {
            models.put(type, m);
          }
        });
  }

  /** The model read from this class, or null if it is not declared or could not be read. */
  ModelDraft get(Class<?> type) {
    return models.get(type);
  }

  /** Every model read, in declaration order. */
  Collection<ModelDraft> all() {
    return models.values();
  }

  /**
   * The key attribute an association option names on a model (the id by default), registered as a
   * unique key when it is not the id; null after adding a problem when the model has no such
   * attribute.
   */
  String key(ModelDraft m, String option, String value, String what) {
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
    if (type.isRecord()) {
      problems.add(
          "Model "
              + name
              + ": "
              + type.getName()
              + " is a record, and records are not supported as models: Liaison sets the id of an"
              + " inserted entity and fills loaded ones field by field; declare a class with a"
              + " no-argument constructor");
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
    List<Field> fields = FieldTypes.attributeFields(type);
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
      Class<?> valueType = FieldTypes.valueType(f.getType());
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
              names.column(name, f.getName()),
              valueType,
              !isId && !f.getType().isPrimitive(),
              generated,
              true));
    }
    return m;
  }
}

package io.liaison.internal;

import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * A model class bound to its resolved {@link ModelInfo}: how to read and write its fields.
 *
 * @param type the model class
 * @param info the resolved model
 * @param idField the id field
 * @param fields declared attribute fields by attribute name (id included)
 * @param constructor the no-argument constructor
 * @param idGeneration how ids left null are filled in
 */
record ModelMeta(
    Class<?> type,
    ModelInfo info,
    Field idField,
    Map<String, Field> fields,
    Constructor<?> constructor,
    IdGeneration idGeneration,
    FieldSlot[] slots) {

  enum IdGeneration {
    STORE,
    UUID,
    UUID_STRING,
    NONE
  }

  /**
   * One declared field, as {@link EntityMapper#toEntity} fills it in from every row a read returns:
   * an array, not the map's entry set, which wraps every entry it hands out.
   *
   * @param attribute the attribute's name (the row's key)
   * @param field the field
   * @param exact the class a store value must have to be written as it is, without conversion: the
   *     field's type, or its box for a primitive
   */
  record FieldSlot(String attribute, Field field, Class<?> exact) {}

  ModelMeta(
      Class<?> type,
      ModelInfo info,
      Field idField,
      Map<String, Field> fields,
      Constructor<?> constructor,
      IdGeneration idGeneration) {
    this(
        type,
        info,
        idField,
        fields,
        constructor,
        idGeneration,
        fields.entrySet().stream()
            .map(e -> new FieldSlot(e.getKey(), e.getValue(), box(e.getValue().getType())))
            .toArray(FieldSlot[]::new));
  }

  private static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    Class<?> boxed = FieldTypes.valueType(t);
    return boxed != null ? boxed : t;
  }

  String name() {
    return info.name();
  }

  AttributeInfo id() {
    return info.id();
  }
}

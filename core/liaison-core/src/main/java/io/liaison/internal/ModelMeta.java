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
record ModelMeta(Class<?> type, ModelInfo info, Field idField, Map<String, Field> fields,
    Constructor<?> constructor, IdGeneration idGeneration) {

  enum IdGeneration { STORE, UUID, UUID_STRING, NONE }

  String name() {
    return info.name();
  }

  AttributeInfo id() {
    return info.id();
  }
}

package io.liaison.internal;

import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A model while the schema is resolved: read from its class, then given the implicit foreign keys
 * and unique keys its associations add, and finally its {@link ModelInfo}.
 */
final class ModelDraft {
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

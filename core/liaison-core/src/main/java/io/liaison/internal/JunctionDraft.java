package io.liaison.internal;

import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/** A junction (the through model of belongsToMany) while the schema is resolved. */
final class JunctionDraft {
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

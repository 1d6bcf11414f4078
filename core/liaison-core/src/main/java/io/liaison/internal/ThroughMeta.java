package io.liaison.internal;

import io.liaison.spi.AttributeInfo;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A through-model class: its payload fields by attribute name, plus what reading through values
 * needs resolved once per schema rather than once per value.
 *
 * @param type the through-model class, or null when the junction has none
 * @param fields payload fields by attribute name
 * @param attributes the junction's payload attributes by name
 * @param slots each payload field with its attribute name and value type, in {@code fields}' order
 */
record ThroughMeta(
    Class<?> type,
    Map<String, Field> fields,
    Map<String, AttributeInfo> attributes,
    List<Slot> slots) {

  /**
   * One payload field of the through model: where to read it and the type its value is converted
   * to.
   */
  record Slot(String name, Field field, Class<?> type) {}

  static ThroughMeta of(
      Class<?> type, Map<String, Field> fields, Map<String, AttributeInfo> attributes) {
    List<Slot> slots = new ArrayList<>(fields.size());
    for (Map.Entry<String, Field> f : fields.entrySet()) {
      AttributeInfo attribute = attributes.get(f.getKey());
      slots.add(new Slot(f.getKey(), f.getValue(), attribute == null ? null : attribute.type()));
    }
    return new ThroughMeta(type, fields, attributes, List.copyOf(slots));
  }
}

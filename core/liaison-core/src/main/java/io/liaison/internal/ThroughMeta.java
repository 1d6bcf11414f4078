package io.liaison.internal;

import java.lang.reflect.Field;
import java.util.Map;

/** A through-model class: its payload fields by attribute name. */
record ThroughMeta(Class<?> type, Map<String, Field> fields) {
}

package io.liaison.internal;

import io.liaison.InvalidCallException;
import io.liaison.LiaisonException;
import io.liaison.spi.AttributeInfo;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Entities to rows and back, by reflection on the fields resolved in {@link ModelMeta}. */
final class EntityMapper {
  private EntityMapper() {
  }

  /** Every declared attribute of the entity; with {@code withId} false the id is left out. */
  static Map<String, Object> toRow(ModelMeta m, Object entity, boolean withId) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (AttributeInfo a : m.info().attributes()) {
      if (!a.declared() || (!withId && a.name().equals(m.id().name()))) {
        continue;
      }
      Object v = get(m.fields().get(a.name()), entity);
      row.put(a.name(), Values.toValueType(v, a.type(), m.name() + "." + a.name()));
    }
    return row;
  }

  /** Fills in an id that Liaison generates (UUIDs), returning whether the store must generate one. */
  static boolean prepareId(ModelMeta m, Object entity) {
    Object id = get(m.idField(), entity);
    if (id != null) {
      return false;
    }
    switch (m.idGeneration()) {
      case UUID -> set(m.idField(), entity, UUID.randomUUID());
      case UUID_STRING -> set(m.idField(), entity, UUID.randomUUID().toString());
      case STORE -> {
        return true;
      }
      case NONE -> throw new InvalidCallException("Cannot insert a " + m.name() + " without an id: its id type is not generated");
    }
    return false;
  }

  static Object id(ModelMeta m, Object entity) {
    return get(m.idField(), entity);
  }

  static void setId(ModelMeta m, Object entity, Object id) {
    set(m.idField(), entity, Values.toFieldType(id, m.idField()));
  }

  /** Sets a declared field from a store value, if the model declares it. */
  static void setAttribute(ModelMeta m, Object entity, String attribute, Object value) {
    Field f = m.fields().get(attribute);
    if (f != null) {
      set(f, entity, Values.toFieldType(value, f));
    }
  }

  static Object toEntity(ModelMeta m, Map<String, Object> row) {
    Object e;
    try {
      e = m.constructor().newInstance();
    } catch (ReflectiveOperationException ex) {
      throw new LiaisonException("Cannot create a " + m.type().getName() + " with its no-argument constructor", ex);
    }
    for (ModelMeta.FieldSlot f : m.slots()) {
      Object stored = row.get(f.attribute());
      if (stored != null && stored.getClass() == f.exact()) {
        set(f.field(), e, stored); // already the field's type: the usual case, no conversion to look up
      } else if (stored != null || row.containsKey(f.attribute())) {
        Object v = Values.toFieldType(stored, f.field());
        if (v != null || !f.field().getType().isPrimitive()) {
          set(f.field(), e, v);
        }
      }
    }
    return e;
  }

  static Object get(Field f, Object target) {
    try {
      return f.get(target);
    } catch (IllegalAccessException ex) {
      throw new LiaisonException("Cannot read field " + f, ex);
    }
  }

  static void set(Field f, Object target, Object value) {
    if (value == null && f.getType().isPrimitive()) {
      return;
    }
    try {
      f.set(target, value);
    } catch (IllegalAccessException ex) {
      throw new LiaisonException("Cannot write field " + f, ex);
    }
  }
}

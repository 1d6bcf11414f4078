package io.liaison.internal;

import io.liaison.InvalidCallException;
import io.liaison.LiaisonException;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.RowLayout;
import io.liaison.spi.ValueTypes;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Entities to rows and back, by reflection on the fields resolved in {@link ModelMeta}. */
final class EntityMapper {
  /** The no-argument constructor's arguments: one array for every call, not a new one each. */
  private static final Object[] NO_ARGUMENTS = {};

  private EntityMapper() {}

  /**
   * Every declared attribute of the entity, each exactly as its value type ({@link
   * ValueTypes#coerce}); with {@code withId} false the id is left out. {@code call} is named in a
   * refusal.
   */
  static Map<String, Object> toRow(ModelMeta m, Object entity, boolean withId, Call call) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (AttributeInfo a : m.info().attributes()) {
      if (!a.declared() || (!withId && a.name().equals(m.id().name()))) {
        continue;
      }
      Object v = get(m.fields().get(a.name()), entity);
      row.put(
          a.name(),
          ValueTypes.isStoredAsIs(v, a.type())
              ? v
              : ValueTypes.coerce(v, a.type(), call + ": " + m.name() + "." + a.name()));
    }
    return row;
  }

  /**
   * Fills in an id that Liaison generates (UUIDs), returning whether the store must generate one.
   */
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
      case NONE ->
          throw new InvalidCallException(
              "Cannot insert a " + m.name() + " without an id: its id type is not generated");
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
    Object e = newInstance(m);
    for (ModelMeta.FieldSlot f : m.slots()) {
      Object stored = row.get(f.attribute());
      if (stored != null || row.containsKey(f.attribute())) {
        fill(f, e, stored);
      }
    }
    return e;
  }

  private static Object newInstance(ModelMeta m) {
    try {
      return m.constructor().newInstance(NO_ARGUMENTS);
    } catch (ReflectiveOperationException ex) {
      throw new LiaisonException(
          "Cannot create a " + m.type().getName() + " with its no-argument constructor", ex);
    }
  }

  /** Sets a field from a value its row holds (possibly null). */
  private static void fill(ModelMeta.FieldSlot f, Object entity, Object stored) {
    if (stored != null && stored.getClass() == f.exact()) {
      set(
          f.field(), entity,
          stored); // already the field's type: the usual case, no conversion to look up
      return;
    }
    Object v = Values.toFieldType(stored, f.field());
    if (v != null || !f.field().getType().isPrimitive()) {
      set(f.field(), entity, v);
    }
  }

  /**
   * Entities and ids of one model from the many rows of one read: for rows of a {@link RowLayout},
   * as adapters return them, each field's position in the layout is looked up once per layout
   * rather than each name per row (reading 10,000 links, that lookup and the map's were a tenth of
   * the engine's time). Other maps go through {@link EntityMapper#toEntity}. For one read at a
   * time: it keeps the last layout it saw.
   */
  static final class RowReader {
    private final ModelMeta m;
    private final RowLayout.Column id;
    private RowLayout layout;
    private int[] positions;

    RowReader(ModelMeta m) {
      this.m = m;
      this.id = new RowLayout.Column(m.id().name());
    }

    /** The row's id value, as stored. */
    Object id(Map<String, Object> row) {
      return id.of(row);
    }

    /** The entity, as {@link EntityMapper#toEntity} makes it. */
    Object toEntity(Map<String, Object> row) {
      if (!(row instanceof RowLayout.Row r)) {
        return EntityMapper.toEntity(m, row);
      }
      int[] at = at(r.layout());
      Object e = newInstance(m);
      ModelMeta.FieldSlot[] slots = m.slots();
      for (int i = 0; i < slots.length; i++) {
        if (at[i] >= 0) {
          fill(slots[i], e, r.value(at[i]));
        }
      }
      return e;
    }

    private int[] at(RowLayout l) {
      if (l != layout) {
        ModelMeta.FieldSlot[] slots = m.slots();
        int[] p = new int[slots.length];
        for (int i = 0; i < p.length; i++) {
          p[i] = l.position(slots[i].attribute());
        }
        positions = p;
        layout = l;
      }
      return positions;
    }
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

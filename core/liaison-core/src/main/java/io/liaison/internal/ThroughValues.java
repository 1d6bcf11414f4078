package io.liaison.internal;

import io.liaison.InvalidCallException;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ValueTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Through attributes a caller gives with a link (a Map or a through-model instance), checked
 * against the junction's payload and converted to the attributes' types.
 */
final class ThroughValues {
  private final ResolvedSchema resolved;

  ThroughValues(ResolvedSchema resolved) {
    this.resolved = resolved;
  }

  /**
   * Through attributes given as a Map or a through-model instance, checked and converted. Runs once
   * per link, so the payload's fields and types come resolved from {@link ThroughMeta} and an
   * error's label is built only when there is an error.
   */
  Map<String, Object> values(AssociationInfo a, Object through, Call call) {
    JunctionInfo j = a.through();
    ThroughMeta tm = resolved.throughTypes().get(j.name());
    if (through instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>(capacityFor(map.size()));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String name)) {
          throw new InvalidCallException(
              call
                  + ": through attribute names must be strings, got "
                  + ValueTypes.describe(e.getKey()));
        }
        AttributeInfo attr = tm == null ? payload(j, name) : tm.attributes().get(name);
        if (attr == null) {
          throw new InvalidCallException(
              call
                  + ": '"
                  + name
                  + "' is not a through attribute of "
                  + j.name()
                  + " (its attributes: "
                  + j.payload().stream().map(AttributeInfo::name).toList()
                  + ")");
        }
        out.put(name, throughValue(e.getValue(), attr.type(), call, name, j));
      }
      return out;
    }
    if (tm != null && tm.type() != null && tm.type().isInstance(through)) {
      List<ThroughMeta.Slot> slots = tm.slots();
      Map<String, Object> out = new LinkedHashMap<>(capacityFor(slots.size()));
      for (int i = 0; i < slots.size(); i++) {
        ThroughMeta.Slot slot = slots.get(i);
        Object v = EntityMapper.get(slot.field(), through);
        if (v != null) {
          out.put(slot.name(), throughValue(v, slot.type(), call, slot.name(), j));
        }
      }
      return out;
    }
    throw new InvalidCallException(
        call
            + ": through attributes must be a Map"
            + (tm != null && tm.type() != null ? " or a " + tm.type().getSimpleName() : "")
            + ", got "
            + ValueTypes.describe(through));
  }

  /**
   * {@link ValueTypes#coerce} for one through value, its label built only when the value needs
   * converting.
   */
  private static Object throughValue(
      Object value, Class<?> type, Call call, String name, JunctionInfo j) {
    if (ValueTypes.isStoredAsIs(value, type)) {
      return value;
    }
    return ValueTypes.coerce(
        value, type, call + ": through attribute '" + name + "' of " + j.name());
  }

  /** A LinkedHashMap capacity that holds {@code entries} without growing. */
  private static int capacityFor(int entries) {
    return (int) Math.ceil(entries / 0.75);
  }

  private static AttributeInfo payload(JunctionInfo j, String name) {
    for (AttributeInfo a : j.payload()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }
}

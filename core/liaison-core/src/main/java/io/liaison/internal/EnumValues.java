package io.liaison.internal;

import io.liaison.InvalidCallException;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter values for enum attributes. The store holds an enum attribute as its constant's name (a
 * String), so a constant of another enum, or a name the enum lacks, would pass as a String and
 * silently match nothing; such values are refused naming the enum and its constants.
 */
final class EnumValues {
  private EnumValues() {}

  /** The enum class of a model's attribute, or null when the attribute is no enum. */
  static Class<?> enumType(ResolvedSchema resolved, ModelInfo model, String attribute) {
    for (ModelMeta m : resolved.models().values()) {
      if (m.info() == model) {
        Field f = m.fields().get(attribute);
        return f != null && f.getType().isEnum() ? f.getType() : null;
      }
    }
    return null;
  }

  /**
   * The value unchanged if it is a constant of {@code enumType} or the name of one (or if {@code
   * enumType} is null, or the value is neither a String nor an enum: the attribute's value type
   * refuses those); otherwise throws {@link InvalidCallException} naming {@code label}.
   */
  static Object checked(Object value, Class<?> enumType, String label) {
    if (enumType == null || value == null || enumType.isInstance(value)) {
      return value;
    }
    if (!(value instanceof String) && !(value instanceof Enum<?>)) {
      return value;
    }
    List<String> names = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    if (value instanceof String name && names.contains(name)) {
      return value;
    }
    throw new InvalidCallException(
        label
            + ": "
            + ValueTypes.describe(value)
            + " is not a "
            + enumType.getSimpleName()
            + " (one of "
            + names
            + ")");
  }
}

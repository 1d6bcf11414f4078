package io.liaison;

import io.liaison.internal.Args;

/** One sort key: an attribute of the target (or, with {@link #through}, of the link). */
public record Order(String attribute, boolean ascending, boolean onThrough) {
  public Order {
    Args.notNull(
        attribute,
        onThrough ? "Order.through" : ascending ? "Order.asc" : "Order.desc",
        "attribute");
  }

  public static Order asc(String attribute) {
    return new Order(attribute, true, false);
  }

  public static Order desc(String attribute) {
    return new Order(attribute, false, false);
  }

  /** Sort by an attribute of the through model, e.g. {@code Order.through("position", true)}. */
  public static Order through(String attribute, boolean ascending) {
    return new Order(attribute, ascending, true);
  }
}

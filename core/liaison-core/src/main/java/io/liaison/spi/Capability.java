package io.liaison.spi;

/**
 * Optional features an adapter may lack. A definition needing a missing capability is refused when
 * the {@link io.liaison.Liaison} is built, with {@link io.liaison.UnsupportedCapabilityException};
 * the contract suite skips the tests that need it and checks that refusal instead.
 */
public enum Capability {
  /**
   * belongsToMany with {@code unique(false)}: parallel links between one pair, each with its own
   * id.
   */
  PARALLEL_LINKS,
  /** sourceKey/targetKey other than the id. */
  CUSTOM_KEYS,
  /**
   * onDelete/onUpdate actions other than the defaults (RESTRICT, NO_ACTION, explicit
   * SET_NULL/CASCADE).
   */
  REFERENTIAL_ACTIONS
}

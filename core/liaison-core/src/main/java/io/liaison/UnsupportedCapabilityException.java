package io.liaison;

import io.liaison.spi.Capability;

/**
 * The chosen adapter declares that it lacks a capability the definitions or the call need. Thrown
 * when the {@link Liaison} is built, naming the capability and what needed it.
 */
public final class UnsupportedCapabilityException extends LiaisonException {
  private final Capability capability;

  public UnsupportedCapabilityException(Capability capability, String message) {
    super(message);
    this.capability = capability;
  }

  public Capability capability() {
    return capability;
  }
}

package io.liaison;

/**
 * Root of every exception Liaison throws. Unchecked; the subtype says who must act: {@link
 * DefinitionException} (the model declarations), {@link InvalidCallException} (the caller's
 * arguments), {@link ConflictException} (the data in the store), {@link StoreException} (the store
 * itself, {@link TransientStoreException} when a retry may succeed) and {@link
 * UnsupportedCapabilityException} (the chosen adapter).
 */
public class LiaisonException extends RuntimeException {
  public LiaisonException(String message) {
    super(message);
  }

  public LiaisonException(String message, Throwable cause) {
    super(message, cause);
  }
}

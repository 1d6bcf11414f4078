package io.liaison;

/**
 * A call was given bad arguments: null, an unsaved entity, an id that does not exist, a target of
 * the wrong model, an unknown association. The message names what was wrong; the store is left
 * unchanged.
 */
public final class InvalidCallException extends LiaisonException {
  public InvalidCallException(String message) {
    super(message);
  }
}

package io.liaison;

/**
 * The store refused a change because of the data it holds: a unique or foreign-key constraint, or
 * an {@code onDelete: RESTRICT} rule. Nothing of the failed operation was written.
 */
public final class ConflictException extends LiaisonException {
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  public ConflictException(String message) {
    super(message);
  }
}

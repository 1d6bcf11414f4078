package io.liaison;

/**
 * The store failed for a reason of its own (connection, server error). The original exception is
 * the cause, and the message names the operation.
 */
public class StoreException extends LiaisonException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

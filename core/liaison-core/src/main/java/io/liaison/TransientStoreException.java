package io.liaison;

/**
 * A store failure that is worth retrying (deadlock, serialization failure, lost leader, lost
 * connection). Nothing of the failed operation was written.
 */
public final class TransientStoreException extends StoreException implements Retryable {
  public TransientStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

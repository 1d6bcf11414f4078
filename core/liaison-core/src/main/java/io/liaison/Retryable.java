package io.liaison;

/** Marks an exception after which running the same operation again may succeed. */
public interface Retryable {}

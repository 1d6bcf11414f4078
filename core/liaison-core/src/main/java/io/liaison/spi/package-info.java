/**
 * What a store adapter implements (tier: SPI, stable for adapter authors).
 *
 * <p>The port is small and association-level: schema sync, entity operations, link operations and
 * transactions, all batched: one call is one round trip to the store whatever the batch size (a
 * JDBC batch counts as one). Adapters receive resolved metadata ({@link io.liaison.spi.SchemaInfo})
 * and rows as maps keyed by attribute name; they never see user classes. Every identifier in the
 * metadata has been checked against {@link io.liaison.spi.Identifiers#PATTERN}; adapters quote them
 * and pass every value as a parameter.
 *
 * <p>Run the contract suite ({@code liaison-contract}) against an adapter to prove it.
 */
package io.liaison.spi;

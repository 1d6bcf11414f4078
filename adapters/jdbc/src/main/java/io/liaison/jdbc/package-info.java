/**
 * The relational Liaison adapter (tier: adapter): H2 2.x and PostgreSQL over JDBC.
 *
 * <p>Entry points: {@link io.liaison.jdbc.JdbcAdapter#create(io.liaison.jdbc.JdbcConfig)} and, with
 * Guice, {@link io.liaison.jdbc.JdbcModule}. Identifiers are checked against {@link
 * io.liaison.spi.Identifiers#PATTERN} and double-quoted; values always travel as JDBC parameters,
 * id lists as one array parameter ({@code = ANY(?)}), multi-row writes as one batch.
 */
package io.liaison.jdbc;

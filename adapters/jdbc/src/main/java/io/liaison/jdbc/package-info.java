/**
 * The relational Liaison adapter (tier: adapter): H2 2.x, PostgreSQL and MariaDB over JDBC.
 *
 * <p>Entry points: {@link io.liaison.jdbc.JdbcAdapter#create(io.liaison.jdbc.JdbcConfig)} and, with
 * Guice, {@link io.liaison.jdbc.JdbcModule}. Identifiers are checked against {@link
 * io.liaison.spi.Identifiers#PATTERN} and double-quoted; values always travel as JDBC parameters,
 * id lists as one list parameter ({@link io.liaison.jdbc.Dialect#inList}), multi-row writes as one
 * batch. What differs between the databases, the {@link io.liaison.jdbc.Dialect} renders.
 */
package io.liaison.jdbc;

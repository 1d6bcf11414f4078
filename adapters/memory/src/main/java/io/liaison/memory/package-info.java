/**
 * The in-memory store adapter (tier: adapter): rows per table in maps, the reference implementation
 * of the SPI. {@link io.liaison.memory.MemoryAdapter} is the entry point; {@link
 * io.liaison.memory.MemorySession} reads and writes entities and reads links, {@code LinkWriter}
 * writes links, {@code Filters} evaluates {@link io.liaison.Where} trees, {@code Integrity}
 * enforces keys and referential actions as a relational database does.
 */
package io.liaison.memory;

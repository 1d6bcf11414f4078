package io.liaison.jdbc;

import io.liaison.spi.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Identifier quoting and deterministic names for constraints and indexes. */
final class Sql {
  /** PostgreSQL truncates identifiers beyond 63 bytes; so does {@link Identifiers#PATTERN}. */
  static final int MAX_IDENTIFIER = 63;

  private Sql() {}

  /** The identifier, checked against {@link Identifiers#PATTERN}, in double quotes (case kept). */
  static String q(String identifier) {
    return '"' + Identifiers.check(identifier) + '"';
  }

  /** {@code alias."column"}. */
  static String col(String alias, String column) {
    return alias + '.' + q(column);
  }

  /**
   * A constraint or index name: {@code prefix_part1_part2...}, shortened to 63 characters with a
   * hash of the full name when longer, so that it is deterministic, unique in practice and valid.
   */
  static String name(String prefix, String... parts) {
    StringBuilder sb = new StringBuilder(prefix);
    for (String p : parts) {
      sb.append('_').append(Identifiers.check(p));
    }
    String full = sb.toString();
    if (full.length() <= MAX_IDENTIFIER) {
      return Identifiers.check(full);
    }
    CRC32 crc = new CRC32();
    crc.update(full.getBytes(StandardCharsets.UTF_8));
    String hash = String.format("%08x", crc.getValue());
    return Identifiers.check(full.substring(0, MAX_IDENTIFIER - 9) + '_' + hash);
  }
}

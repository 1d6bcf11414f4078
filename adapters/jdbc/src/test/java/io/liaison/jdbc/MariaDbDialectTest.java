package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SQL text and list encoding of {@link MariaDbDialect}, without a server. */
class MariaDbDialectTest {
  private final MariaDbDialect dialect = MariaDbDialect.INSTANCE;

  @Test
  void aListIsOneJsonParameterReadByJsonTable() {
    assertThat(dialect.inList("t.\"id\"", Long.class))
        .isEqualTo(
            "t.\"id\" IN (SELECT v FROM JSON_TABLE(?, '$[*]' COLUMNS (v BIGINT PATH '$')) u)");
    assertThat(dialect.inList("t.\"name\"", String.class))
        .contains("LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
    assertThat(dialect.inList("t.\"ref\"", UUID.class)).contains("v CHAR(36) PATH");
  }

  @Test
  void jsonKeepsTextExactlyAndNumbersAsGiven() {
    List<Object> values =
        Arrays.asList(
            "a\"b\\c\n\u0001 \uD83D\uDE00 ",
            7L,
            -1,
            0.1f,
            0.30000000000000004,
            new BigDecimal("1E+3"),
            true,
            Instant.parse("2024-03-01T10:15:30.123456Z"),
            null);
    assertThat(MariaDbDialect.json(values))
        .isEqualTo(
            "[\"a\\\"b\\\\c\\u000a\\u0001 \uD83D\uDE00 \",7,-1,0.1,0.30000000000000004,\"1000\",1,"
                + "\"2024-03-01T10:15:30.123456\",null]");
  }

  @Test
  void nullsSortLastAscendingAndFirstDescending() {
    assertThat(dialect.orderTerm("t.\"a\"", true)).isEqualTo("t.\"a\" IS NULL, t.\"a\" ASC");
    assertThat(dialect.orderTerm("t.\"a\"", false)).isEqualTo("t.\"a\" IS NULL DESC, t.\"a\" DESC");
  }

  @Test
  void theUpsertUpdatesOnlyFlaggedColumnsAndKeysCannotBeText() {
    assertThat(
            dialect.upsert(
                "\"J\"",
                List.of("\"a\"", "\"b\""),
                List.of(Long.class, Long.class),
                List.of("\"role\""),
                List.of(String.class)))
        .isEqualTo(
            "INSERT INTO \"J\" (\"a\", \"b\", \"role\") VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "\"role\" = CASE WHEN ? THEN VALUES(\"role\") ELSE \"role\" END");
    assertThat(dialect.upsert("\"J\"", List.of("\"a\"", "\"b\""), List.of(), List.of(), List.of()))
        .endsWith("ON DUPLICATE KEY UPDATE \"a\" = \"a\"");
    assertThat(dialect.columnType(String.class, true)).isEqualTo("VARCHAR(255)");
    assertThat(dialect.columnType(String.class, false)).isEqualTo("LONGTEXT");
  }

  @Test
  void theDialectComesFromTheUrlAndTheProductName() {
    assertThat(Dialect.fromUrl("jdbc:mariadb://db:3306/app")).isSameAs(dialect);
    assertThat(Dialect.fromProductName("MariaDB")).isSameAs(dialect);
  }
}

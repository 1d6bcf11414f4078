package io.liaison.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.InvalidCallException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTypesTest {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final long TWO_53 = 1L << 53;
  private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  /** value, attribute type, the exact value it becomes. */
  static Stream<Arguments> exact() {
    return Stream.of(
        Arguments.of(7, Long.class, 7L),
        Arguments.of((short) -3, Long.class, -3L),
        Arguments.of((byte) 4, Integer.class, 4),
        Arguments.of(Long.MAX_VALUE, Long.class, Long.MAX_VALUE),
        Arguments.of(BigInteger.valueOf(Long.MIN_VALUE), Long.class, Long.MIN_VALUE),
        Arguments.of(BigInteger.valueOf(42), Integer.class, 42),
        Arguments.of((long) Integer.MAX_VALUE, Integer.class, Integer.MAX_VALUE),
        Arguments.of(-32768L, Short.class, (short) -32768),
        Arguments.of(new BigDecimal("5.0"), Long.class, 5L),
        Arguments.of(new BigDecimal("5E+3"), Integer.class, 5000),
        Arguments.of(new BigDecimal("0.000"), Short.class, (short) 0),
        Arguments.of(5.0d, Long.class, 5L),
        Arguments.of(-2.0f, Integer.class, -2),
        Arguments.of(TWO_53, Double.class, (double) TWO_53),
        Arguments.of(TWO_53 + 2, Double.class, (double) (TWO_53 + 2)),
        Arguments.of(Long.MIN_VALUE, Double.class, -0x1p63),
        Arguments.of(3, Double.class, 3.0d),
        Arguments.of(0.1f, Double.class, (double) 0.1f),
        Arguments.of(Float.NaN, Double.class, Double.NaN),
        Arguments.of(new BigDecimal("0.5"), Double.class, 0.5d),
        Arguments.of(new BigDecimal("0.1"), Double.class, 0.1d),
        Arguments.of(new BigDecimal("9223372036854775808"), Double.class, 0x1p63),
        Arguments.of(7, Float.class, 7.0f),
        Arguments.of(1 << 24, Float.class, (float) (1 << 24)),
        Arguments.of(0.5d, Float.class, 0.5f),
        Arguments.of(Double.NaN, Float.class, Float.NaN),
        Arguments.of(Double.NEGATIVE_INFINITY, Float.class, Float.NEGATIVE_INFINITY),
        Arguments.of(new BigDecimal("0.1"), Float.class, 0.1f),
        Arguments.of(12L, BigDecimal.class, new BigDecimal(12)),
        Arguments.of(TWO_64, BigDecimal.class, new BigDecimal(TWO_64)),
        Arguments.of(0.1d, BigDecimal.class, new BigDecimal("0.1")),
        Arguments.of(2.5f, BigDecimal.class, new BigDecimal("2.5")),
        Arguments.of("123E4567-E89B-12D3-A456-426614174000", UUID.class, ID),
        Arguments.of(ID.toString(), UUID.class, ID),
        Arguments.of("plain", String.class, "plain"),
        Arguments.of("emoji \uD83D\uDE00 pair", String.class, "emoji \uD83D\uDE00 pair"),
        Arguments.of(Thread.State.NEW, String.class, "NEW"),
        Arguments.of(
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
            Instant.class,
            Instant.parse("2024-01-02T01:04:05Z")),
        Arguments.of(LocalDate.of(2024, 1, 2), LocalDate.class, LocalDate.of(2024, 1, 2)),
        Arguments.of(true, Boolean.class, true));
  }

  /** value, attribute type, a part of the reason the refusal gives. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(TWO_64.add(BigInteger.ONE), Long.class, "out of the range of Long"),
        Arguments.of(BigInteger.ONE.shiftLeft(63), Long.class, "out of the range of Long"),
        Arguments.of(TWO_64.add(BigInteger.ONE), Integer.class, "out of the range of Integer"),
        Arguments.of(Integer.MAX_VALUE + 1L, Integer.class, "out of the range of Integer"),
        Arguments.of(Long.MIN_VALUE, Integer.class, "out of the range of Integer"),
        Arguments.of(32768, Short.class, "out of the range of Short"),
        Arguments.of(new BigDecimal("5.5"), Long.class, "has a fraction"),
        Arguments.of(new BigDecimal("0.0001"), Integer.class, "has a fraction"),
        Arguments.of(new BigDecimal("9223372036854775808"), Long.class, "out of the range of Long"),
        Arguments.of(new BigDecimal("1E+999999999"), Long.class, "out of the range of Long"),
        Arguments.of(2.5d, Long.class, "has a fraction"),
        Arguments.of(1e19, Long.class, "out of the range of Long"),
        Arguments.of(Double.NaN, Long.class, "not a finite number"),
        Arguments.of(Float.POSITIVE_INFINITY, Integer.class, "not a finite number"),
        Arguments.of(TWO_53 + 1, Double.class, "not exactly a Double"),
        Arguments.of(Long.MAX_VALUE, Double.class, "not exactly a Double"),
        Arguments.of(BigInteger.ONE.shiftLeft(1024), Double.class, "not exactly a Double"),
        Arguments.of(new BigDecimal("0.1000000000000000001"), Double.class, "not exactly a Double"),
        Arguments.of(new BigDecimal("9223372036854776000"), Double.class, "not exactly a Double"),
        Arguments.of(new BigDecimal("16777217"), Float.class, "not exactly a Float"),
        Arguments.of((1 << 24) + 1, Float.class, "not exactly a Float"),
        Arguments.of(0.1d, Float.class, "not exactly a Float"),
        Arguments.of(1e300, Float.class, "not exactly a Float"),
        Arguments.of(Double.NaN, BigDecimal.class, "not a finite number"),
        Arguments.of(Float.NEGATIVE_INFINITY, BigDecimal.class, "not a finite number"),
        Arguments.of("1-1-1-1-1", UUID.class, "is not a UUID"),
        Arguments.of("not a uuid", UUID.class, "is not a UUID"),
        Arguments.of("123e4567-e89b-12d3-a456-42661417400g", UUID.class, "is not a UUID"),
        Arguments.of("a\u0000b", String.class, "NUL (U+0000) at index 1"),
        Arguments.of(
            "lone \uD800 high", String.class, "unpaired UTF-16 surrogate (U+D800) at index 5"),
        Arguments.of(
            "\uDC00 lone low", String.class, "unpaired UTF-16 surrogate (U+DC00) at index 0"),
        Arguments.of("ends high \uD83D", String.class, "unpaired UTF-16 surrogate (U+D83D)"),
        Arguments.of("\u0000", UUID.class, "NUL (U+0000)"),
        Arguments.of("7", Long.class, "is not a Long"),
        Arguments.of(7, String.class, "is not a String"),
        Arguments.of(ID, String.class, "is not a String"),
        Arguments.of(true, Integer.class, "is not a Integer"),
        Arguments.of(new AtomicLong(3), Long.class, "exact value Liaison does not know"),
        Arguments.of(7L, UUID.class, "is not a UUID"));
  }

  @ParameterizedTest(name = "{0} into {1} is {2}")
  @MethodSource("exact")
  void exactValuesConvert(Object value, Class<?> type, Object expected) {
    Object converted = ValueTypes.coerce(value, type, "Model.attr");

    assertThat(converted).isInstanceOf(type).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} into {1} is refused: {2}")
  @MethodSource("refused")
  void valuesThatWouldChangeAreRefused(Object value, Class<?> type, String reason) {
    assertThatThrownBy(() -> ValueTypes.coerce(value, type, "insert(Model): Model.attr"))
        .isInstanceOf(InvalidCallException.class)
        .hasMessageStartingWith("insert(Model): Model.attr: " + ValueTypes.describe(value) + " ")
        .hasMessageContaining(reason);
  }

  @ParameterizedTest(name = "{0} into {1}")
  @MethodSource("exact")
  void isStoredAsIsOnlyWhenCoerceReturnsTheValueItself(
      Object value, Class<?> type, Object expected) {
    assertThat(ValueTypes.isStoredAsIs(value, type))
        .isEqualTo(ValueTypes.coerce(value, type, "x") == value);
  }

  @Test
  void textWithNulOrALoneSurrogateIsNeverStoredAsIs() {
    assertThat(ValueTypes.isStoredAsIs("a\u0000", String.class)).isFalse();
    assertThat(ValueTypes.isStoredAsIs("\uD800", String.class)).isFalse();
    assertThat(ValueTypes.isStoredAsIs("\uD83D\uDE00", String.class)).isTrue();
    assertThat(ValueTypes.isStoredAsIs(null, Long.class)).isTrue();
    assertThat(ValueTypes.isStoredAsIs(7, Long.class)).isFalse();
  }

  @Test
  void describeQuotesTextEscapesWhatCannotBeShownAndCutsLongValues() {
    assertThat(ValueTypes.describe("a\u0000b\uD800")).isEqualTo("'a\\u0000b\\uD800' (String)");
    assertThat(ValueTypes.describe("\uD83D\uDE00")).isEqualTo("'\uD83D\uDE00' (String)");
    assertThat(ValueTypes.describe(TWO_64)).isEqualTo("18446744073709551616 (BigInteger)");
    assertThat(ValueTypes.describe(null)).isEqualTo("null");
    assertThat(ValueTypes.describe("x".repeat(200)))
        .hasSize(80 + " (String)".length())
        .contains("...");
  }

  @Test
  void nullStaysNull() {
    assertThat(ValueTypes.coerce(null, Long.class, "x")).isNull();
  }

  @Test
  void givenValuesMapsStoredFormsBackToTheCallersObjects() {
    Integer seven = 7;
    Map<Object, Object> given =
        ValueTypes.givenValues(Arrays.asList(seven, 8L, null, "not a number"), Long.class);

    assertThat(given)
        .as("an Integer given for a Long key comes back as that Integer")
        .containsEntry(7L, seven)
        .containsEntry(8L, 8L)
        .hasSize(2);
    assertThat(given.get(7L)).isSameAs(seven);
  }

  @Test
  void givenValuesOfTheTypeAlreadyNeedNoMap() {
    Map<Object, Object> given = ValueTypes.givenValues(List.of(1L, 2L, 3L), Long.class);

    assertThat(given).isEmpty();
    Long read = 2L;
    assertThat(given.getOrDefault(read, read))
        .as("a value read back is its own given one")
        .isSameAs(read);
    assertThat(ValueTypes.givenValues(List.of(), Long.class)).isEmpty();
  }
}

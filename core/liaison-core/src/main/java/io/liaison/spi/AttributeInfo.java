package io.liaison.spi;

/**
 * One attribute of a model or through model.
 *
 * @param name the attribute name (rows are keyed by it)
 * @param column the store name (column or property)
 * @param type the Java type of values: String, Integer, Long, Short, Double, Float, Boolean,
 *     BigDecimal, LocalDate, LocalDateTime, Instant, UUID (enums travel as String)
 * @param nullable whether null is allowed
 * @param generated true for an id the store generates on insert
 * @param declared false for an attribute the model class does not declare (an implicit foreign key
 *     or link id); it lives in the store only
 */
public record AttributeInfo(
    String name,
    String column,
    Class<?> type,
    boolean nullable,
    boolean generated,
    boolean declared) {}

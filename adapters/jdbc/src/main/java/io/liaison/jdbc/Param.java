package io.liaison.jdbc;

import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One statement parameter: a scalar already coerced to its attribute type, or a list bound as one
 * SQL array (so an id list is one parameter whatever its length).
 */
record Param(Object value, Class<?> type, boolean array) {

  /** A scalar for an attribute of {@code type}; {@code what} names the attribute in errors. */
  static Param of(Object value, Class<?> type, String what) {
    return new Param(ValueTypes.coerce(value, type, what), type, false);
  }

  /** A raw scalar of a known JDBC-friendly type (a limit, a flag). */
  static Param raw(Object value, Class<?> type) {
    return new Param(value, type, false);
  }

  /**
   * One column of a batch as an array: every value coerced to {@code type}, in order, nulls and
   * repeats kept (row n of the statement takes element n of every column).
   */
  static Param column(List<?> values, Class<?> type, String what) {
    List<Object> coerced = new ArrayList<>(values.size());
    for (Object v : values) {
      coerced.add(ValueTypes.coerce(v, type, what));
    }
    return new Param(coerced, type, true);
  }

  /**
   * An array of the distinct values of {@code type}, nulls dropped (it stands for a set: joined, it
   * must not repeat rows).
   */
  static Param array(Collection<?> values, Class<?> type, String what) {
    java.util.Set<Object> coerced = new java.util.LinkedHashSet<>(values.size() * 2);
    for (Object v : values) {
      if (v != null) {
        coerced.add(ValueTypes.coerce(v, type, what));
      }
    }
    return new Param(new ArrayList<>(coerced), type, true);
  }
}

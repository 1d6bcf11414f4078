package io.liaison.internal;

import io.liaison.DefinitionException;
import io.liaison.InvalidCallException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one place the public API refuses a null argument, so that every refusal has the same type and
 * the same shape of message: the call, then the argument that was null ({@code Where.gt('year'):
 * value is null}). Calls refuse with {@link InvalidCallException}; declarations (associations, the
 * schema builder) with {@link DefinitionException}, since whoever wrote the declaration must act.
 */
public final class Args {
  private Args() {}

  /**
   * The value, or an {@link InvalidCallException} naming the call and the argument.
   *
   * @param call the call and what it was for, e.g. {@code Where.gt('year')} or {@code
   *     Book.articles.add}
   * @param argument the parameter's name as the API declares it
   */
  public static <T> T notNull(T value, String call, String argument) {
    if (value == null) {
      throw new InvalidCallException(call + ": " + argument + " is null");
    }
    return value;
  }

  /**
   * Like {@link #notNull(Object, String, String)}, with a hint saying what to do instead (e.g.
   * which call takes null).
   */
  public static <T> T notNull(T value, String call, String argument, String hint) {
    if (value == null) {
      throw new InvalidCallException(call + ": " + argument + " is null; " + hint);
    }
    return value;
  }

  /**
   * An unmodifiable copy of the values, or an {@link InvalidCallException} if the collection or one
   * of its elements is null (naming the element's position).
   */
  public static <T> List<T> noNulls(Collection<? extends T> values, String call, String argument) {
    notNull(values, call, argument);
    List<T> copy = new ArrayList<>(values.size());
    int i = 0;
    for (T v : values) {
      if (v == null) {
        throw new InvalidCallException(call + ": " + argument + "[" + i + "] is null");
      }
      copy.add(v);
      i++;
    }
    return List.copyOf(copy);
  }

  /** {@link #noNulls(Collection, String, String)} for an array (a varargs parameter). */
  public static <T> List<T> noNulls(T[] values, String call, String argument) {
    notNull(values, call, argument);
    return noNulls(java.util.Arrays.asList(values), call, argument);
  }

  /**
   * The value, or a {@link DefinitionException} naming the declaration and the option that was
   * null.
   */
  public static <T> T declared(T value, String declaration, String argument) {
    if (value == null) {
      throw new DefinitionException(List.of(declaration + ": " + argument + " is null"));
    }
    return value;
  }
}

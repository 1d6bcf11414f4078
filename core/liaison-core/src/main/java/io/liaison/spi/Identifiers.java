package io.liaison.spi;

import java.util.regex.Pattern;

/** The one rule every identifier (model, attribute, table, column, label, type) must follow. */
public final class Identifiers {
  /**
   * Letters, digits and underscores, starting with a letter; at most 63 characters (PostgreSQL's
   * limit).
   */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  public static boolean isValid(String identifier) {
    return identifier != null && PATTERN.matcher(identifier).matches();
  }

  /**
   * Returns the identifier, or throws if it breaks {@link #PATTERN}; adapters call it before
   * quoting.
   */
  public static String check(String identifier) {
    if (!isValid(identifier)) {
      throw new IllegalArgumentException(
          "Not a valid identifier: '" + identifier + "' (must match " + PATTERN + ")");
    }
    return identifier;
  }
}

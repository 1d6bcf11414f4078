package io.liaison.internal;

import io.github.encryptorcode.pluralize.Pluralize;

/**
 * English plural and singular of a model name or alias, as Sequelize derives default aliases and
 * keys: {@code Person} → {@code People}, {@code Children} → {@code Child}, a name already plural
 * ({@code Books}) stays plural and singularizes to {@code Book}. Case is kept, and the last word of
 * a camel-case name is the one inflected ({@code salesPerson} → {@code salesPeople}).
 *
 * <p>The rules are the {@code pluralize} library's (irregular words, uncountable words such as
 * {@code equipment} and {@code news}, then suffix rules): the same rule families as the {@code
 * inflection} package Sequelize calls. This class is the single seam between the engine and that
 * library.
 */
final class Inflection {
  private Inflection() {}

  /** The plural of {@code word}; a word that is already plural is returned as it is. */
  static String plural(String word) {
    return word.isEmpty() ? word : Pluralize.plural(word);
  }

  /** The singular of {@code word}; a word that is already singular is returned as it is. */
  static String singular(String word) {
    return word.isEmpty() ? word : Pluralize.singular(word);
  }
}

package io.liaison.internal;

/** The little English Sequelize's default aliases need: plural and singular of a name. */
final class Inflection {
  private Inflection() {}

  static String plural(String word) {
    if (word.isEmpty()) {
      return word;
    }
    if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    if (word.endsWith("s")
        || word.endsWith("x")
        || word.endsWith("z")
        || word.endsWith("ch")
        || word.endsWith("sh")) {
      return word + "es";
    }
    return word + "s";
  }

  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 3) {
      return word.substring(0, word.length() - 3) + "y";
    }
    for (String end : new String[] {"sses", "xes", "zes", "ches", "shes"}) {
      if (word.endsWith(end)) {
        return word.substring(0, word.length() - 2);
      }
    }
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static boolean isVowel(char c) {
    return "aeiouAEIOU".indexOf(c) >= 0;
  }
}

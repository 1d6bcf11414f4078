package io.liaison.internal;

import io.liaison.NamingStrategy;
import io.liaison.spi.Identifiers;

/**
 * Table and column names from the naming strategy, each checked to be a valid identifier: a name
 * that is not becomes a problem naming the model and attribute, and is still returned so that
 * resolution goes on.
 */
final class StoreNames {
  private final NamingStrategy naming;
  private final DefinitionProblems problems;

  StoreNames(NamingStrategy naming, DefinitionProblems problems) {
    this.naming = naming;
    this.problems = problems;
  }

  String column(String model, String attribute) {
    String c = naming.column(model, attribute);
    if (!Identifiers.isValid(c)) {
      problems.add(
          "Model "
              + model
              + ": naming strategy gives attribute '"
              + attribute
              + "' the invalid column name '"
              + c
              + "'");
    }
    return c;
  }

  String table(String model) {
    String t = naming.table(model);
    if (!Identifiers.isValid(t)) {
      problems.add("Model " + model + ": naming strategy gives the invalid table name '" + t + "'");
    }
    return t;
  }
}

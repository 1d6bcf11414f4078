package io.liaison;

import java.util.List;

/**
 * The declared models or associations are wrong. Thrown once at start-up, listing every problem
 * found, each naming the model and the option, like Guice's {@code CreationException}.
 */
public final class DefinitionException extends LiaisonException {
  private final List<String> problems;

  public DefinitionException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    StringBuilder sb =
        new StringBuilder("Liaison definitions have ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
    for (int i = 0; i < problems.size(); i++) {
      sb.append("\n  ").append(i + 1).append(") ").append(problems.get(i));
    }
    return sb.toString();
  }
}

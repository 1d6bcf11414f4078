package io.liaison.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds models that can never hold a row: models linked in a cycle by foreign keys that may not be
 * null (and are enforced). Inserting a row of any of them needs a row of the next one first, so the
 * first insert of the cycle is always refused by the store; a model with such a key to itself is
 * the shortest cycle. Found at {@code Schema.build()}, so the declaration is fixed before any data
 * exists.
 */
final class RequiredKeyCycles {
  private RequiredKeyCycles() {}

  /**
   * A foreign key that may not be null: {@code holder.foreignKey} references a row of {@code
   * referenced}.
   */
  record Key(String holder, String foreignKey, String referenced) {
    @Override
    public String toString() {
      return holder + "." + foreignKey + " -> " + referenced;
    }
  }

  /**
   * One problem sentence per cycle (strongly connected set of models), naming the models and the
   * keys.
   */
  static List<String> find(List<Key> keys) {
    Map<String, List<Key>> out = new LinkedHashMap<>();
    for (Key k : keys) {
      out.computeIfAbsent(k.holder(), h -> new ArrayList<>()).add(k);
      out.computeIfAbsent(k.referenced(), h -> new ArrayList<>());
    }
    List<String> problems = new ArrayList<>();
    for (Set<String> component : components(out)) {
      List<Key> inCycle = new ArrayList<>();
      for (String model : component) {
        for (Key k : out.get(model)) {
          if (component.contains(k.referenced())) {
            inCycle.add(k);
          }
        }
      }
      if (inCycle.isEmpty()) {
        continue; // a single model without a key to itself
      }
      String models = String.join(", ", component);
      problems.add(
          (component.size() == 1
                  ? "Model " + models + " has a required foreign key to itself"
                  : "Models " + models + " require each other through required foreign keys")
              + " ("
              + describe(inCycle)
              + "), so no row of "
              + (component.size() == 1 ? "it" : "them")
              + " can ever be inserted: each needs a "
              + "row of the other first. Make one of these keys nullable: foreignKeyAllowNull(true) on its "
              + "association, and a non-primitive field if the model declares one");
    }
    return problems;
  }

  private static String describe(List<Key> keys) {
    List<String> parts = new ArrayList<>();
    for (Key k : keys) {
      parts.add(k.toString());
    }
    return String.join(", ", parts);
  }

  /** Tarjan's strongly connected components, each in the order its models were first declared. */
  private static List<Set<String>> components(Map<String, List<Key>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new LinkedHashSet<>();
    List<Set<String>> found = new ArrayList<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, found, counter);
      }
    }
    List<String> order = new ArrayList<>(graph.keySet());
    List<Set<String>> sorted = new ArrayList<>();
    for (Set<String> c : found) {
      Set<String> inOrder = new LinkedHashSet<>();
      order.stream().filter(c::contains).forEach(inOrder::add);
      sorted.add(inOrder);
    }
    sorted.sort(
        (a, b) ->
            Integer.compare(
                order.indexOf(a.iterator().next()), order.indexOf(b.iterator().next())));
    return sorted;
  }

  private static void connect(
      String v,
      Map<String, List<Key>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> found,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (Key k : graph.get(v)) {
      String w = k.referenced();
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, found, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new LinkedHashSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      found.add(component);
    }
  }
}

package io.liaison.internal;

import io.liaison.Association;
import io.liaison.DefinitionException;
import io.liaison.NamingStrategy;
import io.liaison.spi.Capability;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks declarations and resolves Sequelize's defaults (aliases, keys, actions, junctions), in
 * phases: the models ({@link ModelReader}), the associations and their inverses ({@link
 * AssociationResolver}, with {@link JunctionResolver} for the through models and {@link
 * ReferentialRules} for the actions), the cycles of required keys ({@link RequiredKeyCycles}), and
 * last the records ({@link SchemaRecords}). Every phase runs even after a problem, and every
 * problem is collected and reported at once in one {@link DefinitionException}.
 */
public final class SchemaResolver {

  private final DefinitionProblems problems = new DefinitionProblems();
  private final ModelReader models;
  private final ReferentialRules rules;
  private final AssociationResolver associations;
  private final SchemaRecords records;

  private SchemaResolver(NamingStrategy naming) {
    // Capabilities the schema needs, each with the first declaration that needs it.
    Map<Capability, String> needs = new EnumMap<>(Capability.class);
    StoreNames names = new StoreNames(naming, problems);
    models = new ModelReader(names, problems);
    rules = new ReferentialRules(problems, needs);
    JunctionResolver junctions = new JunctionResolver(models, names, naming, problems, needs);
    associations =
        new AssociationResolver(models, junctions, rules, names, naming, problems, needs);
    records = new SchemaRecords(models, junctions, rules, names, problems, needs);
  }

  /** Resolves the declarations, or throws {@link DefinitionException} listing every problem. */
  public static ResolvedSchema resolve(
      Map<Class<?>, String> modelNames,
      List<Association<?, ?>> associations,
      NamingStrategy naming) {
    return new SchemaResolver(naming).run(modelNames, associations);
  }

  /**
   * Resolves declarations where a class may have been declared under several names (each list in
   * declaration order): a class under two names is a problem, since one class is one model (the
   * engine finds an entity's model by its class).
   */
  public static ResolvedSchema resolveDeclared(
      Map<Class<?>, List<String>> modelNames,
      List<Association<?, ?>> associations,
      NamingStrategy naming) {
    SchemaResolver resolver = new SchemaResolver(naming);
    Map<Class<?>, String> first = new LinkedHashMap<>();
    modelNames.forEach(
        (type, names) -> {
          if (names.size() > 1) {
            resolver.problems.add(
                "Model class "
                    + type.getName()
                    + " is declared under "
                    + names.size()
                    + " names ("
                    + String.join(", ", names)
                    + "): declare each class once, under one name");
          }
          first.put(type, names.get(0));
        });
    return resolver.run(first, associations);
  }

  private ResolvedSchema run(Map<Class<?>, String> modelNames, List<Association<?, ?>> declared) {
    models.read(withoutThroughModels(modelNames, declared));
    List<AssociationDraft> drafts = associations.resolve(declared);
    problems.addAll(RequiredKeyCycles.find(rules.requiredKeys(drafts)));
    problems.throwIfAny();
    return records.build(drafts);
  }

  /**
   * The declared models but those that are also a belongsToMany's through model, each of which is a
   * problem saying so: a through model is declared by {@code through(..)} alone, and read as a
   * model it would only fail for a reason that hides the mistake (it has no id).
   */
  private Map<Class<?>, String> withoutThroughModels(
      Map<Class<?>, String> modelNames, List<Association<?, ?>> declared) {
    Map<Class<?>, String> kept = new LinkedHashMap<>(modelNames);
    for (Association<?, ?> a : declared) {
      Class<?> through = a == null ? null : a.options().throughModel();
      if (through != null && kept.remove(through) != null) {
        problems.add(
            "Model "
                + modelNames.get(through)
                + " is the through model of "
                + a
                + ": leave it out of models(); through(..) declares it");
      }
    }
    return kept;
  }
}

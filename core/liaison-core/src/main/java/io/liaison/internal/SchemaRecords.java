package io.liaison.internal;

import io.liaison.Association;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.ForeignKeyInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.SchemaInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 3 of resolution: turns the drafts, once free of problems, into the records adapters receive
 * ({@link SchemaInfo} and its parts) and the engine's own metadata ({@link ModelMeta}, {@link
 * ThroughMeta}), in declaration order: a model's id first, then its declared attributes, then the
 * foreign keys its associations add.
 */
final class SchemaRecords {
  private final ModelReader models;
  private final JunctionResolver junctions;
  private final ReferentialRules rules;
  private final StoreNames names;
  private final DefinitionProblems problems;
  private final Map<Capability, String> needs;

  SchemaRecords(
      ModelReader models,
      JunctionResolver junctions,
      ReferentialRules rules,
      StoreNames names,
      DefinitionProblems problems,
      Map<Capability, String> needs) {
    this.models = models;
    this.junctions = junctions;
    this.rules = rules;
    this.names = names;
    this.problems = problems;
    this.needs = needs;
  }

  /** The resolved schema; throws if the foreign-key constraints disagree. */
  ResolvedSchema build(List<AssociationDraft> drafts) {
    Map<Class<?>, ModelMeta> metas = new LinkedHashMap<>();
    List<ModelInfo> modelInfos = new ArrayList<>();
    for (ModelDraft m : models.all()) {
      List<AttributeInfo> attrs = new ArrayList<>();
      attrs.add(m.attributes.get(m.idField.getName()));
      m.attributes.values().stream()
          .filter(a -> a.declared() && !a.name().equals(m.idField.getName()))
          .forEach(attrs::add);
      m.attributes.values().stream().filter(a -> !a.declared()).forEach(attrs::add);
      m.info =
          new ModelInfo(
              m.name, names.table(m.name), attrs.get(0), attrs, List.copyOf(m.uniqueKeys));
      modelInfos.add(m.info);
      metas.put(
          m.type,
          new ModelMeta(
              m.type,
              m.info,
              m.idField,
              Collections.unmodifiableMap(new LinkedHashMap<>(m.fields)),
              m.constructor,
              m.idGeneration));
    }
    List<JunctionInfo> junctionInfos = new ArrayList<>();
    Map<String, ThroughMeta> throughTypes = new LinkedHashMap<>();
    for (JunctionDraft j : junctions.all()) {
      List<AttributeInfo> attrs = new ArrayList<>();
      AttributeInfo id = null;
      if (!j.unique) {
        id = new AttributeInfo("id", names.column(j.name, "id"), Long.class, false, true, false);
        attrs.add(id);
      }
      attrs.add(j.principalKeyAttr);
      attrs.add(j.dependentKeyAttr);
      attrs.addAll(j.payload.values());
      j.info =
          new JunctionInfo(
              j.name, names.table(j.name), j.unique, id, attrs, j.principalKey, j.dependentKey);
      junctionInfos.add(j.info);
      Map<String, AttributeInfo> payloadByName = new LinkedHashMap<>();
      for (AttributeInfo x : j.info.payload()) {
        payloadByName.putIfAbsent(x.name(), x);
      }
      throughTypes.put(
          j.name, ThroughMeta.of(j.type, Map.copyOf(j.payloadFields), Map.copyOf(payloadByName)));
    }
    Map<Association<?, ?>, AssociationInfo> byDeclaration = new LinkedHashMap<>();
    List<AssociationInfo> infos = new ArrayList<>();
    Map<String, ForeignKeyInfo> constraints = new LinkedHashMap<>();
    for (AssociationDraft d : drafts) {
      if (d.sameAs != null) {
        continue;
      }
      String linkName =
          switch (d.kind) {
            case BELONGS_TO_MANY -> d.junction.name;
            case HAS_ONE, HAS_MANY -> d.target.name + "_" + d.foreignKey;
            case BELONGS_TO -> d.source.name + "_" + d.foreignKey;
          };
      d.info =
          new AssociationInfo(
              d.label(),
              d.kind,
              d.source.info,
              d.target.info,
              d.alias,
              d.foreignKey,
              d.otherKey,
              d.sourceKey,
              d.targetKey,
              d.junction == null ? null : d.junction.info,
              d.onDelete,
              d.onUpdate,
              d.constraints,
              d.fkNullable,
              linkName,
              d.principal,
              d.scope,
              d.throughScope);
      infos.add(d.info);
      byDeclaration.put(d.declaration, d.info);
      if (d.constraints) {
        rules.addConstraints(d, constraints);
      }
    }
    for (AssociationDraft d : drafts) {
      if (d.sameAs != null && d.sameAs != d) {
        byDeclaration.put(d.declaration, d.sameAs.info);
      }
    }
    problems.throwIfAny();
    SchemaInfo info =
        new SchemaInfo(modelInfos, junctionInfos, infos, List.copyOf(constraints.values()));
    return new ResolvedSchema(
        info,
        Map.copyOf(metas),
        Map.copyOf(byDeclaration),
        Map.copyOf(needs),
        Map.copyOf(throughTypes));
  }
}

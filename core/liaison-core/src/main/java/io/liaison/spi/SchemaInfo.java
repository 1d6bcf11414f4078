package io.liaison.spi;

import java.util.List;

/**
 * Everything an adapter needs to create and use the store: models, junctions, associations.
 * Foreign-key constraints come from {@link #constraints()}: one per stored key, even when two
 * associations (a pair) share it.
 */
public record SchemaInfo(
    List<ModelInfo> models,
    List<JunctionInfo> junctions,
    List<AssociationInfo> associations,
    List<ForeignKeyInfo> constraints) {

  public SchemaInfo {
    models = List.copyOf(models);
    junctions = List.copyOf(junctions);
    associations = List.copyOf(associations);
    constraints = List.copyOf(constraints);
  }

  public ModelInfo model(String name) {
    for (ModelInfo m : models) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }
}

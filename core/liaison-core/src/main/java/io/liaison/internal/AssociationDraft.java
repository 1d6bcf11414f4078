package io.liaison.internal;

import io.liaison.Association;
import io.liaison.Association.Kind;
import io.liaison.ReferentialAction;
import io.liaison.spi.AssociationInfo;
import java.util.Map;

/** A resolved association before records are built. */
final class AssociationDraft {
  Association<?, ?> declaration;
  Kind kind;
  ModelDraft source;
  ModelDraft target;
  String alias;
  String foreignKey;
  String otherKey;
  String sourceKey;
  String targetKey;
  JunctionDraft junction;
  ReferentialAction onDelete;
  ReferentialAction onUpdate;
  boolean constraints;
  boolean fkNullable;
  boolean principal;
  AssociationDraft sameAs; // a derived inverse that an explicit declaration already covers
  AssociationInfo info;
  Map<String, Object> scope = Map.of();
  Map<String, Object> throughScope = Map.of();

  String label() {
    return source.name + "." + alias;
  }
}

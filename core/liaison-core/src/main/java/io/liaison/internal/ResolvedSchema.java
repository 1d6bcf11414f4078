package io.liaison.internal;

import io.liaison.Association;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.Capability;
import io.liaison.spi.SchemaInfo;
import java.util.Map;

/**
 * A checked schema: the SPI view for adapters plus what the engine needs to map classes.
 *
 * @param info what adapters read
 * @param models model metadata by class
 * @param associations resolved associations by declaration (derived inverses included)
 * @param needs for each capability, the first declaration that needs it
 * @param throughTypes through-model classes by junction name
 */
public record ResolvedSchema(
    SchemaInfo info,
    Map<Class<?>, ModelMeta> models,
    Map<Association<?, ?>, AssociationInfo> associations,
    Map<Capability, String> needs,
    Map<String, ThroughMeta> throughTypes) {}

package io.liaison;

import io.liaison.internal.ResolvedSchema;
import io.liaison.internal.SchemaResolver;
import io.liaison.spi.SchemaInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declared models and associations, checked and resolved (names, keys, defaults) once.
 * {@link Builder#build()} throws a {@link DefinitionException} listing every problem at once.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *     .models(Book.class, Article.class)
 *     .association(Library.ARTICLES)     // its inverse is declared with it, as in Sequelize v7
 *     .build();
 * }</pre>
 */
public final class Schema {
  private final ResolvedSchema resolved;

  private Schema(ResolvedSchema resolved) {
    this.resolved = resolved;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The resolved form that store adapters read. */
  public SchemaInfo info() {
    return resolved.info();
  }

  ResolvedSchema resolved() {
    return resolved;
  }

  /** Collects declarations; nothing is checked until {@link #build()}. */
  public static final class Builder {
    private final Map<Class<?>, String> models = new LinkedHashMap<>();
    private final List<Association<?, ?>> associations = new ArrayList<>();
    private NamingStrategy naming = NamingStrategy.SEQUELIZE;

    private Builder() {
    }

    /** Declares a model named after its class. */
    public Builder model(Class<?> type) {
      return model(type, type.getSimpleName());
    }

    /** Declares a model with an explicit name. */
    public Builder model(Class<?> type, String name) {
      models.put(Objects.requireNonNull(type, "model class"), Objects.requireNonNull(name, "model name"));
      return this;
    }

    public Builder models(Class<?>... types) {
      for (Class<?> t : types) {
        model(t);
      }
      return this;
    }

    /** Declares an association (and, as in Sequelize v7, its inverse). */
    public Builder association(Association<?, ?> association) {
      associations.add(Objects.requireNonNull(association, "association"));
      return this;
    }

    public Builder associations(Association<?, ?>... all) {
      for (Association<?, ?> a : all) {
        association(a);
      }
      return this;
    }

    public Builder naming(NamingStrategy naming) {
      this.naming = Objects.requireNonNull(naming, "naming");
      return this;
    }

    public Schema build() {
      return new Schema(SchemaResolver.resolve(models, associations, naming));
    }
  }
}

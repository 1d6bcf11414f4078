package io.liaison;

import io.liaison.internal.Args;
import io.liaison.internal.ResolvedSchema;
import io.liaison.internal.SchemaResolver;
import io.liaison.spi.SchemaInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared models and associations, checked and resolved (names, keys, defaults) once. {@link
 * Builder#build()} throws a {@link DefinitionException} listing every problem at once.
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
    /**
     * Every name each class was declared under, in order: a class under two names is a problem at
     * build().
     */
    private final Map<Class<?>, List<String>> models = new LinkedHashMap<>();

    private final List<Association<?, ?>> associations = new ArrayList<>();
    private NamingStrategy naming = NamingStrategy.SEQUELIZE;

    private Builder() {}

    /** Declares a model named after its class. */
    public Builder model(Class<?> type) {
      Args.declared(type, "Schema.builder().model", "type");
      return model(type, type.getSimpleName());
    }

    /**
     * Declares a model with an explicit name. Declaring a class again under the same name changes
     * nothing; under another name it is a problem reported by {@link #build()}.
     */
    public Builder model(Class<?> type, String name) {
      Args.declared(type, "Schema.builder().model", "type");
      Args.declared(name, "Schema.builder().model(" + type.getSimpleName() + ", name)", "name");
      List<String> names = models.computeIfAbsent(type, t -> new ArrayList<>());
      if (!names.contains(name)) {
        names.add(name);
      }
      return this;
    }

    public Builder models(Class<?>... types) {
      for (Class<?> t : Args.declared(types, "Schema.builder().models", "types")) {
        Args.declared(t, "Schema.builder().models", "types (an element)");
        model(t);
      }
      return this;
    }

    /** Declares an association (and, as in Sequelize v7, its inverse). */
    public Builder association(Association<?, ?> association) {
      associations.add(Args.declared(association, "Schema.builder().association", "association"));
      return this;
    }

    public Builder associations(Association<?, ?>... all) {
      for (Association<?, ?> a : Args.declared(all, "Schema.builder().associations", "all")) {
        Args.declared(a, "Schema.builder().associations", "all (an element)");
        association(a);
      }
      return this;
    }

    public Builder naming(NamingStrategy naming) {
      this.naming = Args.declared(naming, "Schema.builder().naming", "naming");
      return this;
    }

    public Schema build() {
      return new Schema(SchemaResolver.resolveDeclared(models, associations, naming));
    }
  }
}

package io.liaison.examples;

import com.google.inject.Module;
import io.liaison.jdbc.JdbcConfig;
import io.liaison.jdbc.JdbcModule;
import io.liaison.neo4j.Neo4jConfig;
import io.liaison.neo4j.Neo4jModule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Picks the store from the command line; this is the only place that names an adapter, and the only
 * difference between stores is the Guice module installed.
 *
 * <ul>
 *   <li>{@code --store=neo4j} (default): an embedded Neo4j started here, or {@code
 *       --url=neo4j://...} with {@code --user}/{@code --password} for a server of your own;
 *   <li>{@code --store=h2}: embedded H2 in memory (or {@code --url=jdbc:h2:...});
 *   <li>{@code --store=postgres --url=jdbc:postgresql://...}.
 * </ul>
 */
final class StoreChoice implements AutoCloseable {
  private final Module module;
  private final String description;
  private final AutoCloseable resource;

  private StoreChoice(Module module, String description, AutoCloseable resource) {
    this.module = module;
    this.description = description;
    this.resource = resource;
  }

  Module module() {
    return module;
  }

  String description() {
    return description;
  }

  static StoreChoice fromArgs(String... args) {
    String store = "neo4j";
    String url = null;
    String user = null;
    String password = null;
    for (String arg : args) {
      if (arg.startsWith("--store=")) {
        store = arg.substring("--store=".length());
      } else if (arg.startsWith("--url=")) {
        url = arg.substring("--url=".length());
      } else if (arg.startsWith("--user=")) {
        user = arg.substring("--user=".length());
      } else if (arg.startsWith("--password=")) {
        password = arg.substring("--password=".length());
      } else if (!arg.isBlank()) {
        throw new IllegalArgumentException(
            "Unknown argument "
                + arg
                + "; use --store=neo4j|h2|postgres [--url=... --user=... --password=...]");
      }
    }
    return switch (store) {
      case "neo4j" -> {
        if (url != null) {
          Neo4jConfig config =
              user == null ? Neo4jConfig.uri(url) : Neo4jConfig.uri(url, user, password);
          yield new StoreChoice(new Neo4jModule(config), "Neo4j at " + url, null);
        }
        Neo4j embedded = startEmbeddedNeo4j();
        yield new StoreChoice(
            new Neo4jModule(Neo4jConfig.uri(embedded.boltURI().toString())),
            "embedded Neo4j",
            embedded::close);
      }
      case "h2" ->
          new StoreChoice(
              new JdbcModule(
                  url == null
                      ? JdbcConfig.h2InMemory("examples")
                      : JdbcConfig.url(url, user, password)),
              "H2",
              null);
      case "postgres" -> {
        if (url == null) {
          throw new IllegalArgumentException(
              "--store=postgres needs --url=jdbc:postgresql://host:port/db");
        }
        yield new StoreChoice(
            new JdbcModule(JdbcConfig.url(url, user, password)), "PostgreSQL at " + url, null);
      }
      default ->
          throw new IllegalArgumentException(
              "Unknown store '" + store + "'; use neo4j, h2 or postgres");
    };
  }

  private static Neo4j startEmbeddedNeo4j() {
    try {
      Path dir = Files.createTempDirectory("liaison-examples-neo4j-");
      return Neo4jBuilders.newInProcessBuilder(dir).withDisabledServer().build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    if (resource != null) {
      resource.close();
    }
  }
}

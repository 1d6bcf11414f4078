package io.liaison.examples;

import com.google.inject.Module;
import io.liaison.jdbc.JdbcConfig;
import io.liaison.jdbc.JdbcModule;

/**
 * Picks the store from the command line; this is the only place that names an adapter.
 * {@code --store=h2} (default, embedded) or {@code --store=postgres --url=jdbc:postgresql://...}.
 */
final class StoreChoice {
  private StoreChoice() {
  }

  static Module fromArgs(String... args) {
    String store = "h2";
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
      } else {
        throw new IllegalArgumentException("Unknown argument " + arg + "; use --store=h2|postgres [--url=... --user=... --password=...]");
      }
    }
    return switch (store) {
      case "h2" -> new JdbcModule(url == null ? JdbcConfig.h2InMemory("examples") : JdbcConfig.url(url, user, password));
      case "postgres" -> {
        if (url == null) {
          throw new IllegalArgumentException("--store=postgres needs --url=jdbc:postgresql://host:port/db");
        }
        yield new JdbcModule(JdbcConfig.url(url, user, password));
      }
      default -> throw new IllegalArgumentException("Unknown store '" + store + "'; use h2 or postgres");
    };
  }
}

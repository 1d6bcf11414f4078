package io.liaison.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.examples.library.Catalogue;
import io.liaison.examples.library.Library;

/**
 * The Books/Articles scenario: a many-to-many with a through model carrying a role and a position.
 * Run it on the embedded default (Neo4j) with {@code mvn -q -DskipTests -Pexamples verify}; add
 * {@code -Dexamples.args=--store=h2} (or {@code --store=postgres --url=...}) to swap only the store
 * module.
 */
public final class BooksAndArticles {
  private BooksAndArticles() {}

  public static void main(String[] args) throws Exception {
    try (StoreChoice store = StoreChoice.fromArgs(args)) {
      Injector injector =
          Guice.createInjector(
              store.module(),
              new AbstractModule() {
                @Provides
                Schema schema() {
                  return Library.SCHEMA;
                }
              });
      try (Liaison db = injector.getInstance(Liaison.class)) {
        System.out.println("Liaison on " + store.description() + "\n");
        injector.getInstance(Catalogue.class).tour(System.out);
      }
    }
  }
}

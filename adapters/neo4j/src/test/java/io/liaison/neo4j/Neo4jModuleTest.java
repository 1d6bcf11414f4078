package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import io.liaison.Association;
import io.liaison.BelongsToMany;
import io.liaison.Liaison;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.spi.StoreAdapter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Neo4jModuleTest {
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);

  @Test
  void theModuleProvidesAWorkingLiaisonOverOneAdapter() {
    EmbeddedNeo4j.clean();
    Injector injector =
        Guice.createInjector(
            new Neo4jModule(Neo4jConfig.uri(EmbeddedNeo4j.server().boltURI().toString())),
            new AbstractModule() {
              @Provides
              Schema schema() {
                return Schema.builder()
                    .models(Book.class, Article.class)
                    .association(ARTICLES)
                    .build();
              }
            });

    try (Liaison db = injector.getInstance(Liaison.class)) {
      assertThat(injector.getInstance(Liaison.class)).isSameAs(db);
      assertThat(injector.getInstance(StoreAdapter.class))
          .isSameAs(injector.getInstance(Neo4jAdapter.class));
      assertThat(db.capabilities())
          .isEqualTo(injector.getInstance(StoreAdapter.class).capabilities());

      Book b = new Book();
      b.title = "Graphs";
      db.insert(b);
      Article a = new Article();
      a.title = "Edges";
      db.insert(a);
      db.on(b, ARTICLES).add(a, Map.of("role", "editor"));

      assertThat(db.on(b, ARTICLES).linkedTargets())
          .singleElement()
          .satisfies(l -> assertThat(l.through("role")).isEqualTo("editor"));
    }
  }

  @Test
  void theModuleTakesAnExistingDriverAndLeavesItOpen() {
    EmbeddedNeo4j.clean();
    Injector injector =
        Guice.createInjector(
            new Neo4jModule(EmbeddedNeo4j.driver()),
            binder ->
                binder.bind(Schema.class).toInstance(Schema.builder().model(Book.class).build()));

    Liaison db = injector.getInstance(Liaison.class);
    Book b = new Book();
    b.title = "Borrowed";
    db.insert(b);
    db.close();

    EmbeddedNeo4j.driver().verifyConnectivity();
    assertThat(injector.getInstance(Neo4jAdapter.class).driver()).isSameAs(EmbeddedNeo4j.driver());
  }
}

package io.liaison.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.StoreException;
import io.liaison.TransientStoreException;
import org.junit.jupiter.api.Test;

class Neo4jConfigTest {

  @Test
  void uriConfigsKeepTheirPartsAndDefaultToTheNeo4jDatabase() {
    Neo4jConfig c = Neo4jConfig.uri("neo4j://db.example:7687", "app", "s3cret");

    assertThat(c.uri().toString()).isEqualTo("neo4j://db.example:7687");
    assertThat(c.user()).isEqualTo("app");
    assertThat(c.database()).isEqualTo("neo4j");
    assertThat(c.givenDriver()).isNull();
    assertThat(c.withDatabase("library").database()).isEqualTo("library");
    assertThat(c.database()).as("immutable").isEqualTo("neo4j");
    assertThat(c.withPoolSize(3).poolSize()).isEqualTo(3);
  }

  /**
   * Refused at start: the same type as on the JDBC adapter, naming the address and what to check.
   */
  @Test
  void aServerThatRefusesTheConnectionAtStartIsAStoreExceptionNamingTheAddress() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String uri = "bolt://127.0.0.1:" + port;

    assertThatThrownBy(() -> Neo4jAdapter.create(Neo4jConfig.uri(uri)))
        .isExactlyInstanceOf(StoreException.class)
        .isNotInstanceOf(TransientStoreException.class)
        .hasMessageStartingWith("connect to ")
        .hasMessageContaining(uri)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("Check that the Neo4j server is running");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(Neo4jConfig.uri("bolt://localhost:7687", "app", "s3cret").toString())
        .contains("bolt://localhost:7687", "app")
        .doesNotContain("s3cret");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> Neo4jConfig.uri("http://localhost:7474"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bolt://");
    assertThatThrownBy(() -> Neo4jConfig.uri("bolt://x").withDatabase(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Neo4jConfig.uri("bolt://x").withPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aGivenDriverIsBorrowedNotClosed() {
    Neo4jAdapter adapter = Neo4jAdapter.create(Neo4jConfig.driver(EmbeddedNeo4j.driver()));
    adapter.close();
    adapter.close();

    EmbeddedNeo4j.driver().verifyConnectivity();
    assertThatThrownBy(adapter::begin).isInstanceOf(IllegalStateException.class);
  }
}

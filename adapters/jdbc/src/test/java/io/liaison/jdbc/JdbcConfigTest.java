package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreSession;
import org.junit.jupiter.api.Test;

class JdbcConfigTest {

  /** Refused at start: the same type as on the Neo4j adapter, naming the URL and what to check. */
  @Test
  void aServerThatRefusesTheConnectionAtStartIsAStoreExceptionNamingTheUrl() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/library";

    assertThatThrownBy(() -> JdbcAdapter.create(JdbcConfig.url(url, "app", "s3cret")))
        .isExactlyInstanceOf(io.liaison.StoreException.class)
        .isNotInstanceOf(io.liaison.TransientStoreException.class)
        .hasMessageStartingWith("connect to ")
        .hasMessageContaining(url)
        .hasMessageContaining("Check that the database server is running")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void h2InMemoryKeepsTheDatabaseForTheJvm() {
    assertThat(JdbcConfig.h2InMemory("app").url()).isEqualTo("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");
    assertThatThrownBy(() -> JdbcConfig.h2InMemory("x;INIT=RUNSCRIPT FROM 'evil'"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void poolSizeDefaultsSmallAndMustBePositive() {
    assertThat(JdbcConfig.url("jdbc:h2:mem:x").poolSize()).isEqualTo(JdbcConfig.DEFAULT_POOL_SIZE);
    assertThat(JdbcConfig.url("jdbc:h2:mem:x").withPoolSize(9).poolSize()).isEqualTo(9);
    assertThatThrownBy(() -> JdbcConfig.url("jdbc:h2:mem:x").withPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConnectionWrapperIsKeptByTheOtherSettingsAndWrapsTheOwnPoolsConnections() {
    java.util.concurrent.atomic.AtomicInteger wrapped =
        new java.util.concurrent.atomic.AtomicInteger();
    JdbcConfig config =
        JdbcConfig.url("jdbc:h2:mem:wrapped_config;DB_CLOSE_DELAY=-1", "sa", "")
            .withConnectionWrapper(
                c -> {
                  wrapped.incrementAndGet();
                  return c;
                })
            .withPoolSize(1)
            .withSavepoints(false);
    assertThat(JdbcConfig.url("jdbc:h2:mem:x").connectionWrapper()).isNull();
    assertThat(config.connectionWrapper()).isNotNull();
    assertThatThrownBy(() -> JdbcConfig.url("jdbc:h2:mem:x").withConnectionWrapper(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("wrapper");

    try (JdbcAdapter adapter = JdbcAdapter.create(config)) {
      adapter.begin().close();
    }

    assertThat(wrapped.get())
        .as("connections the adapter's pool opened through the wrapper")
        .isPositive();
  }

  @Test
  void toStringHidesPasswords() {
    assertThat(
            JdbcConfig.url("jdbc:postgresql://h/db?user=u&password=secret", "u", "other")
                .toString())
        .doesNotContain("secret")
        .doesNotContain("other");
  }

  @Test
  void aUrlOfADatabaseLiaisonDoesNotSpeakIsRefusedNamingTheSupportedOnes() {
    assertThatThrownBy(
            () -> JdbcConfig.url("jdbc:sqlserver://db:1433;user=u;password=s3cret", null, null))
        .isInstanceOf(io.liaison.InvalidCallException.class)
        .hasMessageContaining("'jdbc:sqlserver:'")
        .hasMessageContaining("jdbc:h2:")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageContaining("jdbc:mariadb:")
        .hasMessageNotContaining("s3cret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> JdbcConfig.url("postgres://u:s3cret@db/app"))
        .isInstanceOf(io.liaison.InvalidCallException.class)
        .hasMessageContaining("does not start jdbc:")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void dialectComesFromTheUrl() {
    try (JdbcAdapter a = JdbcAdapter.create(JdbcConfig.h2InMemory("cfg_url"))) {
      assertThat(a.name()).isEqualTo("h2");
      assertThat(a.dialect()).isInstanceOf(H2Dialect.class);
      assertThat(a.capabilities()).containsExactlyInAnyOrder(Capability.values());
    }
    assertThat(Dialect.fromUrl("jdbc:postgresql://localhost/db"))
        .isInstanceOf(PostgresDialect.class);
    assertThat(Dialect.fromProductName("PostgreSQL")).isInstanceOf(PostgresDialect.class);
    assertThat(Dialect.fromProductName("H2")).isInstanceOf(H2Dialect.class);
  }

  @Test
  void aGivenDataSourceIsUsedButNotClosed() {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl("jdbc:h2:mem:cfg_ds;DB_CLOSE_DELAY=-1");
    hc.setMaximumPoolSize(2);
    try (HikariDataSource ds = new HikariDataSource(hc)) {
      JdbcAdapter a = JdbcAdapter.create(JdbcConfig.dataSource(ds));
      assertThat(a.name()).isEqualTo("h2");
      try (StoreSession s = a.begin()) {
        s.commit();
      }
      a.close();
      a.close();
      assertThat(ds.isClosed()).isFalse();
    }
  }

  @Test
  void closeIsIdempotentAndRefusesLaterUse() {
    JdbcAdapter a = JdbcAdapter.create(JdbcConfig.h2InMemory("cfg_close"));
    a.close();
    a.close();
    assertThatThrownBy(a::begin).isInstanceOf(IllegalStateException.class);
  }
}

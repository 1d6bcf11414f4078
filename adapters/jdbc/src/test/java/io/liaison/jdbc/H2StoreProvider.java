package io.liaison.jdbc;

import io.liaison.contract.FaultInjector;
import io.liaison.contract.StoreProbe;
import io.liaison.contract.StoreProvider;
import io.liaison.spi.Capability;
import io.liaison.spi.StoreAdapter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh in-memory H2 database per {@link #openEmpty()}; the previous one is shut down. The
 * adapter's connections are wrapped by {@link CountingConnections}, so that {@link #probe()} can
 * count what reaches the database. Its {@link io.liaison.contract.FaultInjector} ({@link
 * JdbcFaultInjector.H2}) holds row locks and kills with {@code ABORT_SESSION} only a session that
 * waits for one (docs/architecture.md, "Faults").
 */
final class H2StoreProvider implements StoreProvider {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String prefix;
  private String previousUrl;
  private CountingConnections counter;
  private final StoreProbe probe = new SqlStoreProbe(this::statements, this::connect);

  H2StoreProvider(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public synchronized StoreAdapter openEmpty() {
    shutDownPrevious();
    String url = "jdbc:h2:mem:" + prefix + "_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    previousUrl = url;
    counter = new CountingConnections();
    return JdbcAdapter.create(
        JdbcConfig.url(url, "sa", "").withPoolSize(2).withConnectionWrapper(counter::wrap));
  }

  private synchronized long statements() {
    return counter == null ? 0 : counter.statements();
  }

  private synchronized Connection connect() throws SQLException {
    return DriverManager.getConnection(previousUrl, "sa", "");
  }

  /** The URL of the database the last {@link #openEmpty()} made. */
  synchronized String url() {
    return previousUrl;
  }

  @Override
  public Optional<FaultInjector> faults() {
    return Optional.of(new JdbcFaultInjector.H2(this));
  }

  @Override
  public Optional<StoreProbe> probe() {
    return Optional.of(probe);
  }

  /** Frees the memory of the previous test's database (DB_CLOSE_DELAY=-1 keeps it otherwise). */
  private void shutDownPrevious() {
    if (previousUrl == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(previousUrl + ";IFEXISTS=TRUE", "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already gone
    }
    previousUrl = null;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }
}

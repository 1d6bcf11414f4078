package io.liaison.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Plain JDBC for fixtures and checks (never measured), and the pool every contender uses. */
final class Jdbc {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private Jdbc() {}

  /**
   * A HikariCP pool configured as {@code JdbcAdapter} configures its own: 4 connections,
   * auto-commit off.
   */
  static HikariDataSource pool(Store.Db db, String contender) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(db.url());
    if (db.user() != null) {
      hc.setUsername(db.user());
    }
    if (db.password() != null) {
      hc.setPassword(db.password());
    }
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(1);
    hc.setAutoCommit(false);
    hc.setPoolName("bench-" + contender + "-" + POOLS.incrementAndGet());
    return new HikariDataSource(hc);
  }

  static void update(Store.Db db, String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + db.url(), e);
    }
  }

  /** Every row as its columns joined by {@code |}, sorted. */
  static List<String> strings(Store.Db db, String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
      Collections.sort(out);
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + db.url(), e);
    }
  }
}

package io.liaison.neo4j;

import io.liaison.spi.RowLayout;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Result;

/**
 * A statement's records as rows of one {@link RowLayout} (its columns), each value as the driver's
 * {@code asObject} gives it. {@code Record.asMap} builds a hash map per record, and each look-up in
 * it hashes the column's name: profiling a read of 10,000 links, those look-ups alone were 15% of
 * the calling thread's samples. Readers of many rows look each column's position up once ({@link
 * RowLayout.Column}).
 */
final class Records {
  private Records() {}

  /** Every record of {@code result}, read to its end. */
  static List<Map<String, Object>> rows(Result result) {
    List<String> keys = result.keys();
    RowLayout layout = RowLayout.of(keys);
    int n = keys.size();
    // list(mapper) takes the records as they arrive; hasNext() and next() would wait on a future
    // each
    return result.list(
        r -> {
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = r.get(i).asObject();
          }
          return layout.row(values);
        });
  }
}

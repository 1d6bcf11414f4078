package io.liaison.jdbc;

import io.liaison.spi.AttributeInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.RowLayout;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a model's rows: its layout and its attributes' types, resolved once per statement rather
 * than looked up again for every row.
 */
record ModelReader(RowLayout layout, Class<?>[] types) {
  static ModelReader of(ModelInfo model) {
    return new ModelReader(
        RowLayout.ofAttributes(model.attributes()),
        model.attributes().stream().map(AttributeInfo::type).toArray(Class<?>[]::new));
  }

  /** The model's attributes from consecutive columns starting at {@code first}. */
  RowLayout.Row read(ResultSet rs, int first) throws SQLException {
    Object[] values = new Object[types.length];
    read(rs, first, values, 0);
    return layout.row(values);
  }

  /** {@link #read(ResultSet, int)} into {@code values} from {@code at} on. */
  void read(ResultSet rs, int first, Object[] values, int at) throws SQLException {
    for (int i = 0; i < types.length; i++) {
      values[at + i] = Values.read(rs, first + i, types[i]);
    }
  }
}

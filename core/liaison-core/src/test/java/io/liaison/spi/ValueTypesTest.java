package io.liaison.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void givenValuesMapsStoredFormsBackToTheCallersObjects() {
    Integer seven = 7;
    Map<Object, Object> given = ValueTypes.givenValues(Arrays.asList(seven, 8L, null, "not a number"), Long.class);

    assertThat(given).as("an Integer given for a Long key comes back as that Integer")
        .containsEntry(7L, seven).containsEntry(8L, 8L).hasSize(2);
    assertThat(given.get(7L)).isSameAs(seven);
  }

  @Test
  void givenValuesOfTheTypeAlreadyNeedNoMap() {
    Map<Object, Object> given = ValueTypes.givenValues(List.of(1L, 2L, 3L), Long.class);

    assertThat(given).isEmpty();
    Long read = 2L;
    assertThat(given.getOrDefault(read, read)).as("a value read back is its own given one").isSameAs(read);
    assertThat(ValueTypes.givenValues(List.of(), Long.class)).isEmpty();
  }
}

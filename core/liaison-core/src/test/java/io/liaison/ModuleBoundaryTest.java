package io.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The engine is not part of the API: a modular application reads {@code io.liaison} and {@code
 * io.liaison.spi} and nothing else of the core.
 */
class ModuleBoundaryTest {

  @Test
  void onlyTheApiAndThePortAreExported() {
    ModuleDescriptor descriptor = Liaison.class.getModule().getDescriptor();

    assertThat(descriptor).as("core runs as a named module").isNotNull();
    assertThat(descriptor.name()).isEqualTo("io.liaison.core");
    assertThat(descriptor.exports())
        .allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("io.liaison", "io.liaison.spi");
    assertThat(descriptor.packages()).contains("io.liaison.internal");
    assertThat(descriptor.isOpen()).isFalse();
    assertThat(descriptor.opens())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.source()).isEqualTo("io.liaison");
              assertThat(o.targets()).containsExactly("com.google.guice");
            });
  }
}

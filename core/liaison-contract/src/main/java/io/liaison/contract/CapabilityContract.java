package io.liaison.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.liaison.Association;
import io.liaison.Liaison;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.UnsupportedCapabilityException;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Chapter;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.spi.Capability;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Declared capabilities cannot lie: the adapter reports exactly what its provider declares, a
 * schema using a declared capability builds, and one using a missing capability is refused when the
 * {@link Liaison} is built with {@link UnsupportedCapabilityException} naming it. Every capability
 * is checked one way or the other, so nothing here is skipped on any adapter.
 */
public abstract class CapabilityContract extends ContractGroup {

  @Test
  void adapterReportsExactlyTheCapabilitiesItsProviderDeclares() {
    assertThat(adapter().capabilities())
        .containsExactlyInAnyOrderElementsOf(provider().capabilities());
  }

  @TestFactory
  Stream<DynamicTest> eachCapabilityIsSupportedWhenDeclaredAndRefusedWhenNot() {
    return Arrays.stream(Capability.values())
        .map(
            capability ->
                provider().capabilities().contains(capability)
                    ? dynamicTest(
                        capability + " is declared: a schema using it builds",
                        () -> assertBuilds(capability))
                    : dynamicTest(
                        capability + " is not declared: a schema using it is refused",
                        () -> assertRefused(capability)));
  }

  private void assertBuilds(Capability capability) {
    Liaison db = liaison(schemaUsing(capability));

    assertThat(db.capabilities()).contains(capability);
  }

  private void assertRefused(Capability capability) {
    Schema schema = schemaUsing(capability);

    UnsupportedCapabilityException e =
        catchThrowableOfType(UnsupportedCapabilityException.class, () -> liaison(schema));

    assertThat(e).as("building a Liaison that needs %s", capability).isNotNull();
    assertThat(e.capability()).isEqualTo(capability);
    assertThat(e.getMessage()).contains(capability.name());
  }

  /**
   * A schema that needs the capability and nothing else. Each uses models of its own, so that all
   * of them can be synced into the one store of the test.
   */
  private static Schema schemaUsing(Capability capability) {
    return switch (capability) {
      case PARALLEL_LINKS ->
          Schema.builder()
              .models(Book.class, Article.class)
              .association(
                  Association.belongsToMany(Book.class, Article.class)
                      .through(BookArticles.class)
                      .unique(false))
              .build();
      case CUSTOM_KEYS ->
          Schema.builder()
              .models(Author.class, Chapter.class)
              .association(Association.hasMany(Author.class, Chapter.class).sourceKey("code"))
              .build();
      case REFERENTIAL_ACTIONS ->
          Schema.builder()
              .models(Person.class, Profile.class)
              .association(
                  Association.hasOne(Person.class, Profile.class)
                      .onDelete(ReferentialAction.RESTRICT))
              .build();
    };
  }
}

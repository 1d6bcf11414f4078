/**
 * Liaison's core: the association API ({@code io.liaison}) and the port adapters implement ({@code
 * io.liaison.spi}). The engine ({@code io.liaison.internal}) is not exported: applications and
 * adapters reach it only through {@link io.liaison.Liaison}.
 */
module io.liaison.core {
  requires transitive com.google.guice;
  requires pluralize;

  exports io.liaison;
  exports io.liaison.spi;

  // LiaisonModule's provider method is package-private; Guice calls it reflectively.
  opens io.liaison to
      com.google.guice;
}

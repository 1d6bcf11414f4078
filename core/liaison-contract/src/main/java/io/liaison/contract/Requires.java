package io.liaison.contract;

import io.liaison.spi.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A contract test that needs a capability; skipped (never passed) on an adapter that lacks it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
  Capability[] value();
}

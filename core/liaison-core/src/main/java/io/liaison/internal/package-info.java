/** Liaison's engine (tier: internal, no compatibility promise). */
package io.liaison.internal;

/**
 * The Liaison contract suite (tier: SPI, for adapter authors): the behaviour every store adapter
 * promises, shipped as main code. An adapter's whole conformance test is one class:
 *
 * <pre>{@code
 * class MyStoreContractTest extends AssociationContract {
 *   @Override protected StoreProvider provider() { return new MyStoreProvider(); }
 * }
 * }</pre>
 */
package io.liaison.contract;

package io.liaison.contract;

/** Contract group: to be written. */
public abstract class TransactionContract extends ContractGroup {
}

package io.liaison.contract;

/** Contract group: to be written. */
public abstract class BelongsToManyContract extends ContractGroup {
}

package com.autoretail.inventory.store;

import com.autoretail.common.wire.AgentHealth;

import java.util.List;
import java.util.Optional;

/**
 * Stock and holds. Every check-and-change is one atomic step, so that stock never goes negative and a hold's
 * quantity goes back to stock at most once, whatever the number of concurrent callers (and, for a shared store,
 * of agent instances). A hold leaves {@code held} exactly once: released, committed, or expired once past its
 * expiry, which the store records itself so that expiry survives a restart.
 */
public interface InventoryStore {

    /** Adds the products the store does not know yet; a product it has keeps its live stock. */
    int seed(List<Product> products);

    Optional<StockLevels> stock(String sku);

    /** Takes the quantity off the location's stock and records the hold, or changes nothing. */
    HoldOutcome hold(NewHold request);

    /** The hold as it stands; one past its expiry is expired (and its stock given back) on the way. */
    Optional<Hold> find(String holdId);

    /** Gives a held hold's stock back; a hold past its expiry expires instead. Empty for an unknown hold. */
    Optional<Transition> release(String holdId);

    /** Makes a held hold's sale final: the stock stays taken. Empty for an unknown hold. */
    Optional<Transition> commit(String holdId);

    /**
     * Expires up to {@code limit} holds past their expiry, giving their stock back, and forgets finished holds
     * past their retention.
     *
     * @return how many holds past their expiry were looked at; fewer than {@code limit} when none is left
     */
    int expireDue(int limit);

    /** The store as a dependency in {@code /health}. */
    AgentHealth.Dependency health();
}

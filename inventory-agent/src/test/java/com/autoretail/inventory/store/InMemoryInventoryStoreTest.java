package com.autoretail.inventory.store;

import java.time.Duration;

/** The store contract against the in-memory store; a second "instance" is the same store. */
class InMemoryInventoryStoreTest extends HoldLifecycleContract {

    @Override
    InventoryStore newStore(MutableClock clock) {
        return new InMemoryInventoryStore(clock, Duration.ofHours(24));
    }

    @Override
    InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
        return store;
    }
}

package com.autoretail.inventory.store;

import java.time.Duration;
import java.time.Instant;

/** The store contract against the in-memory store, on the JVM's clock; a second "instance" is the same store. */
class InMemoryInventoryStoreTest extends HoldLifecycleContract {

    @Override
    InventoryStore newStore(MutableClock clock) {
        return new InMemoryInventoryStore(clock, Duration.ofHours(24), LIMITS);
    }

    @Override
    InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
        return store;
    }

    @Override
    void timePasses(Duration duration) {
        clock.advance(duration);
    }

    @Override
    Instant storeTime() {
        return clock.instant();
    }
}

package com.autoretail.inventory.store;

import org.junit.jupiter.api.Nested;

import java.time.Duration;

/** The store contracts against the in-memory store; a second "instance" is the same store. */
class InMemoryInventoryStoreTest {

    static InventoryStore newStore(MutableClock clock) {
        return new InMemoryInventoryStore(clock, Duration.ofHours(24));
    }

    @Nested
    class Stock extends StockContract {
        @Override
        InventoryStore newStore(MutableClock clock) {
            return InMemoryInventoryStoreTest.newStore(clock);
        }

        @Override
        InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
            return store;
        }
    }

    @Nested
    class Lifecycle extends HoldLifecycleContract {
        @Override
        InventoryStore newStore(MutableClock clock) {
            return InMemoryInventoryStoreTest.newStore(clock);
        }

        @Override
        InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
            return store;
        }
    }
}

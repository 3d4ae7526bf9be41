package com.autoretail.inventory.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store guarantees once a hold exists: it leaves {@code held} once (released, committed or expired)
 * and its stock goes back at most once, whatever races between releases, reapers and agent instances. With the
 * {@link QuotaContract} and {@link StockContract} it extends, the whole store contract: a store's test extends this class.
 */
abstract class HoldLifecycleContract extends QuotaContract {

    @Test
    void releaseGivesStockBackOnceWhenReleasedTwice() {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 4, null);

        assertThat(store.release(hold.id())).contains(new Transition(hold.id(), HoldStatus.RELEASED, 4));
        assertThat(store.release(hold.id())).contains(new Transition(hold.id(), HoldStatus.RELEASED, 0));

        assertThat(online(sku)).isEqualTo(10);
        assertThat(reserved(sku)).isZero();
        assertThat(store.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void concurrentReleasesFromTwoInstancesRestoreStockOnce() throws Exception {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 4, null);
        InventoryStore other = otherInstance(store, clock);

        List<Transition> results = concurrently(20,
                i -> (i % 2 == 0 ? store : other).release(hold.id()).orElseThrow());

        assertThat(results.stream().mapToInt(Transition::restoredStock).sum()).isEqualTo(4);
        assertThat(online(sku)).isEqualTo(10);
        assertThat(reserved(sku)).isZero();
    }

    @Test
    void releaseRacingExpiryRestoresStockOnce() throws Exception {
        String sku = seeded(10, 0);
        List<Hold> holds = List.of(held(sku, 1, null), held(sku, 2, null), held(sku, 3, null));
        InventoryStore other = otherInstance(store, clock);
        timePasses(TTL);

        // two reapers and releases of every hold, all at once; only the released amounts are counted here
        List<Integer> restored = concurrently(30, i -> {
            switch (i % 3) {
                case 0 -> store.expireDue(10);
                case 1 -> other.expireDue(10);
                default -> {
                    return store.release(holds.get(i % holds.size()).id()).orElseThrow().restoredStock();
                }
            }
            return 0;
        });

        assertThat(online(sku)).isEqualTo(10);
        assertThat(reserved(sku)).isZero();
        assertThat(restored.stream().mapToInt(Integer::intValue).sum()).isBetween(0, 6);
        holds.forEach(hold -> assertThat(store.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED));
    }

    @Test
    void reaperGivesExpiredStockBackWithoutAnyCall() throws Exception {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 6, null);
        StoreMaintenance reaper = new StoreMaintenance(store, List.of(), Duration.ofMillis(20), 100);
        reaper.start();
        try {
            timePasses(TTL.minusSeconds(1));
            Thread.sleep(100);
            assertThat(online(sku)).as("not due yet").isEqualTo(4);

            timePasses(Duration.ofSeconds(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (online(sku) != 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            reaper.stop();
        }
        assertThat(online(sku)).isEqualTo(10);
        assertThat(reserved(sku)).isZero();
        assertThat(store.release(hold.id())).contains(new Transition(hold.id(), HoldStatus.EXPIRED, 0));
    }

    @Test
    void holdPastItsExpiryReadsAsExpiredBeforeTheReaperRuns() {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 6, null);

        timePasses(TTL);

        assertThat(store.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(online(sku)).isEqualTo(10);
        store.expireDue(100);
        assertThat(online(sku)).as("restored once, not again by the reaper").isEqualTo(10);
    }

    @Test
    void releasePastExpiryExpiresTheHoldInstead() {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 6, null);
        timePasses(TTL.plusSeconds(1));

        assertThat(store.release(hold.id())).contains(new Transition(hold.id(), HoldStatus.EXPIRED, 6));
        assertThat(store.release(hold.id())).contains(new Transition(hold.id(), HoldStatus.EXPIRED, 0));
        assertThat(online(sku)).isEqualTo(10);
    }

    @Test
    void commitKeepsTheStockTakenAndEndsTheReservation() {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 3, null);

        assertThat(store.commit(hold.id())).contains(new Transition(hold.id(), HoldStatus.COMMITTED, 0));
        assertThat(store.commit(hold.id())).contains(new Transition(hold.id(), HoldStatus.COMMITTED, 0));
        timePasses(TTL.multipliedBy(2));
        store.expireDue(100);

        assertThat(online(sku)).isEqualTo(7);
        assertThat(reserved(sku)).isZero();
        assertThat(store.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.COMMITTED);
    }

    @Test
    void committedHoldIsNotReleased() {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 3, null);
        store.commit(hold.id());

        assertThat(store.release(hold.id())).contains(new Transition(hold.id(), HoldStatus.COMMITTED, 0));
        assertThat(online(sku)).isEqualTo(7);
    }

    @Test
    void releasedOrExpiredHoldIsNotCommitted() {
        String sku = seeded(10, 0);
        Hold released = held(sku, 1, null);
        Hold expiring = held(sku, 2, null);
        store.release(released.id());
        timePasses(TTL);

        assertThat(store.commit(released.id())).contains(new Transition(released.id(), HoldStatus.RELEASED, 0));
        assertThat(store.commit(expiring.id())).contains(new Transition(expiring.id(), HoldStatus.EXPIRED, 2));
        assertThat(online(sku)).isEqualTo(10);
        assertThat(reserved(sku)).isZero();
    }

    @Test
    void unknownHoldIsReported() {
        String holdId = "hold-" + UUID.randomUUID();

        assertThat(store.find(holdId)).isEmpty();
        assertThat(store.release(holdId)).isEmpty();
        assertThat(store.commit(holdId)).isEmpty();
    }
}

package com.autoretail.inventory.store;

import com.autoretail.inventory.store.HoldOutcome.Created;
import com.autoretail.inventory.store.HoldOutcome.KeyInUse;
import com.autoretail.inventory.store.HoldOutcome.Replayed;
import com.autoretail.inventory.store.HoldOutcome.ShortStock;
import com.autoretail.inventory.store.HoldOutcome.UnknownSku;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store guarantees about stock and making holds: seeding, per-location stock, short stock that
 * changes nothing, concurrent holds that never oversell, idempotency keys.
 */
abstract class StockContract extends StoreContractSupport {

    @Test
    void reportsSeededStockPerLocation() {
        String sku = seeded(40, 7);

        StockLevels levels = store.stock(sku).orElseThrow();

        assertThat(levels.stock()).containsExactlyInAnyOrderEntriesOf(Map.of("online", 40, "STORE_001", 7));
        assertThat(levels.name()).isEqualTo("Test part");
        assertThat(levels.price()).isEqualByComparingTo("12.50");
        assertThat(levels.reserved()).isZero();
        assertThat(store.stock(newSku())).isEmpty();
    }

    @Test
    void seedingAddsNewProductsAndNeverOverwritesLiveStock() {
        String sku = seeded(40, 7);
        held(sku, 5, null);
        String added = newSku();

        int count = store.seed(List.of(product(sku, 999, 999), product(added, 3, 0)));

        assertThat(count).isEqualTo(1);
        assertThat(store.stock(sku).orElseThrow().stock()).containsEntry("online", 35).containsEntry("STORE_001", 7);
        assertThat(reserved(sku)).isEqualTo(5);
        assertThat(online(added)).isEqualTo(3);
    }

    @Test
    void holdTakesStockFromItsLocationOnly() {
        String sku = seeded(40, 7);
        Instant before = storeTime();

        HoldOutcome outcome = store.hold(new NewHold(sku, "STORE_001", 3, TTL, null));

        Hold hold = ((Created) outcome).hold();
        assertThat(hold.status()).isEqualTo(HoldStatus.HELD);
        assertThat(hold.remainingStock()).isEqualTo(4);
        assertThat(hold.createdAt()).isBetween(before, storeTime());
        assertThat(hold.expiresAt()).isEqualTo(hold.createdAt().plus(TTL));
        assertThat(store.stock(sku).orElseThrow().stock()).containsEntry("online", 40).containsEntry("STORE_001", 4);
        assertThat(reserved(sku)).isEqualTo(3);
        assertThat(store.find(hold.id())).contains(hold);
    }

    @Test
    void refusesShortStockAndChangesNothing() {
        String sku = seeded(4, 0);

        assertThat(store.hold(new NewHold(sku, "online", 5, TTL, "short-key"))).isEqualTo(new ShortStock(4));
        assertThat(store.hold(new NewHold(sku, "STORE_002", 1, TTL, null))).isEqualTo(new ShortStock(0));
        assertThat(store.hold(new NewHold(newSku(), "online", 1, TTL, null))).isEqualTo(new UnknownSku());

        assertThat(online(sku)).isEqualTo(4);
        assertThat(reserved(sku)).isZero();
        // the refused request did not bind its key
        assertThat(store.hold(new NewHold(sku, "online", 4, TTL, "short-key"))).isInstanceOf(Created.class);
    }

    @Test
    void fiveHundredConcurrentHoldsOfOneOnStockOfHundredMakeExactlyHundred() throws Exception {
        String sku = seeded(100, 0);
        AtomicBoolean negativeSeen = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                if (online(sku) < 0) {
                    negativeSeen.set(true);
                }
            }
        });

        List<HoldOutcome> outcomes = concurrently(500, i -> store.hold(new NewHold(sku, "online", 1, TTL, null)));
        done.set(true);
        watcher.join();

        List<Integer> remaining = outcomes.stream().filter(Created.class::isInstance)
                .map(o -> ((Created) o).hold().remainingStock()).toList();
        assertThat(remaining).hasSize(100);
        assertThat(remaining).containsExactlyInAnyOrderElementsOf(range(0, 100));
        assertThat(outcomes).filteredOn(ShortStock.class::isInstance).hasSize(400);
        assertThat(online(sku)).isZero();
        assertThat(reserved(sku)).isEqualTo(100);
        assertThat(negativeSeen).isFalse();
    }

    @Test
    void sameIdempotencyKeyFromTwentyThreadsMakesOneHold() throws Exception {
        String sku = seeded(50, 0);
        String key = "order-" + UUID.randomUUID();

        List<HoldOutcome> outcomes = concurrently(20, i -> store.hold(new NewHold(sku, "online", 2, TTL, key)));

        assertThat(outcomes).filteredOn(Created.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Replayed.class::isInstance).hasSize(19);
        assertThat(outcomes.stream().map(StoreContractSupport::holdOf).map(Hold::id).distinct()).hasSize(1);
        assertThat(outcomes.stream().map(StoreContractSupport::holdOf).map(Hold::remainingStock).distinct())
                .containsExactly(48);
        assertThat(online(sku)).isEqualTo(48);
        assertThat(reserved(sku)).isEqualTo(2);
    }

    @Test
    void idempotencyKeyOfAnotherRequestIsRefusedAndTheReplayShowsTheCurrentStatus() {
        String sku = seeded(50, 0);
        Hold hold = held(sku, 2, "order-42");

        assertThat(store.hold(new NewHold(sku, "online", 3, TTL, "order-42"))).isEqualTo(new KeyInUse(hold));
        store.release(hold.id());
        HoldOutcome replay = store.hold(new NewHold(sku, "online", 2, TTL, "order-42"));

        assertThat(replay).isEqualTo(new Replayed(hold.withStatus(HoldStatus.RELEASED)));
        assertThat(online(sku)).isEqualTo(50);
    }
}

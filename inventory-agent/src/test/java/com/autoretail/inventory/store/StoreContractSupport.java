package com.autoretail.inventory.store;

import com.autoretail.inventory.store.HoldOutcome.Created;
import com.autoretail.inventory.store.HoldOutcome.Replayed;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store contracts share: a fresh store and clock per test, products seeded under SKUs of the test's
 * own, a way to let time pass for the store, and a way to run calls truly at once.
 */
abstract class StoreContractSupport {

    static final Duration TTL = Duration.ofMinutes(5);
    /** Small quotas, so that a test reaches them in a few holds. */
    static final HoldLimits LIMITS = new HoldLimits(20, 5, 50, 10);

    MutableClock clock;
    InventoryStore store;

    /** A store over the shared state of this test class, reading the given clock if it reads one. */
    abstract InventoryStore newStore(MutableClock clock);

    /** Another instance over the same state: a second agent instance (the same object for a JVM-local store). */
    abstract InventoryStore otherInstance(InventoryStore store, MutableClock clock);

    /** Lets the time pass as the store's clock sees it, so expiry is tested without waiting for it. */
    abstract void timePasses(Duration duration);

    /** The time by the clock the store goes by. */
    abstract Instant storeTime();

    @BeforeEach
    void freshStoreAndClock() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        store = newStore(clock);
    }

    static String newSku() {
        return "TEST-" + UUID.randomUUID();
    }

    String seeded(int online, int store1) {
        String sku = newSku();
        store.seed(List.of(product(sku, online, store1)));
        return sku;
    }

    static Product product(String sku, int online, int store1) {
        return new Product(sku, "Test part", new BigDecimal("12.50"), Map.of("online", online, "STORE_001", store1));
    }

    Hold held(String sku, int quantity, String key) {
        HoldOutcome outcome = store.hold(new NewHold(sku, "online", quantity, TTL, key));
        assertThat(outcome).isInstanceOf(Created.class);
        return ((Created) outcome).hold();
    }

    int online(String sku) {
        return store.stock(sku).orElseThrow().at("online");
    }

    int reserved(String sku) {
        return store.stock(sku).orElseThrow().reserved();
    }

    static Hold holdOf(HoldOutcome outcome) {
        return switch (outcome) {
            case Created created -> created.hold();
            case Replayed replayed -> replayed.hold();
            default -> throw new AssertionError("no hold in " + outcome);
        };
    }

    static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(i);
        }
        return values;
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs the tasks at once from many threads, all released together, and returns their results. */
    static <T> List<T> concurrently(int count, Task<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(Math.min(count, 32))) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> call = () -> {
                    start.await();
                    return task.run(next.getAndIncrement());
                };
                futures.add(threads.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}

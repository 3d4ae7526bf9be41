package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every {@link IdempotencyStore} guarantees. An implementation's test extends this class; each test uses
 * its own random keys, so a store may be shared between tests.
 */
abstract class IdempotencyStoreContract {

    private static final String OPERATION = "reserve_part";
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(10);

    protected abstract IdempotencyStore store();

    protected static String newKey() {
        return "req-" + UUID.randomUUID();
    }

    @Test
    void firstClaimWinsAndLaterClaimsSeeTheRecord() {
        String key = newKey();

        assertThat(store().claim(key, OPERATION, "owner-a", LONG)).isEmpty();
        Optional<IdempotencyRecord> second = store().claim(key, "other_operation", "owner-b", LONG);

        IdempotencyRecord held = new IdempotencyRecord(OPERATION, "owner-a", null);
        assertThat(second).contains(held);
        assertThat(second.get().completed()).isFalse();
        assertThat(store().find(key)).contains(held);
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        String key = newKey();
        int claimers = 32;
        var ready = new CountDownLatch(claimers);
        var start = new CountDownLatch(1);
        List<Future<Optional<IdempotencyRecord>>> results = new ArrayList<>();

        try (ExecutorService threads = Executors.newFixedThreadPool(claimers)) {
            for (int i = 0; i < claimers; i++) {
                String owner = "owner-" + i;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return store().claim(key, OPERATION, owner, LONG);
                }));
            }
            try {
                assertThat(ready.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            } finally {
                start.countDown();
            }
        }

        List<String> winners = new ArrayList<>();
        List<IdempotencyRecord> seen = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            Optional<IdempotencyRecord> result = results.get(i).get();
            if (result.isEmpty()) {
                winners.add("owner-" + i);
            } else {
                seen.add(result.get());
            }
        }
        assertThat(winners).hasSize(1);
        assertThat(seen).hasSize(claimers - 1)
                .allSatisfy(record -> assertThat(record.owner()).isEqualTo(winners.getFirst()));
        assertThat(store().find(key)).map(IdempotencyRecord::owner).contains(winners.getFirst());
    }

    @Test
    void completedRecordCarriesTheResponse() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);
        var response = new AgentServiceResponse(key, true,
                Map.of("reservation_id", "RES-1", "quantity", 2, "parts", List.of("P-100", "P-200")), null, null,
                0.25, Map.of("service", "parts-agent", "attempt", 1, "replayed", false),
                Instant.parse("2025-05-01T10:15:30.123456Z"));

        store().complete(key, "owner-a", response, LONG);

        IdempotencyRecord completed = store().find(key).orElseThrow();
        assertThat(completed.completed()).isTrue();
        assertThat(completed.operation()).isEqualTo(OPERATION);
        assertThat(completed.owner()).isEqualTo("owner-a");
        assertThat(completed.response()).isEqualTo(response);
        assertThat(store().claim(key, OPERATION, "owner-b", LONG)).contains(completed);
    }

    @Test
    void completedFailureCarriesItsErrorCodeAndDetails() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);
        var response = new AgentServiceResponse(key, false, Map.of("errors", List.of(Map.of("field", "sku"))),
                "Part P-100 is out of stock", ErrorCode.CONFLICT, 1.5, Map.of("service", "parts-agent"),
                Instant.parse("2025-05-01T10:15:30Z"));

        store().complete(key, "owner-a", response, LONG);

        AgentServiceResponse stored = store().find(key).orElseThrow().response();
        assertThat(stored).isEqualTo(response);
        assertThat(stored.errorCode()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void onlyTheOwnerCompletes() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);

        store().complete(key, "owner-b", success(key, "from b"), LONG);
        assertThat(store().find(key)).contains(new IdempotencyRecord(OPERATION, "owner-a", null));

        store().complete(key, "owner-a", success(key, "from a"), LONG);
        assertThat(store().find(key).orElseThrow().response().result()).isEqualTo("from a");
    }

    @Test
    void completedRecordCannotBeCompletedAgain() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);
        store().complete(key, "owner-a", success(key, "first"), LONG);

        store().complete(key, "owner-a", success(key, "second"), LONG);

        assertThat(store().find(key).orElseThrow().response().result()).isEqualTo("first");
    }

    @Test
    void completeWithoutAClaimStoresNothing() {
        String key = newKey();

        store().complete(key, "owner-a", success(key, "done"), LONG);

        assertThat(store().find(key)).isEmpty();
    }

    @Test
    void onlyTheOwnerReleases() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);

        store().release(key, "owner-b");

        assertThat(store().claim(key, OPERATION, "owner-c", LONG)).map(IdempotencyRecord::owner).contains("owner-a");
    }

    @Test
    void releaseFreesTheKeyForANewClaim() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);

        store().release(key, "owner-a");

        assertThat(store().find(key)).isEmpty();
        assertThat(store().claim(key, OPERATION, "owner-b", LONG)).isEmpty();
        assertThat(store().find(key)).map(IdempotencyRecord::owner).contains("owner-b");
    }

    @Test
    void completedRecordCannotBeReleased() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);
        AgentServiceResponse response = success(key, "done");
        store().complete(key, "owner-a", response, LONG);

        store().release(key, "owner-a");

        assertThat(store().find(key)).contains(new IdempotencyRecord(OPERATION, "owner-a", response));
        assertThat(store().claim(key, OPERATION, "owner-b", LONG)).map(IdempotencyRecord::response)
                .contains(response);
    }

    @Test
    void claimExpiresAfterItsTtl() {
        String key = newKey();
        long claimedAt = System.nanoTime();
        assertThat(store().claim(key, OPERATION, "owner-a", SHORT)).isEmpty();
        assertThat(store().claim(key, OPERATION, "owner-b", SHORT)).isPresent();

        Duration waited = awaitClaim(key, "owner-b", claimedAt);

        assertThat(waited).isGreaterThanOrEqualTo(SHORT.minusMillis(50));
        assertThat(store().find(key)).map(IdempotencyRecord::owner).contains("owner-b");
    }

    @Test
    void completedRecordExpiresAfterRetention() {
        String key = newKey();
        store().claim(key, OPERATION, "owner-a", LONG);
        long completedAt = System.nanoTime();
        store().complete(key, "owner-a", success(key, "done"), SHORT);
        assertThat(store().find(key)).map(IdempotencyRecord::completed).contains(true);

        Duration waited = awaitClaim(key, "owner-b", completedAt);

        // the claim's own minute no longer counts: the retention replaced it
        assertThat(waited).isGreaterThanOrEqualTo(SHORT.minusMillis(50)).isLessThan(DEADLINE);
    }

    @Test
    void refusedCompleteOrReleaseDoesNotProlongTheClaim() throws InterruptedException {
        String key = newKey();
        Duration ttl = Duration.ofMillis(1000);
        long claimedAt = System.nanoTime();
        store().claim(key, OPERATION, "owner-a", ttl);
        Thread.sleep(700);

        store().release(key, "owner-b");
        store().complete(key, "owner-b", success(key, "not mine"), LONG);

        // were the claim prolonged from now on, it would last until at least 1700 ms
        assertThat(awaitClaim(key, "owner-c", claimedAt)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void findUnknownKeyIsEmpty() {
        assertThat(store().find(newKey())).isEmpty();
    }

    protected static AgentServiceResponse success(String key, Object result) {
        return new AgentServiceResponse(key, true, result, null, null, 0.1, Map.of(), Instant.now());
    }

    /** Claims {@code key} for {@code owner} as soon as it is free; the time from {@code since} until then. */
    private Duration awaitClaim(String key, String owner, long since) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (store().claim(key, OPERATION, owner, LONG).isEmpty()) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            sleep(POLL);
        }
        return fail("%s was still held after %s", key, DEADLINE);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

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

    static final String OPERATION = "reserve_part";
    static final String FINGERPRINT = Fingerprint.of(OPERATION, Map.of("part", "P-100"));
    static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(10);

    protected abstract IdempotencyStore store();

    protected static String newKey() {
        return "req-" + UUID.randomUUID();
    }

    Optional<IdempotencyRecord> claim(String key, String owner, Duration lease) {
        return store().claim(key, OPERATION, FINGERPRINT, owner, lease, LONG);
    }

    static IdempotencyRecord inFlight(String owner) {
        return new IdempotencyRecord(OPERATION, FINGERPRINT, owner, null);
    }

    @Test
    void firstClaimWinsAndLaterClaimsSeeTheRecord() {
        String key = newKey();

        assertThat(claim(key, "owner-a", LONG)).isEmpty();
        Optional<IdempotencyRecord> second = store().claim(key, "other_operation", "other", "owner-b", LONG, LONG);

        assertThat(second).contains(inFlight("owner-a"));
        assertThat(second.get().completed()).isFalse();
        assertThat(second.get().sameRequestAs("other_operation", "other")).isFalse();
        assertThat(store().find(key)).contains(inFlight("owner-a"));
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
                    return claim(key, owner, LONG);
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
        claim(key, "owner-a", LONG);
        var response = new AgentServiceResponse(key, true,
                Map.of("reservation_id", "RES-1", "quantity", 2, "parts", List.of("P-100", "P-200")), null, null,
                0.25, Map.of("service", "parts-agent", "attempt", 1, "replayed", false),
                Instant.parse("2025-05-01T10:15:30.123456Z"));

        store().complete(key, "owner-a", response, LONG);

        IdempotencyRecord completed = store().find(key).orElseThrow();
        assertThat(completed.completed()).isTrue();
        assertThat(completed.operation()).isEqualTo(OPERATION);
        assertThat(completed.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(completed.owner()).isEqualTo("owner-a");
        assertThat(completed.response()).isEqualTo(response);
        assertThat(claim(key, "owner-b", LONG)).contains(completed);
    }

    @Test
    void completedFailureCarriesItsErrorCodeAndDetails() {
        String key = newKey();
        claim(key, "owner-a", LONG);
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
        claim(key, "owner-a", LONG);

        store().complete(key, "owner-b", success(key, "from b"), LONG);
        assertThat(store().find(key)).contains(inFlight("owner-a"));

        store().complete(key, "owner-a", success(key, "from a"), LONG);
        assertThat(store().find(key).orElseThrow().response().result()).isEqualTo("from a");
    }

    @Test
    void completedRecordCannotBeCompletedAgain() {
        String key = newKey();
        claim(key, "owner-a", LONG);
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
        claim(key, "owner-a", LONG);

        store().release(key, "owner-b");

        assertThat(claim(key, "owner-c", LONG)).map(IdempotencyRecord::owner).contains("owner-a");
    }

    @Test
    void releaseFreesTheKeyForANewClaim() {
        String key = newKey();
        claim(key, "owner-a", LONG);

        store().release(key, "owner-a");

        assertThat(store().find(key)).isEmpty();
        assertThat(store().claim(key, "other_operation", "other", "owner-b", LONG, LONG)).isEmpty();
        assertThat(store().find(key)).map(IdempotencyRecord::owner).contains("owner-b");
    }

    @Test
    void completedRecordCannotBeReleasedNorAbandoned() {
        String key = newKey();
        claim(key, "owner-a", LONG);
        AgentServiceResponse response = success(key, "done");
        store().complete(key, "owner-a", response, LONG);

        store().release(key, "owner-a");
        store().abandon(key, "owner-a");

        assertThat(store().find(key)).contains(new IdempotencyRecord(OPERATION, FINGERPRINT, "owner-a", response));
        assertThat(claim(key, "owner-b", LONG)).map(IdempotencyRecord::response).contains(response);
        assertThat(store().renew(key, "owner-a", LONG)).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenOverByTheSameRequest() {
        String key = newKey();
        long claimedAt = System.nanoTime();
        assertThat(claim(key, "owner-a", SHORT)).isEmpty();
        assertThat(claim(key, "owner-b", SHORT)).isPresent();

        Duration waited = awaitClaim(key, "owner-b", claimedAt);

        assertThat(waited).isGreaterThanOrEqualTo(SHORT.minusMillis(50));
        assertThat(store().find(key)).contains(inFlight("owner-b"));
        // the first owner, back from the dead, can no longer settle it
        store().complete(key, "owner-a", success(key, "late"), LONG);
        assertThat(store().renew(key, "owner-a", LONG)).isFalse();
        assertThat(store().find(key)).contains(inFlight("owner-b"));
    }

    @Test
    void anExpiredLeaseIsNeverTakenOverByAnotherRequest() throws InterruptedException {
        String key = newKey();
        claim(key, "owner-a", Duration.ofMillis(50));
        Thread.sleep(150);

        assertThat(store().claim(key, OPERATION, "other-parameters", "owner-b", LONG, LONG))
                .contains(inFlight("owner-a"));
    }

    @Test
    void renewingKeepsTheClaimPastItsFirstLease() throws InterruptedException {
        String key = newKey();
        Duration lease = Duration.ofMillis(400);
        claim(key, "owner-a", lease);

        for (int i = 0; i < 4; i++) {
            Thread.sleep(150);
            assertThat(store().renew(key, "owner-a", lease)).isTrue();
            assertThat(claim(key, "owner-b", lease)).as("held after %d renewals", i + 1)
                    .map(IdempotencyRecord::owner).contains("owner-a");
        }
    }

    @Test
    void anAbandonedClaimStaysInDoubtUntilTheSameRequestTakesItOver() {
        String key = newKey();
        claim(key, "owner-a", LONG);

        store().abandon(key, "owner-b");
        assertThat(claim(key, "owner-c", LONG)).as("only the owner abandons").isPresent();

        store().abandon(key, "owner-a");

        assertThat(store().find(key)).as("kept, not released").contains(inFlight("owner-a"));
        assertThat(store().claim(key, "other_operation", "other", "owner-b", LONG, LONG)).isPresent();
        assertThat(claim(key, "owner-c", LONG)).isEmpty();
        assertThat(store().find(key)).contains(inFlight("owner-c"));
    }

    @Test
    void completedRecordExpiresAfterRetention() {
        String key = newKey();
        claim(key, "owner-a", LONG);
        long completedAt = System.nanoTime();
        store().complete(key, "owner-a", success(key, "done"), SHORT);
        assertThat(store().find(key)).map(IdempotencyRecord::completed).contains(true);

        Duration waited = awaitClaim(key, "owner-b", completedAt);

        // the claim's own lease no longer counts: the retention replaced it
        assertThat(waited).isGreaterThanOrEqualTo(SHORT.minusMillis(50)).isLessThan(DEADLINE);
    }

    @Test
    void refusedCallsOfOthersDoNotProlongTheLease() throws InterruptedException {
        String key = newKey();
        Duration lease = Duration.ofMillis(1000);
        long claimedAt = System.nanoTime();
        claim(key, "owner-a", lease);
        Thread.sleep(700);

        store().release(key, "owner-b");
        store().complete(key, "owner-b", success(key, "not mine"), LONG);
        store().renew(key, "owner-b", LONG);
        store().abandon(key, "owner-b");

        // were the lease prolonged from now on, it would last until at least 1700 ms
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
            if (claim(key, owner, LONG).isEmpty()) {
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

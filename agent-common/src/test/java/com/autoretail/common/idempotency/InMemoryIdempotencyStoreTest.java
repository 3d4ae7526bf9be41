package com.autoretail.common.idempotency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final IdempotencyStore store = new InMemoryIdempotencyStore(1_000);

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Test
    void fullOfClaimsInFlightRefusesANewClaimAndForgetsNone() {
        var small = new InMemoryIdempotencyStore(3);
        for (String key : new String[] {"a", "b", "c"}) {
            assertThat(small.claim(key, OPERATION, FINGERPRINT, "owner-" + key, LONG, LONG)).isEmpty();
        }

        assertThatThrownBy(() -> small.claim("d", OPERATION, FINGERPRINT, "owner-d", LONG, LONG))
                .isInstanceOf(StoreFullException.class);

        assertThat(small.find("d")).isEmpty();
        for (String key : new String[] {"a", "b", "c"}) {
            assertThat(small.find(key)).as(key).contains(inFlight("owner-" + key));
        }
        // a claim that finishes makes room, while its response stays replayable
        small.complete("a", "owner-a", success("a", "done"), LONG);
        assertThat(small.claim("d", OPERATION, FINGERPRINT, "owner-d", LONG, LONG)).isEmpty();
        assertThat(small.find("a")).map(IdempotencyRecord::completed).contains(true);
    }

    @Test
    void fullOfClaimsForgetsOnlyThoseGivenUpLongerThanTheirRetentionAgo() {
        AtomicLong now = new AtomicLong();
        var small = new InMemoryIdempotencyStore(2, now::get);
        Duration lease = Duration.ofSeconds(30);
        Duration retention = Duration.ofHours(1);
        small.claim("given-up", OPERATION, FINGERPRINT, "owner-a", lease, retention);
        small.abandon("given-up", "owner-a");
        small.claim("running", OPERATION, FINGERPRINT, "owner-b", lease, retention);

        now.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThatThrownBy(() -> small.claim("new", OPERATION, FINGERPRINT, "owner-c", lease, retention))
                .isInstanceOf(StoreFullException.class);

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        small.renew("running", "owner-b", lease);
        assertThat(small.claim("new", OPERATION, FINGERPRINT, "owner-c", lease, retention)).isEmpty();
        assertThat(small.find("given-up")).isEmpty();
        assertThat(small.find("running")).contains(inFlight("owner-b"));
    }
}

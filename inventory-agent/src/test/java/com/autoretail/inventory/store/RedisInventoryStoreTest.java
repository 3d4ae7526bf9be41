package com.autoretail.inventory.store;

import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.common.wire.AgentHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract against a real Redis (one key prefix for this class, deleted afterwards), plus what only a
 * shared store does: survive a restart, index expiries, forget finished holds, report Redis down.
 */
class RedisInventoryStoreTest extends HoldLifecycleContract {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:inventory");
    private static final String PREFIX = REDIS.prefix();
    private static final Duration RETENTION = Duration.ofHours(1);

    @Override
    InventoryStore newStore(MutableClock clock) {
        return new RedisInventoryStore(REDIS.template(), PREFIX, RETENTION, clock, TestRedis.url());
    }

    /** Another agent instance, or the same one restarted: its own connection to the same Redis and keys. */
    @Override
    InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
        return new RedisInventoryStore(REDIS.newConnection(), PREFIX, RETENTION, clock, TestRedis.url());
    }

    @Test
    void aRestartedAgentKeepsHoldsAndExpiresThemOnTime() {
        String sku = seeded(10, 0);
        Hold kept = held(sku, 2, "order-restart");
        Hold expiring = held(sku, 3, null);
        InventoryStore restarted = otherInstance(store, clock);
        restarted.seed(List.of(product(sku, 10, 0)));

        assertThat(restarted.find(kept.id())).contains(kept);
        assertThat(restarted.hold(new NewHold(sku, "online", 2, TTL, "order-restart")))
                .isEqualTo(new HoldOutcome.Replayed(kept));
        assertThat(restarted.stock(sku).orElseThrow().at("online")).isEqualTo(5);
        assertThat(restarted.commit(kept.id()).orElseThrow().status()).isEqualTo(HoldStatus.COMMITTED);

        clock.advance(TTL);
        // other tests' holds share the index: the count says nothing about this test's
        restarted.expireDue(100);

        assertThat(restarted.find(expiring.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(restarted.stock(sku).orElseThrow().at("online")).isEqualTo(8);
        assertThat(restarted.stock(sku).orElseThrow().reserved()).isZero();
    }

    @Test
    void expiryIsIndexedBySortedSetAndAFinishedHoldIsForgottenAfterItsRetention() {
        StringRedisTemplate redis = REDIS.template();
        String sku = seeded(10, 0);
        Hold hold = held(sku, 2, "order-index");

        assertThat(redis.opsForZSet().score(PREFIX + "expiries", hold.id()))
                .isEqualTo((double) hold.expiresAt().toEpochMilli());
        assertThat(redis.getExpire(PREFIX + "hold:" + hold.id())).as("a held hold never vanishes")
                .isEqualTo(-1);
        assertThat(redis.getExpire(PREFIX + "idempotency:order-index", TimeUnit.MILLISECONDS))
                .isPositive().isLessThanOrEqualTo(RETENTION.toMillis());

        store.release(hold.id());

        assertThat(redis.opsForZSet().score(PREFIX + "expiries", hold.id())).isNull();
        assertThat(redis.getExpire(PREFIX + "hold:" + hold.id(), TimeUnit.MILLISECONDS))
                .isPositive().isLessThanOrEqualTo(RETENTION.toMillis());
    }

    @Test
    void healthIsUpWithTheRedisEndpoint() {
        assertThat(store.health()).isEqualTo(AgentHealth.Dependency.up(TestRedis.url()));
    }
}

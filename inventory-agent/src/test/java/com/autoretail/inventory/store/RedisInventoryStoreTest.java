package com.autoretail.inventory.store;

import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.common.wire.AgentHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The store contract against a real Redis (one key prefix for this class, deleted afterwards), plus what only a
 * shared store does: survive a restart, index expiries, forget finished holds, report Redis down. The store goes
 * by Redis's clock, which a test cannot move: time passes for it by moving every held hold's times back instead.
 */
class RedisInventoryStoreTest extends HoldLifecycleContract {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:inventory");
    private static final String PREFIX = REDIS.prefix();
    private static final Duration RETENTION = Duration.ofHours(1);
    // the holds in the expiry index made earlier by the given ms: as if Redis's clock had moved on
    private static final RedisScript<Long> MOVE_HOLDS_BACK = RedisScript.of("""
            local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
            local by = tonumber(ARGV[1])
            for _, id in ipairs(ids) do
              redis.call('ZINCRBY', KEYS[1], -by, id)
              redis.call('HINCRBY', ARGV[2] .. id, 'created_at', -by)
              redis.call('HINCRBY', ARGV[2] .. id, 'expires_at', -by)
            end
            return #ids
            """, Long.class);

    /** The clock is not read: the Redis store goes by Redis's. */
    @Override
    InventoryStore newStore(MutableClock clock) {
        return new RedisInventoryStore(REDIS.template(), PREFIX, RETENTION, LIMITS, TestRedis.url());
    }

    /** Another agent instance, or the same one restarted: its own connection to the same Redis and keys. */
    @Override
    InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
        return new RedisInventoryStore(REDIS.newConnection(), PREFIX, RETENTION, LIMITS, TestRedis.url());
    }

    @Override
    void timePasses(Duration duration) {
        REDIS.template().execute(MOVE_HOLDS_BACK, List.of(PREFIX + "expiries"),
                Long.toString(duration.toMillis()), PREFIX + "hold:");
    }

    @Override
    Instant storeTime() {
        return Instant.ofEpochMilli(REDIS.template().execute((RedisCallback<Long>) c -> c.serverCommands().time()));
    }

    @Test
    void instancesJudgeAHoldsExpiryByRedisTime() throws InterruptedException {
        String sku = seeded(10, 0);
        InventoryStore other = otherInstance(store, clock);
        HoldOutcome outcome = store.hold(new NewHold(sku, "online", 3, Duration.ofMillis(1500), null));
        Hold hold = ((HoldOutcome.Created) outcome).hold();

        assertThat(hold.createdAt()).isCloseTo(storeTime(), within(1, ChronoUnit.SECONDS));
        other.expireDue(100);
        assertThat(other.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.HELD);
        assertThat(online(sku)).isEqualTo(7);

        while (!storeTime().isAfter(hold.expiresAt())) {
            Thread.sleep(20);
        }
        other.expireDue(100);

        assertThat(online(sku)).isEqualTo(10);
        assertThat(store.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
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

        timePasses(TTL);
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
    void theInstanceThatPlacedAHoldFinishesItByWhatItRemembersAndFreesTheOwnersQuota() {
        String sku = seeded(10, 0);
        String session = "session-" + UUID.randomUUID();
        String customer = "customer-" + UUID.randomUUID();
        Hold released = heldFor(sku, 2, session, customer);
        Hold committed = heldFor(sku, 3, session, customer);
        InventoryStore other = otherInstance(store, clock);

        assertThat(store.release(released.id())).contains(new Transition(released.id(), HoldStatus.RELEASED, 2));
        assertThat(other.commit(committed.id()))
                .contains(new Transition(committed.id(), HoldStatus.COMMITTED, 0));
        // the placing instance still remembers the hold the other committed: Redis's record decides
        assertThat(store.release(committed.id()))
                .contains(new Transition(committed.id(), HoldStatus.COMMITTED, 0));

        assertThat(online(sku)).isEqualTo(7);
        assertThat(reserved(sku)).isZero();
        assertThat(REDIS.template().hasKey(PREFIX + "quota:session:" + session)).isFalse();
        assertThat(REDIS.template().hasKey(PREFIX + "quota:customer:" + customer)).isFalse();
    }

    @Test
    void aHoldForgottenAfterItsRetentionIsUnknownToTheInstanceThatPlacedIt() {
        String sku = seeded(10, 0);
        Hold hold = held(sku, 2, null);
        otherInstance(store, clock).release(hold.id());
        REDIS.template().delete(PREFIX + "hold:" + hold.id());   // as Redis does when the retention is over

        assertThat(store.release(hold.id())).isEmpty();
        assertThat(store.commit(hold.id())).isEmpty();
        assertThat(store.find(hold.id())).isEmpty();
        assertThat(online(sku)).isEqualTo(10);
    }

    @Test
    void healthIsUpWithTheRedisEndpoint() {
        assertThat(store.health()).isEqualTo(AgentHealth.Dependency.up(TestRedis.url()));
    }
}

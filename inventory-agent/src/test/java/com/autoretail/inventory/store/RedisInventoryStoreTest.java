package com.autoretail.inventory.store;

import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.common.wire.AgentHealth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contracts against a real Redis (one key prefix for this class, deleted afterwards), plus what only a
 * shared store does: survive a restart, index expiries, forget finished holds, report Redis down.
 */
class RedisInventoryStoreTest {

    private static final String PREFIX = "test:inventory:" + UUID.randomUUID() + ":";
    private static final Duration RETENTION = Duration.ofHours(1);

    private static LettuceConnectionFactory connections;
    private static LettuceConnectionFactory otherConnections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        connections = TestRedis.connectionFactory();
        otherConnections = TestRedis.connectionFactory();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void deleteKeysAndDisconnect() {
        if (connections == null) {
            return;
        }
        try {
            List<String> keys = new ArrayList<>();
            ScanOptions ours = ScanOptions.scanOptions().match(PREFIX + "*").count(1000).build();
            try (Cursor<String> cursor = redis.scan(ours)) {
                cursor.forEachRemaining(keys::add);
            }
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
        } finally {
            connections.destroy();
            otherConnections.destroy();
        }
    }

    static InventoryStore newStore(MutableClock clock) {
        return new RedisInventoryStore(redis, PREFIX, RETENTION, clock, TestRedis.url());
    }

    /** Another agent instance: its own connection to the same Redis and keys. */
    static InventoryStore otherInstance(MutableClock clock) {
        return new RedisInventoryStore(new StringRedisTemplate(otherConnections), PREFIX, RETENTION, clock,
                TestRedis.url());
    }

    @Nested
    class Stock extends StockContract {
        @Override
        InventoryStore newStore(MutableClock clock) {
            return RedisInventoryStoreTest.newStore(clock);
        }

        @Override
        InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
            return RedisInventoryStoreTest.otherInstance(clock);
        }
    }

    @Nested
    class Lifecycle extends HoldLifecycleContract {
        @Override
        InventoryStore newStore(MutableClock clock) {
            return RedisInventoryStoreTest.newStore(clock);
        }

        @Override
        InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
            return RedisInventoryStoreTest.otherInstance(clock);
        }
    }

    @Nested
    class SharedStore extends StoreContractSupport {
        @Override
        InventoryStore newStore(MutableClock clock) {
            return RedisInventoryStoreTest.newStore(clock);
        }

        @Override
        InventoryStore otherInstance(InventoryStore store, MutableClock clock) {
            return RedisInventoryStoreTest.otherInstance(clock);
        }

        @Test
        void aRestartedAgentKeepsHoldsAndExpiresThemOnTime() {
            String sku = seeded(10, 0);
            Hold kept = held(sku, 2, "order-restart");
            Hold expiring = held(sku, 3, null);
            LettuceConnectionFactory afterRestart = TestRedis.connectionFactory();
            try {
                InventoryStore restarted = new RedisInventoryStore(new StringRedisTemplate(afterRestart), PREFIX,
                        RETENTION, clock, TestRedis.url());
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
            } finally {
                afterRestart.destroy();
            }
        }

        @Test
        void expiryIsIndexedBySortedSetAndAFinishedHoldIsForgottenAfterItsRetention() {
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
}

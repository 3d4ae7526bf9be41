package com.autoretail.common.idempotency;

import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.common.wire.AgentServiceResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

    private static final String PREFIX = "test:idempotency:" + UUID.randomUUID() + ":";
    private static final Duration TTL = Duration.ofMinutes(1);

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private static IdempotencyStore store;

    @BeforeAll
    static void connect() {
        connections = TestRedis.connectionFactory();
        redis = new StringRedisTemplate(connections);
        store = new RedisIdempotencyStore(redis, mapper(), PREFIX);
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
        }
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Test
    void aNewStoreInstanceSeesRecordsOfAnotherInstance() {
        String key = newKey();
        store.claim(key, "reserve_part", "instance-a", TTL);
        LettuceConnectionFactory otherConnections = TestRedis.connectionFactory();
        try {
            var restarted = new RedisIdempotencyStore(new StringRedisTemplate(otherConnections), mapper(), PREFIX);

            assertThat(restarted.claim(key, "reserve_part", "instance-b", TTL))
                    .map(IdempotencyRecord::owner).contains("instance-a");

            AgentServiceResponse response = success(key, "reserved");
            store.complete(key, "instance-a", response, TTL);
            assertThat(restarted.find(key)).contains(new IdempotencyRecord("reserve_part", "instance-a", response));
        } finally {
            otherConnections.destroy();
        }
    }

    @Test
    void storesWithAnotherPrefixDoNotSeeTheRecords() {
        String key = newKey();
        store.claim(key, "reserve_part", "owner-a", TTL);

        var otherAgent = new RedisIdempotencyStore(redis, mapper(), PREFIX + "other:");

        assertThat(otherAgent.find(key)).isEmpty();
        assertThat(otherAgent.claim(key, "reserve_part", "owner-b", TTL)).isEmpty();
    }

    @Test
    void recordIsAnExpiringHashWithTheResponseAsSnakeCaseJson() {
        String key = newKey();
        String redisKey = PREFIX + key;
        store.claim(key, "reserve_part", "owner-a", TTL);

        assertThat(redis.<String, String>opsForHash().entries(redisKey))
                .containsOnlyKeys("operation", "owner")
                .containsEntry("operation", "reserve_part")
                .containsEntry("owner", "owner-a");
        assertThat(redis.getExpire(redisKey, TimeUnit.MILLISECONDS)).isPositive().isLessThanOrEqualTo(TTL.toMillis());

        store.complete(key, "owner-a", success(key, "reserved"), Duration.ofHours(24));

        assertThat(redis.<String, String>opsForHash().get(redisKey, "response"))
                .contains("\"request_id\":\"" + key + "\"", "\"success\":true", "\"result\":\"reserved\"");
        assertThat(redis.getExpire(redisKey, TimeUnit.MILLISECONDS)).isGreaterThan(TTL.toMillis());
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().findAndRegisterModules();
    }
}

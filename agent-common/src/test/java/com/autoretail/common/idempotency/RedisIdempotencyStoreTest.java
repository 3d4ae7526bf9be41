package com.autoretail.common.idempotency;

import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.common.wire.AgentServiceResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:idempotency");
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final Duration RETENTION = Duration.ofMinutes(10);

    private final IdempotencyStore store = new RedisIdempotencyStore(REDIS.template(), mapper(), REDIS.prefix());

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Test
    void aNewStoreInstanceSeesRecordsOfAnotherInstance() {
        String key = newKey();
        store.claim(key, OPERATION, FINGERPRINT, "instance-a", TTL, TTL);
        var restarted = new RedisIdempotencyStore(REDIS.newConnection(), mapper(), REDIS.prefix());

        assertThat(restarted.claim(key, OPERATION, FINGERPRINT, "instance-b", TTL, TTL))
                .map(IdempotencyRecord::owner).contains("instance-a");

        AgentServiceResponse response = success(key, "reserved");
        store.complete(key, "instance-a", response, TTL);
        assertThat(restarted.find(key)).contains(new IdempotencyRecord(OPERATION, FINGERPRINT, "instance-a", response));
    }

    @Test
    void storesWithAnotherPrefixDoNotSeeTheRecords() {
        String key = newKey();
        store.claim(key, OPERATION, FINGERPRINT, "owner-a", TTL, RETENTION);

        var otherAgent = new RedisIdempotencyStore(REDIS.template(), mapper(), REDIS.prefix() + "other:");

        assertThat(otherAgent.find(key)).isEmpty();
        assertThat(otherAgent.claim(key, OPERATION, FINGERPRINT, "owner-b", TTL, TTL)).isEmpty();
    }

    @Test
    void recordInFlightIsAnExpiringHashKeptForItsRetentionWithALeaseOnRedisClock() {
        String key = newKey();
        String redisKey = REDIS.prefix() + key;
        StringRedisTemplate redis = REDIS.template();
        store.claim(key, OPERATION, FINGERPRINT, "owner-a", TTL, RETENTION);

        assertThat(redis.<String, String>opsForHash().entries(redisKey))
                .containsOnlyKeys("operation", "fingerprint", "owner", "lease")
                .containsEntry("operation", OPERATION)
                .containsEntry("fingerprint", FINGERPRINT)
                .containsEntry("owner", "owner-a");
        long redisNow = redis.execute((RedisCallback<Long>) c -> c.serverCommands().time());
        long lease = Long.parseLong(redis.<String, String>opsForHash().get(redisKey, "lease"));
        assertThat(lease - redisNow).isBetween(TTL.toMillis() - 5_000, TTL.toMillis());
        // in flight, the record outlives its lease: only its retention ends it
        assertThat(redis.getExpire(redisKey, TimeUnit.MILLISECONDS)).isGreaterThan(TTL.toMillis())
                .isLessThanOrEqualTo(RETENTION.toMillis());

        store.complete(key, "owner-a", success(key, "reserved"), Duration.ofHours(24));

        assertThat(redis.<String, String>opsForHash().get(redisKey, "response"))
                .contains("\"request_id\":\"" + key + "\"", "\"success\":true", "\"result\":\"reserved\"");
        assertThat(redis.getExpire(redisKey, TimeUnit.MILLISECONDS)).isGreaterThan(RETENTION.toMillis());
        assertThat(redis.<String, String>opsForHash().hasKey(redisKey, "lease")).isFalse();
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().findAndRegisterModules();
    }
}

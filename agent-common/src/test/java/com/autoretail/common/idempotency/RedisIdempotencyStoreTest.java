package com.autoretail.common.idempotency;

import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.common.wire.AgentServiceResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:idempotency");
    private static final Duration TTL = Duration.ofMinutes(1);

    private final IdempotencyStore store = new RedisIdempotencyStore(REDIS.template(), mapper(), REDIS.prefix());

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Test
    void aNewStoreInstanceSeesRecordsOfAnotherInstance() {
        String key = newKey();
        store.claim(key, "reserve_part", "instance-a", TTL);
        var restarted = new RedisIdempotencyStore(REDIS.newConnection(), mapper(), REDIS.prefix());

        assertThat(restarted.claim(key, "reserve_part", "instance-b", TTL))
                .map(IdempotencyRecord::owner).contains("instance-a");

        AgentServiceResponse response = success(key, "reserved");
        store.complete(key, "instance-a", response, TTL);
        assertThat(restarted.find(key)).contains(new IdempotencyRecord("reserve_part", "instance-a", response));
    }

    @Test
    void storesWithAnotherPrefixDoNotSeeTheRecords() {
        String key = newKey();
        store.claim(key, "reserve_part", "owner-a", TTL);

        var otherAgent = new RedisIdempotencyStore(REDIS.template(), mapper(), REDIS.prefix() + "other:");

        assertThat(otherAgent.find(key)).isEmpty();
        assertThat(otherAgent.claim(key, "reserve_part", "owner-b", TTL)).isEmpty();
    }

    @Test
    void recordIsAnExpiringHashWithTheResponseAsSnakeCaseJson() {
        String key = newKey();
        String redisKey = REDIS.prefix() + key;
        StringRedisTemplate redis = REDIS.template();
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

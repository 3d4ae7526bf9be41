package com.autoretail.sales.session;

import com.autoretail.common.testsupport.TestRedis;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis store against a real Redis ({@code TestRedis}: {@code REDIS_URL}, else 127.0.0.1:6379). */
class RedisSessionStoreTest extends SessionStoreContract {

    private static final String PREFIX = "sales-test:" + UUID.randomUUID() + ":session:";

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        connections = TestRedis.connectionFactory();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        redis.delete(redis.keys(PREFIX + "*"));
        connections.destroy();
    }

    @Override
    SessionStore store(Duration ttl) {
        return new RedisSessionStore(redis, new ObjectMapper().registerModule(new JavaTimeModule()), PREFIX, ttl);
    }

    @Test
    void storesOneJsonStringPerSessionWithTheIdleTimeAsItsTtl() {
        String id = UUID.randomUUID().toString();

        store(Duration.ofMinutes(30)).save(sample(id));

        String json = redis.opsForValue().get(PREFIX + id);
        assertThat(json).contains("\"last_sku\":\"SKU000001\"").contains("\"hold_keys\":{\"SKU000001\":0}");
        assertThat(redis.getExpire(PREFIX + id)).isBetween(1_790L, 1_800L);
    }
}

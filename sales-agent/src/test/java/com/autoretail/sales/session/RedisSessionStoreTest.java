package com.autoretail.sales.session;

import com.autoretail.common.testsupport.TestRedisKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis store against a real Redis ({@code TestRedis}: {@code REDIS_URL}, else 127.0.0.1:6379). */
class RedisSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("sales-test");
    private static final String PREFIX = REDIS.prefix() + "session:";

    @Override
    SessionStore store(Duration ttl) {
        return new RedisSessionStore(REDIS.template(), new ObjectMapper().registerModule(new JavaTimeModule()), PREFIX,
                ttl);
    }

    @Test
    void storesOneJsonStringPerSessionWithTheIdleTimeAsItsTtl() {
        String id = UUID.randomUUID().toString();

        store(Duration.ofMinutes(30)).save(sample(id));

        String json = REDIS.template().opsForValue().get(PREFIX + id);
        assertThat(json).contains("\"last_sku\":\"SKU000001\"").contains("\"hold_keys\":{\"SKU000001\":0}");
        assertThat(REDIS.template().getExpire(PREFIX + id)).isBetween(1_790L, 1_800L);
    }
}

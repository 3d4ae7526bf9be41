package com.autoretail.inventory;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.inventory.store.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * With {@code inventory.store=redis} a hold's expiry goes by Redis's clock, not the agent's: an agent whose JVM
 * clock runs an hour ahead neither expires a fresh hold, nor, an hour behind, keeps one past its expiry. So
 * instances with skewed clocks sharing a Redis agree on every hold.
 */
@SpringBootTest(classes = InventoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisClockSkewTest extends AgentHttpTestSupport {

    @RegisterExtension
    static final TestRedisKeys KEYS = new TestRedisKeys("test:inventory-skew");
    private static final String PREFIX = KEYS.prefix();
    // the agent's clock, set an hour off either way, as on a machine whose clock drifted
    private static final MutableClock SKEWED = new MutableClock(Instant.now());

    @TestBean(name = "inventoryClock")
    Clock inventoryClock;

    @Autowired
    StringRedisTemplate redis;

    static Clock inventoryClock() {
        return SKEWED;
    }

    @DynamicPropertySource
    static void redisStore(DynamicPropertyRegistry registry) {
        RedisStoreProperties.add(registry, PREFIX);
        registry.add("inventory.reaper-interval", () -> "100ms");
    }

    @Test
    void holdExpiresByRedisTimeWhateverTheAgentsClockSays() {
        SKEWED.set(Instant.now().plus(Duration.ofHours(1)));
        Reply hold = http.post("/hold", HttpJson.json(Map.of("sku", "SKU000003", "quantity", 2, "ttl", 2)));
        String holdId = hold.text("hold_id");
        Instant createdAt = Instant.parse(hold.text("created_at"));

        assertThat(hold.status()).isEqualTo(201);
        assertThat(createdAt).as("Redis's time, not the agent's").isCloseTo(redisTime(), within(5, ChronoUnit.SECONDS));
        assertThat(Instant.parse(hold.text("expires_at"))).isEqualTo(createdAt.plusSeconds(2));
        assertThat(http.get("/hold/" + holdId).text("status")).as("an hour ahead, still held").isEqualTo("held");
        int heldStock = http.get("/inventory/SKU000003").body().path("online_stock").asInt();

        SKEWED.set(Instant.now().minus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "expired".equals(http.get("/hold/" + holdId).text("status")));

        assertThat(redisTime()).isAfterOrEqualTo(createdAt.plusSeconds(2));
        assertThat(http.get("/inventory/SKU000003").body().path("online_stock").asInt()).isEqualTo(heldStock + 2);
    }

    private Instant redisTime() {
        return Instant.ofEpochMilli(redis.execute((RedisCallback<Long>) c -> c.serverCommands().time()));
    }
}

package com.autoretail.inventory;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.inventory.store.InventoryStore;
import com.autoretail.inventory.store.SeedCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent started with {@code inventory.store=redis}: seeded into Redis, holds kept there, health shows it. */
@SpringBootTest(classes = InventoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisStoreAppTest extends AgentHttpTestSupport {

    @RegisterExtension
    static final TestRedisKeys KEYS = new TestRedisKeys("test:inventory-app");
    private static final String PREFIX = KEYS.prefix();

    @DynamicPropertySource
    static void redisStore(DynamicPropertyRegistry registry) {
        RedisStoreProperties.add(registry, PREFIX);
    }

    @Autowired
    InventoryStore store;

    @Autowired
    SeedCatalog seed;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void healthReportsRedisWithoutCredentials() {
        Reply health = http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/dependencies/store/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/dependencies/store/endpoint").asText())
                .startsWith("redis://").doesNotContain("@");
    }

    @Test
    void holdsLiveInRedisAndASecondSeedKeepsTheLiveStock() {
        Reply stock = http.get("/inventory/SKU000001");
        assertThat(stock.body().path("online_stock").asInt()).isEqualTo(500);
        assertThat(redis.hasKey(PREFIX + "product:SKU000300")).isTrue();

        Reply hold = http.send(http.request("/hold").header("Content-Type", "application/json")
                .header("X-Idempotency-Key", "order-redis")
                .POST(HttpRequest.BodyPublishers.ofString(HttpJson.json(Map.of("sku", "SKU000001", "quantity", 2)))));
        String holdId = hold.text("hold_id");

        assertThat(hold.status()).isEqualTo(201);
        assertThat(redis.<String, String>opsForHash().get(PREFIX + "hold:" + holdId, "status")).isEqualTo("held");
        assertThat(store.seed(seed.products())).as("a restart's seeding adds nothing").isZero();
        assertThat(http.get("/inventory/SKU000001").body().path("online_stock").asInt()).isEqualTo(498);

        Reply release = http.delete("/hold/" + holdId);
        assertThat(release.body().path("restored_stock").asInt()).isEqualTo(2);
        assertThat(http.get("/inventory/SKU000001").body().path("online_stock").asInt()).isEqualTo(500);
    }

    @Test
    void executeRepliesAreSharedThroughRedis() {
        String requestId = "wf-" + UUID.randomUUID();
        String body = HttpJson.json(Map.of("request_id", requestId, "operation", "create_hold",
                "parameters", Map.of("sku", "SKU000002", "quantity", 1)));

        Reply first = http.post("/execute", body);
        Reply replay = http.post("/execute", body);

        assertThat(first.body().path("success").asBoolean()).isTrue();
        assertThat(replay.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(redis.hasKey(PREFIX + "execute:inventory:" + requestId)).isTrue();
        assertThat(redis.opsForValue().get(PREFIX + "idempotency:" + requestId))
                .isEqualTo(first.body().at("/result/hold_id").asText());
    }
}

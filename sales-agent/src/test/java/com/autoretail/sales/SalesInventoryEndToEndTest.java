package com.autoretail.sales;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.inventory.InventoryApplication;
import com.autoretail.sales.support.Chat;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration guide's "Test 3: End-to-End Flow" with the real inventory agent over HTTP (in this JVM, memory store, fresh
 * seed stock) and sessions in a real Redis: stock, order, checkout, then the holds as the inventory sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesInventoryEndToEndTest {

    private static final String SESSION_PREFIX = "sales-e2e:" + UUID.randomUUID() + ":";
    private static ConfigurableApplicationContext inventoryAgent;

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @DynamicPropertySource
    static void realInventoryAndRedis(DynamicPropertyRegistry registry) {
        registry.add("sales.inventory.url", SalesInventoryEndToEndTest::inventoryUrl);
        registry.add("sales.sessions.store", () -> "redis");
        registry.add("sales.sessions.redis-key-prefix", () -> SESSION_PREFIX);
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("server.shutdown", () -> "immediate");
    }

    /**
     * Started on first use, every setting as an argument: in one JVM only the first {@code application.yml} on the
     * classpath (the sales agent's) is read, so the inventory's own defaults are repeated here.
     */
    static synchronized String inventoryUrl() {
        if (inventoryAgent == null) {
            inventoryAgent = new SpringApplicationBuilder(InventoryApplication.class).run(
                    "--server.port=0", "--spring.application.name=inventory-agent", "--server.shutdown=immediate",
                    "--spring.main.banner-mode=off", "--inventory.store=memory",
                    "--inventory.seed-file=classpath:inventory/products.csv", "--inventory.default-ttl=300",
                    "--inventory.max-ttl=1800", "--inventory.max-quantity=10000", "--inventory.hold-retention=24h",
                    "--inventory.reaper-interval=1s", "--inventory.reaper-batch-size=200",
                    "--inventory.redis-key-prefix=inventory:", "--agent.idempotency.store=memory",
                    // units high enough for the tests that hold the whole stock; the shipped open-hold counts
                    "--inventory.limits.session-units=10000", "--inventory.limits.session-holds=5",
                    "--inventory.limits.customer-units=10000", "--inventory.limits.customer-holds=10");
        }
        return "http://localhost:" + inventoryAgent.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopInventory() {
        if (inventoryAgent != null) {
            inventoryAgent.close();
        }
    }

    @AfterAll
    static void forgetSessions(@Autowired StringRedisTemplate redis) {
        redis.delete(redis.keys(SESSION_PREFIX + "*"));
    }

    @Test
    void ordersAndChecksOutOnTheRealInventory() {
        Chat chat = new Chat("http://localhost:" + port, null);
        HttpJson inventory = new HttpJson(inventoryUrl());

        JsonNode stock = chat.say("Check stock for SKU000001");
        assertThat(stock.path("response").asText()).isEqualTo("""
                📦 Stock levels for SKU000001:
                • Online: 500 units
                • Stores: 5 locations
                • Total: 606 units available""");

        JsonNode order = chat.say("I want 2 units of SKU000001");
        assertThat(order.path("response").asText()).startsWith("✅ Reserved 2 unit(s) of SKU000001 for you!")
                .contains("Remaining stock: 498 units");
        String holdId = order.path("hold_id").asText();
        assertThat(inventory.get("/hold/" + holdId).text("status")).isEqualTo("held");

        JsonNode checkout = chat.say("check out");
        assertThat(checkout.path("response").asText()).startsWith("🎉 Your order is confirmed:");
        assertThat(inventory.get("/hold/" + holdId).text("status")).isEqualTo("committed");
        JsonNode after = inventory.get("/inventory/SKU000001").body();
        assertThat(after.path("online_stock").asInt()).isEqualTo(498);
        assertThat(after.path("reserved").asInt()).isZero();
        assertThat(redis.getExpire(SESSION_PREFIX + chat.sessionId())).isPositive();
    }

    @Test
    void aSessionAtItsHoldQuotaIsToldSoAndKeepsWhatItHolds() {
        Chat chat = new Chat("http://localhost:" + port, "e2e-" + UUID.randomUUID());
        HttpJson inventory = new HttpJson(inventoryUrl());
        for (String sku : List.of("SKU000040", "SKU000041", "SKU000042", "SKU000043", "SKU000044")) {
            assertThat(chat.say("I want 1 unit of " + sku).path("hold_id").asText()).startsWith("hold-");
        }
        int before = inventory.get("/inventory/SKU000045").body().path("online_stock").asInt();

        JsonNode refused = chat.say("I want 1 unit of SKU000045");

        assertThat(refused.path("response").asText()).contains("reached the reservation limit", "5 reservations",
                "check out", "cancel");
        assertThat(refused.path("data").path("error").asText()).isEqualTo("quota_exceeded");
        assertThat(refused.path("hold_id").isNull()).isTrue();
        assertThat(inventory.get("/inventory/SKU000045").body().path("online_stock").asInt()).isEqualTo(before);

        chat.say("cancel");
        assertThat(chat.say("I want 1 unit of SKU000045").path("hold_id").asText()).startsWith("hold-");
        assertThat(inventory.get("/inventory/SKU000045").body().path("online_stock").asInt()).isEqualTo(before - 1);
    }

    @Test
    void changesAnOrderAndOrdersAgainAfterCancellingWithNewHolds() {
        Chat chat = new Chat("http://localhost:" + port, "e2e-" + UUID.randomUUID());
        HttpJson inventory = new HttpJson(inventoryUrl());
        int online = inventory.get("/inventory/SKU000002").body().path("online_stock").asInt();

        String first = chat.say("I want 2 units of SKU000002").path("hold_id").asText();
        String changed = chat.say("make it 3").path("hold_id").asText();
        assertThat(changed).isNotEqualTo(first);
        assertThat(inventory.get("/hold/" + first).text("status")).isEqualTo("released");
        assertThat(inventory.get("/hold/" + changed).body().path("quantity").asInt()).isEqualTo(3);

        assertThat(chat.say("cancel").path("intent").asText()).isEqualTo("cancel");
        assertThat(inventory.get("/hold/" + changed).text("status")).isEqualTo("released");
        String again = chat.say("I want 3 units of SKU000002").path("hold_id").asText();

        assertThat(again).isNotIn(first, changed);
        assertThat(inventory.get("/hold/" + again).text("status")).isEqualTo("held");
        assertThat(inventory.get("/inventory/SKU000002").body().path("online_stock").asInt()).isEqualTo(online - 3);
    }

    @Test
    void keepsTheHoldWhenAChangeIsShortAndMakesTheChangeTheFreeStockCovers() {
        Chat chat = new Chat("http://localhost:" + port, "e2e-" + UUID.randomUUID());
        HttpJson inventory = new HttpJson(inventoryUrl());
        int online = inventory.get("/inventory/SKU000003").body().path("online_stock").asInt();
        String first = chat.say("I want 2 units of SKU000003").path("hold_id").asText();

        // all of the stock again: the new hold would need the old one's units too
        JsonNode refused = chat.say("make it " + online);

        assertThat(refused.path("response").asText()).startsWith("❌ Sorry, I couldn't change your reservation")
                .contains("Your reservation of 2 unit(s) of SKU000003 still stands.");
        assertThat(inventory.get("/hold/" + first).text("status")).isEqualTo("held");
        assertThat(inventory.get("/inventory/SKU000003").body().path("online_stock").asInt()).isEqualTo(online - 2);

        String changed = chat.say("make it " + (online - 2)).path("hold_id").asText();

        assertThat(changed).isNotEqualTo(first);
        assertThat(inventory.get("/hold/" + changed).text("status")).isEqualTo("held");
        assertThat(inventory.get("/hold/" + first).text("status")).isEqualTo("released");
        assertThat(inventory.get("/inventory/SKU000003").body().path("online_stock").asInt()).isEqualTo(2);
        chat.say("cancel");
    }

    @Test
    void reportsTheRealInventoryAsConnected() {
        HttpJson.Reply health = new HttpJson("http://localhost:" + port).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.text("sales_agent")).isEqualTo("running");
        assertThat(health.text("inventory_service")).isEqualTo("connected");
    }
}

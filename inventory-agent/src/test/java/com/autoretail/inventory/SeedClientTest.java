package com.autoretail.inventory;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sales agent's {@code inventory_client.py} does, call for call: the integration guide's "Test 1:
 * Service Connectivity" and its notebook test. The only test that touches SKU000001.
 */
class SeedClientTest extends InventoryHttpTest {

    @Test
    void serviceConnectivityAsTheIntegrationGuideRunsIt() {
        // client.health_check(): GET /health answers 200
        assertThat(http.get("/health").status()).isEqualTo(200);

        // client.get_inventory("SKU000001")
        Reply stock = http.get("/inventory/SKU000001");
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.body().path("online_stock").asInt()).isEqualTo(500);
        assertThat(stock.body().path("total_stock").asInt()).isGreaterThanOrEqualTo(500);
        int storeCount = stock.body().path("store_stock").size();
        assertThat(storeCount).isEqualTo(5);

        // client.create_hold(sku, quantity=2, location="online", ttl=300, idempotency_key=f"order-{order_id}")
        Map<String, Object> body = Map.of("sku", "SKU000001", "quantity", 2, "location", "online", "ttl", 300);
        Reply hold = hold(body, "order-123");
        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold.text("hold_id")).startsWith("hold-");
        assertThat(hold.body().path("remaining_stock").asInt()).isEqualTo(498);
        assertThat(hold(body, "order-123").text("hold_id")).isEqualTo(hold.text("hold_id"));

        // check_stock_availability("SKU000001", 5, location="online")
        Reply available = http.get("/availability/SKU000001?quantity=5&location=online");
        assertThat(available.body().path("available").asBoolean()).isTrue();
        assertThat(available.body().path("current_stock").asInt()).isEqualTo(498);

        // client.release_hold(hold["hold_id"]) when payment fails
        Reply release = http.delete("/hold/" + hold.text("hold_id"));
        assertThat(release.status()).isEqualTo(200);
        assertThat(release.text("status")).isEqualTo("released");
        assertThat(release.body().path("restored_stock").asInt()).isEqualTo(2);
        assertThat(http.get("/inventory/SKU000001").body().path("online_stock").asInt()).isEqualTo(500);
    }

    @Test
    void notebookTestHoldsOneWithoutAKeyAndReleasesIt() {
        Reply hold = hold(Map.of("sku", "SKU000001", "quantity", 1, "location", "online", "ttl", 60), null);
        Reply release = http.delete("/hold/" + hold.text("hold_id"));

        assertThat(hold.status()).isEqualTo(201);
        assertThat(release.text("status")).isEqualTo("released");
        assertThat(http.get("/inventory/SKU000001").body().path("online_stock").asInt()).isEqualTo(500);
    }
}

package com.autoretail.inventory;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API of the contract's inventory section, status code by status code. */
class InventoryRestTest extends InventoryHttpTest {

    @Test
    void inventoryListsOnlineAndStoreStockWithTheirTotal() {
        Reply reply = http.get("/inventory/SKU000002");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("sku").asText()).isEqualTo("SKU000002");
        assertThat(body.path("name").asText()).isNotBlank();
        assertThat(body.path("price").decimalValue()).isPositive();
        assertThat(body.path("online_stock").asInt()).isEqualTo(315);
        assertThat(fieldNames(body.path("store_stock")))
                .containsExactly("STORE_001", "STORE_002", "STORE_003", "STORE_004", "STORE_005");
        int stores = 0;
        for (JsonNode count : body.path("store_stock")) {
            stores += count.asInt();
        }
        assertThat(body.path("total_stock").asInt()).isEqualTo(315 + stores);
        assertThat(body.path("reserved").asInt()).isZero();
    }

    @Test
    void unknownSkuIsANotFoundProblem() {
        for (Reply reply : List.of(http.get("/inventory/SKU999999"), http.get("/availability/SKU999999?quantity=1"),
                hold(Map.of("sku", "SKU999999", "quantity", 1), null))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.text("detail")).contains("SKU999999");
            assertThat(reply.text("request_id")).isNotBlank();
            assertThat(reply.text("error_code")).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void availabilityComparesTheLocationsStockWithTheQuantity() {
        Reply online = http.get("/availability/SKU000003?quantity=5&location=online");
        Reply defaults = http.get("/availability/SKU000003");
        Reply store = http.get("/availability/SKU000003?quantity=53&location=STORE_003");

        assertThat(online.status()).isEqualTo(200);
        assertThat(online.body().path("sku").asText()).isEqualTo("SKU000003");
        assertThat(online.body().path("available").asBoolean()).isTrue();
        assertThat(online.body().path("current_stock").asInt()).isEqualTo(208);
        assertThat(online.body().path("requested_quantity").asInt()).isEqualTo(5);
        assertThat(online.body().path("location").asText()).isEqualTo("online");
        assertThat(defaults.body().path("requested_quantity").asInt()).isEqualTo(1);
        assertThat(defaults.body().path("location").asText()).isEqualTo("online");
        assertThat(store.body().path("available").asBoolean()).isFalse();
        assertThat(store.body().path("current_stock").asInt()).isEqualTo(52);
    }

    @Test
    void badQuantityOrLocationIsABadRequestNamingEachField() {
        for (String quantity : List.of("0", "-1", "1.5", "abc", "99999999999", "10001")) {
            Reply reply = http.get("/availability/SKU000003?quantity=" + quantity);
            assertThat(reply.status()).as(quantity).isEqualTo(400);
            assertThat(errorFields(reply)).as(quantity).containsExactly("quantity");
        }
        Reply both = http.get("/availability/SKU000003?quantity=0&location=STORE_999");

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(both.text("request_id")).isNotBlank();
        assertThat(errorFields(both)).containsExactly("quantity", "location");
        assertThat(both.text("detail")).contains("quantity", "location", "STORE_005");
    }

    @Test
    void holdIsCreatedOnceAndItsKeyReplaysIt() {
        int before = onlineStock("SKU000010");
        String key = "order-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("sku", "SKU000010", "quantity", 2, "location", "online", "ttl", 300);

        Reply created = hold(body, key);
        Reply replayed = hold(body, key);
        Reply otherRequest = hold(Map.of("sku", "SKU000010", "quantity", 3), key);

        assertThat(created.status()).isEqualTo(201);
        JsonNode hold = created.body();
        assertThat(hold.path("hold_id").asText()).startsWith("hold-");
        assertThat(hold.path("sku").asText()).isEqualTo("SKU000010");
        assertThat(hold.path("quantity").asInt()).isEqualTo(2);
        assertThat(hold.path("location").asText()).isEqualTo("online");
        assertThat(hold.path("remaining_stock").asInt()).isEqualTo(before - 2);
        assertThat(hold.path("status").asText()).isEqualTo("held");
        Instant expiresAt = Instant.parse(hold.path("expires_at").asText());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(hold);
        assertThat(otherRequest.status()).isEqualTo(409);
        assertThat(otherRequest.text("detail")).contains(key);
        assertThat(onlineStock("SKU000010")).isEqualTo(before - 2);
        assertThat(http.get("/inventory/SKU000010").body().path("reserved").asInt()).isEqualTo(2);
        assertThat(http.get("/hold/" + hold.path("hold_id").asText()).body()).isEqualTo(hold);
    }

    @Test
    void shortStockIsAConflictAndChangesNothing() {
        int before = onlineStock("SKU000011");

        Reply reply = hold(Map.of("sku", "SKU000011", "quantity", before + 1), "short-" + UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("error_code")).isEqualTo("CONFLICT");
        assertThat(reply.text("detail")).contains("Not enough stock", before + " available");
        assertThat(reply.body().at("/details/current_stock").asInt()).isEqualTo(before);
        assertThat(onlineStock("SKU000011")).isEqualTo(before);
        assertThat(http.get("/inventory/SKU000011").body().path("reserved").asInt()).isZero();
    }

    @Test
    void invalidHoldNamesEveryFailingField() {
        Reply all = hold(Map.of("quantity", 0, "location", "mars", "ttl", 0), null);
        Reply fraction = hold(Map.of("sku", "SKU000011", "quantity", 1.5, "ttl", 3601), null);
        Reply huge = http.post("/hold", "{\"sku\": \"SKU000011\", \"quantity\": 1e40}");
        Reply text = http.post("/hold", "{\"sku\": \"SKU000011\", \"quantity\": \"two\"}");
        Reply malformed = http.post("/hold", "{\"sku\": ");
        Reply longKey = hold(Map.of("sku", "SKU000011", "quantity", 1), "k".repeat(201));

        assertThat(all.status()).isEqualTo(400);
        assertThat(errorFields(all)).containsExactly("sku", "quantity", "location", "ttl");
        assertThat(errorFields(fraction)).containsExactly("quantity", "ttl");
        assertThat(errorFields(huge)).containsExactly("quantity");
        assertThat(errorFields(longKey)).containsExactly("X-Idempotency-Key");
        for (Reply reply : List.of(fraction, huge, text, malformed, longKey)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.text("request_id")).isNotBlank();
        }
        assertThat(errorFields(text)).containsExactly("quantity");
        assertThat(http.get("/inventory/SKU000011").body().path("reserved").asInt()).isZero();
    }

    @Test
    void releasingTwiceGivesTheStockBackOnce() {
        int before = onlineStock("SKU000012");
        String holdId = hold(Map.of("sku", "SKU000012", "quantity", 3), null).text("hold_id");

        Reply first = http.delete("/hold/" + holdId);
        Reply second = http.delete("/hold/" + holdId);
        Reply commit = http.post("/hold/" + holdId + "/commit", "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(json(Map.of("hold_id", holdId, "status", "released", "restored_stock", 3)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(json(Map.of("hold_id", holdId, "status", "released", "restored_stock", 0)));
        assertThat(commit.status()).isEqualTo(409);
        assertThat(commit.body().at("/details/status").asText()).isEqualTo("released");
        assertThat(onlineStock("SKU000012")).isEqualTo(before);
        assertThat(http.get("/hold/" + holdId).text("status")).isEqualTo("released");
    }

    @Test
    void aCommittedHoldKeepsItsStockAndCannotBeReleased() {
        int before = onlineStock("SKU000015");
        Reply created = hold(Map.of("sku", "SKU000015", "quantity", 4, "location", "online"), null);
        assertThat(created.status()).isEqualTo(201);
        String holdId = created.text("hold_id");

        Reply commit = http.post("/hold/" + holdId + "/commit", "");
        Reply again = http.post("/hold/" + holdId + "/commit", "");
        Reply release = http.delete("/hold/" + holdId);

        assertThat(commit.status()).isEqualTo(200);
        assertThat(commit.body()).isEqualTo(json(Map.of("hold_id", holdId, "status", "committed")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(release.status()).isEqualTo(409);
        assertThat(release.text("detail")).contains("committed");
        assertThat(onlineStock("SKU000015")).isEqualTo(before - 4);
        assertThat(http.get("/inventory/SKU000015").body().path("reserved").asInt()).isZero();
        assertThat(http.get("/hold/" + holdId).text("status")).isEqualTo("committed");
    }

    @Test
    void unknownHoldIsANotFoundProblem() {
        for (Reply reply : List.of(http.get("/hold/hold-unknown"), http.delete("/hold/hold-unknown"),
                http.post("/hold/hold-unknown/commit", ""))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.text("detail")).isEqualTo("Unknown hold hold-unknown");
        }
    }

    @Test
    void aHoldExpiresByItselfAndGivesItsStoreStockBack() throws InterruptedException {
        int before = http.get("/inventory/SKU000013").body().at("/store_stock/STORE_002").asInt();
        Reply created = hold(Map.of("sku", "SKU000013", "quantity", 1, "location", "STORE_002", "ttl", 1), null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(http.get("/inventory/SKU000013").body().at("/store_stock/STORE_002").asInt()).isEqualTo(before - 1);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (http.get("/inventory/SKU000013").body().at("/store_stock/STORE_002").asInt() != before
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        JsonNode after = http.get("/inventory/SKU000013").body();
        assertThat(after.at("/store_stock/STORE_002").asInt()).isEqualTo(before);
        assertThat(after.path("reserved").asInt()).isZero();
        String holdId = created.text("hold_id");
        assertThat(http.get("/hold/" + holdId).text("status")).isEqualTo("expired");
        assertThat(http.post("/hold/" + holdId + "/commit", "").status()).isEqualTo(409);
        assertThat(http.delete("/hold/" + holdId).body())
                .isEqualTo(json(Map.of("hold_id", holdId, "status", "expired", "restored_stock", 0)));
    }

    @Test
    void healthReportsTheStore() {
        Reply health = http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.text("service")).isEqualTo("inventory-agent");
        assertThat(health.body().at("/dependencies/store/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/dependencies/store/endpoint").asText()).isEqualTo("memory");
        assertThat(http.get("/actuator/health/readiness").body().at("/components/store/status").asText())
                .isEqualTo("UP");
    }
}

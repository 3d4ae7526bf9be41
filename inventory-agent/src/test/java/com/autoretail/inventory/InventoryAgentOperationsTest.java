package com.autoretail.inventory;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory's operations as the orchestrator calls them: {@code /capabilities} and {@code /execute}. */
class InventoryAgentOperationsTest extends InventoryHttpTest {

    @Test
    void capabilitiesListTheFiveLocalOperationsWithSchemas() {
        Map<String, JsonNode> operations = assertCapabilities("inventory-agent", "inventory", Map.of(
                "local", List.of("get_inventory", "check_availability", "create_hold", "release_hold", "commit_hold")));
        assertSideEffectsOnlyOf(operations, "create_hold", "release_hold", "commit_hold");
        JsonNode create = operations.get("create_hold");
        assertThat(create.path("compensation").asText()).isEqualTo("release_hold");
        assertThat(create.at("/parameters/required").toString()).isEqualTo("[\"sku\",\"quantity\"]");
        assertThat(create.at("/parameters/properties/quantity/type").asText()).isEqualTo("integer");
        assertThat(create.at("/parameters/properties/quantity/minimum").asInt()).isEqualTo(1);
        assertThat(create.at("/parameters/properties/location/enum").toString()).contains("online", "STORE_005");
        assertThat(create.at("/parameters/properties/idempotency_key/type").asText()).isEqualTo("string");
        assertThat(operations.get("check_availability").at("/parameters/required").toString())
                .isEqualTo("[\"sku\",\"quantity\"]");
    }

    @Test
    void getInventoryAndCheckAvailabilitySucceed() {
        Reply inventory = execute(newId(), "get_inventory", Map.of("sku", "SKU000020"));
        Reply availability = execute(newId(), "check_availability",
                Map.of("sku", "SKU000020", "quantity", 1, "location", "STORE_001"));

        assertThat(inventory.status()).isEqualTo(200);
        assertThat(inventory.body().path("success").asBoolean()).isTrue();
        assertThat(inventory.body().at("/result/sku").asText()).isEqualTo("SKU000020");
        assertThat(inventory.body().at("/result/online_stock").isInt()).isTrue();
        assertThat(inventory.body().at("/metadata/source").asText()).isEqualTo("local");
        assertThat(availability.body().at("/result/location").asText()).isEqualTo("STORE_001");
        assertThat(availability.body().at("/result/requested_quantity").asInt()).isEqualTo(1);
    }

    @Test
    void unknownSkuOrHoldIsNotFound() {
        Reply sku = execute(newId(), "get_inventory", Map.of("sku", "SKU999999"));
        Reply hold = execute(newId(), "release_hold", Map.of("hold_id", "hold-unknown"));

        assertFailed(sku, 404, "NOT_FOUND");
        assertFailed(hold, 404, "NOT_FOUND");
        assertThat(sku.text("error")).isEqualTo("Unknown SKU SKU999999");
    }

    @Test
    void shortStockIsAConflict() {
        Reply reply = execute(newId(), "create_hold", Map.of("sku", "SKU000021", "quantity", 10000));

        assertFailed(reply, 409, "CONFLICT");
        assertThat(reply.text("error")).contains("Not enough stock of SKU000021");
        assertThat(reply.body().at("/result/requested_quantity").asInt()).isEqualTo(10000);
    }

    @Test
    void invalidParametersAreAValidationErrorNamingTheFields() {
        Reply reply = execute(newId(), "create_hold",
                Map.of("sku", "SKU000021", "quantity", 0, "location", "STORE_999", "ttl", 1.5));
        Reply missing = execute(newId(), "check_availability", Map.of("sku", "SKU000021"));

        assertFailed(reply, 400, "VALIDATION_ERROR");
        assertThat(reply.body().at("/result/errors").findValuesAsText("field"))
                .containsExactly("location", "quantity", "ttl");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/result/errors").findValuesAsText("field")).containsExactly("quantity");
    }

    @Test
    void createHoldIsIdempotentThenCommitsAndRefusesARelease() {
        int before = onlineStock("SKU000022");
        String requestId = newId();
        Map<String, Object> parameters = Map.of("sku", "SKU000022", "quantity", 2, "ttl", 120);

        Reply created = execute(requestId, "create_hold", parameters);
        Reply replayed = execute(requestId, "create_hold", parameters);
        // another request_id, the first one's as idempotency key: the store finds the same hold
        Reply sameKey = execute(newId(), "create_hold", Map.of("sku", "SKU000022", "quantity", 2,
                "idempotency_key", requestId));
        String holdId = created.body().at("/result/hold_id").asText();
        Reply commit = execute(newId(), "commit_hold", Map.of("hold_id", holdId));
        Reply release = execute(newId(), "release_hold", Map.of("hold_id", holdId));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().at("/result/status").asText()).isEqualTo("held");
        assertThat(created.body().at("/result/remaining_stock").asInt()).isEqualTo(before - 2);
        assertThat(replayed.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(replayed.body().at("/result/hold_id").asText()).isEqualTo(holdId);
        assertThat(sameKey.body().at("/result/hold_id").asText()).isEqualTo(holdId);
        assertThat(commit.body().at("/result/hold_id").asText()).isEqualTo(holdId);
        assertThat(commit.body().at("/result/status").asText()).isEqualTo("committed");
        assertFailed(release, 409, "CONFLICT");
        assertThat(onlineStock("SKU000022")).isEqualTo(before - 2);
    }

    @Test
    void releaseHoldGivesTheStockBackOnce() {
        int before = onlineStock("SKU000023");
        String holdId = execute(newId(), "create_hold", Map.of("sku", "SKU000023", "quantity", 5))
                .body().at("/result/hold_id").asText();

        Reply first = execute(newId(), "release_hold", Map.of("hold_id", holdId));
        Reply second = execute(newId(), "release_hold", Map.of("hold_id", holdId));

        assertThat(first.body().at("/result/restored_stock").asInt()).isEqualTo(5);
        assertThat(second.body().at("/result/restored_stock").asInt()).isZero();
        assertThat(second.body().at("/result/status").asText()).isEqualTo("released");
        assertThat(onlineStock("SKU000023")).isEqualTo(before);
    }

    private static String newId() {
        return "wf-" + UUID.randomUUID();
    }
}

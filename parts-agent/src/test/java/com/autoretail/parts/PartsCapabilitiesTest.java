package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartsCapabilitiesTest extends PartsAgentHttpTest {

    @Test
    void listsTheDiscoveredToolsAndTheAgentsOwnOperationsWithTheirSource() {
        assertCapabilities("parts-agent", "parts", Map.of(
                "mcp", List.of("search_parts", "check_part_availability", "get_part_details", "reserve_parts",
                        "release_reservation", "check_vehicle_compatibility"),
                "composite", List.of("get_alternative_parts"),
                "local", List.of("validate_part_number")));
    }

    @Test
    void declaresSideEffectsAndTheCompensationOfAReservation() {
        Map<String, JsonNode> ops = operations();
        assertSideEffectsOnlyOf(ops, "reserve_parts", "release_reservation");
        assertThat(ops.get("reserve_parts").path("compensation").asText()).isEqualTo("release_reservation");
        ops.forEach((name, op) -> {
            if (!op.path("side_effects").asBoolean()) {
                assertThat(op.path("compensation").isNull()).as("a read-only %s has no compensation", name).isTrue();
            }
        });
    }

    @Test
    void publishesTheDiscoveredSchemasTightenedWithTheAgentsChecks() {
        Map<String, JsonNode> ops = operations();
        JsonNode reserve = ops.get("reserve_parts").path("parameters");
        assertThat(reserve.path("required").toString()).contains("part_numbers", "repair_order_id")
                .doesNotContain("quantity_map");
        assertThat(reserve.at("/properties/part_numbers/items/pattern").asText()).isEqualTo(PartNumbers.PATTERN);
        assertThat(reserve.at("/properties/part_numbers/description").asText()).as("the server's description stays")
                .isNotEmpty();
        assertThat(reserve.at("/properties/repair_order_id/pattern").asText()).isEqualTo(PartsAgent.REPAIR_ORDER_PATTERN);
        assertThat(reserve.at("/properties/quantity_map/additionalProperties/minimum").asInt()).isEqualTo(1);
        assertThat(ops.get("get_part_details").at("/parameters/properties/part_number/pattern").asText())
                .isEqualTo(PartNumbers.PATTERN);
        assertThat(ops.get("check_vehicle_compatibility").at("/parameters/properties/vehicle_year/minimum").asInt())
                .isEqualTo(PartsAgent.OLDEST_MODEL_YEAR);
        assertThat(ops.get("get_alternative_parts").at("/parameters/required").toString()).contains("part_number");
        assertThat(ops.get("validate_part_number").at("/parameters/required").toString()).contains("part_number");
    }

    @Test
    void reportsTheMcpServerAndItsToolsInHealth() {
        Reply health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("service")).isEqualTo("parts-agent");
        assertThat(health.body().at("/dependencies/mcp/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/dependencies/mcp/tools").asInt()).isEqualTo(6);
    }
}

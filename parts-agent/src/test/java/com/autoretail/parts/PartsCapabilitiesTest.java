package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartsCapabilitiesTest extends PartsAgentHttpTest {

    @Test
    void listsTheDiscoveredToolsAndTheAgentsOwnOperationsWithTheirSource() {
        Reply capabilities = http.get("/capabilities");
        assertThat(capabilities.text("service_name")).isEqualTo("parts-agent");
        assertThat(capabilities.text("service_key")).isEqualTo("parts");
        Map<String, JsonNode> ops = operations();
        assertThat(ops.keySet()).containsExactlyInAnyOrder("search_parts", "check_part_availability",
                "get_part_details", "reserve_parts", "release_reservation", "check_vehicle_compatibility",
                "get_alternative_parts", "validate_part_number");
        ops.forEach((name, op) -> assertThat(op.path("source").asText()).as(name).isEqualTo(switch (name) {
            case "get_alternative_parts" -> "composite";
            case "validate_part_number" -> "local";
            default -> "mcp";
        }));
        assertThat(capabilities.body().path("mcp_tools").toString()).contains("search_parts", "check_part_availability",
                "get_part_details", "reserve_parts", "release_reservation", "check_vehicle_compatibility");
        assertThat(capabilities.body().path("mcp_tools")).hasSize(6);
    }

    @Test
    void declaresSideEffectsAndTheCompensationOfAReservation() {
        Map<String, JsonNode> ops = operations();
        assertThat(ops.get("reserve_parts").path("side_effects").asBoolean()).isTrue();
        assertThat(ops.get("reserve_parts").path("compensation").asText()).isEqualTo("release_reservation");
        assertThat(ops.get("release_reservation").path("side_effects").asBoolean()).isTrue();
        for (String readOnly : new String[] {"search_parts", "check_part_availability", "get_part_details",
                "check_vehicle_compatibility", "get_alternative_parts", "validate_part_number"}) {
            assertThat(ops.get(readOnly).path("side_effects").asBoolean()).as(readOnly).isFalse();
            assertThat(ops.get(readOnly).path("compensation").isNull()).as(readOnly).isTrue();
        }
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

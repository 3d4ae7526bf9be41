package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepairOrdersCapabilitiesTest extends RepairOrdersAgentHttpTest {

    @Test
    void listsEveryDiscoveredToolAndTheAgentsOwnOperations() {
        Reply capabilities = http.get("/capabilities");
        assertThat(capabilities.text("service_name")).isEqualTo("repair-orders-agent");
        assertThat(capabilities.text("service_key")).isEqualTo("repair_orders");
        Map<String, JsonNode> ops = operations();
        assertThat(ops.keySet()).containsExactlyInAnyOrder("create_repair_order", "update_repair_order_status",
                "get_repair_order_details", "assign_technician", "add_repair_notes", "add_part_to_repair_order",
                "list_repair_orders", "get_repair_history", "validate_repair_order_transition");
        ops.forEach((name, op) -> assertThat(op.path("source").asText()).as(name).isEqualTo(switch (name) {
            case "get_repair_history" -> "composite";
            case "validate_repair_order_transition" -> "local";
            default -> "mcp";
        }));
        assertThat(capabilities.body().path("mcp_tools")).hasSize(7);
    }

    @Test
    void declaresWhichOperationsChangeState() {
        Map<String, JsonNode> ops = operations();
        for (String changing : new String[] {"create_repair_order", "update_repair_order_status", "assign_technician",
                "add_repair_notes", "add_part_to_repair_order"}) {
            assertThat(ops.get(changing).path("side_effects").asBoolean()).as(changing).isTrue();
        }
        for (String readOnly : new String[] {"get_repair_order_details", "list_repair_orders", "get_repair_history",
                "validate_repair_order_transition"}) {
            assertThat(ops.get(readOnly).path("side_effects").asBoolean()).as(readOnly).isFalse();
        }
    }

    @Test
    void publishesTheStatusesAndTheRepairOrderNumberFormatInTheSchemas() {
        Map<String, JsonNode> ops = operations();
        JsonNode update = ops.get("update_repair_order_status").path("parameters");
        assertThat(update.path("required").toString()).contains("repair_order_id", "new_status");
        assertThat(update.at("/properties/new_status/enum")).hasSize(11);
        assertThat(update.at("/properties/new_status/description").asText()).as("the server's description stays")
                .isNotEmpty();
        assertThat(update.at("/properties/repair_order_id/pattern").asText())
                .isEqualTo(RepairOrdersAgent.REPAIR_ORDER_PATTERN);
        assertThat(ops.get("list_repair_orders").at("/parameters/properties/status/enum")).hasSize(11);
        assertThat(ops.get("validate_repair_order_transition").at("/parameters/required").toString())
                .isEqualTo("[\"new_status\"]");
    }
}

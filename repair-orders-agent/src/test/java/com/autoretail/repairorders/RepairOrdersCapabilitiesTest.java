package com.autoretail.repairorders;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepairOrdersCapabilitiesTest extends RepairOrdersAgentHttpTest {

    @Test
    void listsEveryDiscoveredToolAndTheAgentsOwnOperations() {
        assertCapabilities("repair-orders-agent", "repair_orders", Map.of(
                "mcp", List.of("create_repair_order", "update_repair_order_status", "get_repair_order_details",
                        "assign_technician", "add_repair_notes", "add_part_to_repair_order", "list_repair_orders"),
                "composite", List.of("get_repair_history"),
                "local", List.of("validate_repair_order_transition")));
    }

    @Test
    void declaresWhichOperationsChangeState() {
        assertSideEffectsOnlyOf(operations(), "create_repair_order", "update_repair_order_status",
                "assign_technician", "add_repair_notes", "add_part_to_repair_order");
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

    @Test
    void publishesTheTransitionMatrixWithTheStatusToMoveTo() {
        Map<String, JsonNode> ops = operations();
        for (String operation : List.of("update_repair_order_status", "validate_repair_order_transition")) {
            JsonNode matrix = ops.get(operation).at("/parameters/properties/new_status/x-transitions");

            assertThat(matrix.size()).as(operation).isEqualTo(StatusTransitions.STATUSES.size());
            assertThat(matrix.path("quality_check").toString()).as("the forward move first")
                    .isEqualTo("[\"customer_approval\",\"in_progress\"]");
            assertThat(matrix.path("closed")).as("a final status").isEmpty();
        }
    }
}

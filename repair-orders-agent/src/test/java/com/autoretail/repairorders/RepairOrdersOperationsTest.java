package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each MCP-backed operation's happy path over {@code /execute}, against the repair-orders stub. */
class RepairOrdersOperationsTest extends RepairOrdersAgentHttpTest {

    @Test
    void readsTheSeedsRepairOrder1234() {
        JsonNode order = assertSucceeded(execute("get_repair_order_details", "{\"repair_order_id\":\"1234\"}"), "mcp");
        assertThat(order.path("repair_order_id").asText()).isEqualTo("1234");
        assertThat(order.path("customer_id").asText()).isEqualTo("ambujmehra");
        assertThat(order.at("/vehicle/model").asText()).isEqualTo("Camry");
    }

    @Test
    void answersNotFoundForAnUnknownRepairOrder() {
        Reply reply = execute("get_repair_order_details", "{\"repair_order_id\":\"99999\"}");
        assertFailed(reply, 404, "NOT_FOUND");
    }

    @Test
    void createsARepairOrderAndMovesItThroughAllowedStatuses() {
        String repairOrderId = newRepairOrder();
        assertThat(details(repairOrderId).path("status").asText()).isEqualTo("pending");

        Reply scheduled = execute("update_repair_order_status",
                "{\"repair_order_id\":\"" + repairOrderId + "\",\"new_status\":\"scheduled\"}");
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.body().at("/result/previous_status").asText()).isEqualTo("pending");
        assertThat(scheduled.body().at("/result/status").asText()).isEqualTo("scheduled");
        assertThat(execute("update_repair_order_status",
                "{\"repair_order_id\":\"RO-" + repairOrderId + "\",\"new_status\":\"in_progress\"}").status())
                .as("RO-1234 names order 1234").isEqualTo(200);
        assertThat(details(repairOrderId).path("status").asText()).isEqualTo("in_progress");
    }

    @Test
    void assignsTechniciansAddsNotesAndRecordsParts() {
        String repairOrderId = newRepairOrder();
        Reply assigned = execute("assign_technician",
                "{\"repair_order_id\":\"" + repairOrderId + "\",\"technician_id\":\"TECH003\"}");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().at("/result/technician/technician_id").asText()).isEqualTo("TECH003");

        Reply noted = execute("add_repair_notes", "{\"repair_order_id\":\"" + repairOrderId + "\",\"note\":\"Pads at 2 mm\"}");
        assertThat(noted.status()).isEqualTo(200);
        assertThat(noted.body().at("/result/note/author").asText()).isEqualTo("ambujmehra");

        Reply part = execute("add_part_to_repair_order", "{\"repair_order_id\":\"" + repairOrderId
                + "\",\"part_number\":\"1234\",\"quantity\":1,\"reservation_id\":\"RES-000042\"}");
        assertThat(part.status()).isEqualTo(200);
        assertThat(part.body().at("/result/line/part_number").asText()).isEqualTo("1234");
    }

    @Test
    void listsRepairOrdersInAStatus() {
        Reply reply = execute("list_repair_orders", "{\"status\":\"closed\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/repair_orders").findValuesAsText("status")).isNotEmpty()
                .containsOnly("closed");
    }
}

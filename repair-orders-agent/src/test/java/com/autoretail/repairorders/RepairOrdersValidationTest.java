package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its field; no MCP call. */
class RepairOrdersValidationTest extends RepairOrdersAgentHttpTest {

    @BeforeEach
    void forgetCalls() {
        clearInvocations(agent);
    }

    private void assertRefused(Reply reply, String operation, String... fields) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).startsWith("Invalid parameters for " + operation);
        assertThat(reply.body().at("/result/errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        verify(agent, never()).callMcpTool(anyString(), any());
    }

    @Test
    void requiresEverythingANewRepairOrderNeeds() {
        assertRefused(execute("create_repair_order", "{}"), "create_repair_order",
                "customer_id", "vehicle_id", "service_description");
        assertRefused(execute("create_repair_order",
                        "{\"customer_id\":\"\",\"vehicle_id\":\"VEH001\",\"service_description\":\"Brakes\"}"),
                "create_repair_order", "customer_id");
    }

    @Test
    void refusesAnUnknownStatusOrAMalformedRepairOrderNumber() {
        assertRefused(execute("update_repair_order_status", "{\"repair_order_id\":\"1234\",\"new_status\":\"done\"}"),
                "update_repair_order_status", "new_status");
        assertRefused(execute("update_repair_order_status", "{\"repair_order_id\":\"R2D2\",\"new_status\":\"scheduled\"}"),
                "update_repair_order_status", "repair_order_id");
        assertRefused(execute("update_repair_order_status", "{\"repair_order_id\":\"1234\"}"),
                "update_repair_order_status", "new_status");
        assertRefused(execute("get_repair_order_details", "{\"repair_order_id\":\"12\"}"),
                "get_repair_order_details", "repair_order_id");
        assertRefused(execute("get_repair_history", "{}"), "get_repair_history", "repair_order_id");
        assertRefused(execute("list_repair_orders", "{\"status\":\"lost\"}"), "list_repair_orders", "status");
    }

    @Test
    void refusesIncompleteTechnicianNoteAndPartRequests() {
        assertRefused(execute("assign_technician", "{\"repair_order_id\":\"1234\"}"), "assign_technician", "technician_id");
        assertRefused(execute("add_repair_notes", "{\"repair_order_id\":\"1234\",\"note\":\"\"}"), "add_repair_notes", "note");
        assertRefused(execute("add_part_to_repair_order",
                        "{\"repair_order_id\":\"1234\",\"part_number\":\"12-34\",\"quantity\":0,\"unit_price\":0}"),
                "add_part_to_repair_order", "part_number", "quantity", "unit_price");
    }
}

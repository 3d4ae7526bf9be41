package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The transition matrix: checked by the agent before the repair-orders system is asked to change anything. */
class RepairOrderTransitionsTest extends RepairOrdersAgentHttpTest {

    @BeforeEach
    void forgetCalls() {
        clearInvocations(agent);
    }

    @Test
    void refusesAnInvalidTransitionWithTheAllowedOnesWithoutAskingTheServerToChangeIt() {
        String repairOrderId = newRepairOrder();
        JsonNode before = details(repairOrderId);
        clearInvocations(agent);

        Reply reply = execute("update_repair_order_status",
                "{\"repair_order_id\":\"" + repairOrderId + "\",\"new_status\":\"completed\"}");

        assertFailed(reply, 409, "CONFLICT");
        assertThat(reply.text("error")).contains("cannot move from pending to completed");
        assertThat(reply.body().at("/result/current_status").asText()).isEqualTo("pending");
        assertThat(reply.body().at("/result/requested_status").asText()).isEqualTo("completed");
        assertThat(reply.body().at("/result/allowed_transitions").toString()).isEqualTo("[\"scheduled\",\"cancelled\"]");
        verify(agent).callMcpTool(eq("get_repair_order_details"), anyMap());
        verify(agent, never()).callMcpTool(eq("update_repair_order_status"), anyMap());
        JsonNode after = details(repairOrderId);
        assertThat(after.path("status_history")).isEqualTo(before.path("status_history"));
        assertThat(after.path("updated_at")).isEqualTo(before.path("updated_at"));
    }

    @Test
    void refusesAnyMoveOfAClosedOrder() {
        Reply reply = execute("update_repair_order_status", "{\"repair_order_id\":\"1011\",\"new_status\":\"in_progress\"}");
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().at("/result/current_status").asText()).isEqualTo("closed");
        assertThat(reply.body().at("/result/allowed_transitions")).isEmpty();
        verify(agent, never()).callMcpTool(eq("update_repair_order_status"), anyMap());
    }

    @Test
    void validatesATransitionFromAGivenStatusLocally() {
        Reply valid = execute("validate_repair_order_transition",
                "{\"current_status\":\"quality_check\",\"new_status\":\"customer_approval\"}");
        assertSucceeded(valid, "local");
        assertThat(valid.body().at("/result/valid").asBoolean()).isTrue();
        assertThat(valid.body().at("/result/allowed_transitions").toString())
                .isEqualTo("[\"customer_approval\",\"in_progress\"]");

        Reply invalid = execute("validate_repair_order_transition",
                "{\"current_status\":\"completed\",\"new_status\":\"closed\"}");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body().at("/result/valid").asBoolean()).isFalse();
        assertThat(invalid.body().at("/result/allowed_transitions").toString()).isEqualTo("[\"invoiced\"]");
        verify(agent, never()).callMcpTool(eq("get_repair_order_details"), anyMap());
    }

    @Test
    void validatesATransitionOfAnOrderByReadingItsStatus() {
        Reply reply = execute("validate_repair_order_transition",
                "{\"repair_order_id\":\"1234\",\"new_status\":\"quality_check\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/current_status").asText()).isEqualTo("in_progress");
        assertThat(reply.body().at("/result/valid").asBoolean()).isTrue();
        assertThat(reply.body().at("/result/allowed_transitions").toString())
                .isEqualTo("[\"parts_ordered\",\"quality_check\",\"cancelled\"]");

        Reply unknown = execute("validate_repair_order_transition",
                "{\"repair_order_id\":\"99999\",\"new_status\":\"scheduled\"}");
        assertFailed(unknown, 404, "NOT_FOUND");
    }

    @Test
    void needsACurrentStatusOrARepairOrderToValidate() {
        Reply reply = execute("validate_repair_order_transition", "{\"new_status\":\"scheduled\"}");
        assertFailed(reply, 400, "VALIDATION_ERROR");
        assertThat(reply.body().at("/result/errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("current_status", "repair_order_id");

        Reply unknownStatus = execute("validate_repair_order_transition",
                "{\"current_status\":\"pending\",\"new_status\":\"teleported\"}");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.body().at("/result/errors/0/field").asText()).isEqualTo("new_status");
    }
}

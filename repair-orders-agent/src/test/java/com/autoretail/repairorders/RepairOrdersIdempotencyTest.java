package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes to a repair order are side effects: the same request_id twice changes it once. */
class RepairOrdersIdempotencyTest extends RepairOrdersAgentHttpTest {

    @Test
    void createsOneRepairOrderWhenTheSameRequestIsSentTwice() {
        String requestId = "wf_" + UUID.randomUUID() + ":create_ro_1";
        String parameters = "{\"customer_id\":\"CUST001\",\"vehicle_id\":\"VEH003\",\"service_description\":\"Oil change\"}";
        int before = execute("list_repair_orders", "{\"customer_id\":\"CUST001\"}").body().at("/result/count").asInt();

        Reply first = execute(requestId, "create_repair_order", parameters);
        Reply second = execute(requestId, "create_repair_order", parameters);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(second.body().at("/result/repair_order_id").asText())
                .isEqualTo(first.body().at("/result/repair_order_id").asText());
        assertThat(execute("list_repair_orders", "{\"customer_id\":\"CUST001\"}").body().at("/result/count").asInt())
                .isEqualTo(before + 1);
    }

    @Test
    void addsANoteOnceWhenTheSameRequestIsSentTwice() {
        String repairOrderId = newRepairOrder();
        String requestId = "wf_" + UUID.randomUUID() + ":note_1";
        String parameters = "{\"repair_order_id\":\"" + repairOrderId + "\",\"note\":\"Customer approved the quote\"}";

        execute(requestId, "add_repair_notes", parameters);
        Reply replayed = execute(requestId, "add_repair_notes", parameters);

        assertThat(replayed.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(details(repairOrderId).path("notes")).hasSize(1);
    }
}

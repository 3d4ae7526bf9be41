package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes to a repair order are side effects: the same request_id twice changes it once. */
class RepairOrdersIdempotencyTest extends RepairOrdersAgentHttpTest {

    @Test
    void createsOneRepairOrderWhenTheSameRequestIsSentTwice() {
        int before = repairOrderCount("CUST001");

        Reply first = executeTwice(stepRequestId("create_ro_1"), "create_repair_order",
                "{\"customer_id\":\"CUST001\",\"vehicle_id\":\"VEH003\",\"service_description\":\"Oil change\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/result/repair_order_id").asText()).isNotEmpty();
        assertThat(repairOrderCount("CUST001")).isEqualTo(before + 1);
    }

    @Test
    void addsANoteOnceWhenTheSameRequestIsSentTwice() {
        String repairOrderId = newRepairOrder();

        executeTwice(stepRequestId("note_1"), "add_repair_notes",
                "{\"repair_order_id\":\"" + repairOrderId + "\",\"note\":\"Customer approved the quote\"}");

        assertThat(details(repairOrderId).path("notes")).hasSize(1);
    }

    private int repairOrderCount(String customerId) {
        return execute("list_repair_orders", "{\"customer_id\":\"" + customerId + "\"}").body().at("/result/count")
                .asInt();
    }
}

package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code get_repair_history}: one chronological timeline out of the order's details. */
class RepairHistoryTest extends RepairOrdersAgentHttpTest {

    @Test
    void mergesStatusChangesNotesPartsTechniciansAndPaymentsIntoOneTimeline() {
        JsonNode history = assertSucceeded(execute("get_repair_history", "{\"repair_order_id\":\"1009\"}"),
                "composite");
        assertThat(history.path("status").asText()).isEqualTo("completed");
        JsonNode timeline = history.path("timeline");
        assertThat(timeline.findValuesAsText("type")).contains("status_change", "note", "part", "technician", "payment");
        assertThat(timeline.get(0).path("summary").asText()).isEqualTo("Opened as pending: Repair order opened");
        assertThat(timeline.size()).isEqualTo(history.at("/counts/status_changes").asInt()
                + history.at("/counts/notes").asInt() + history.at("/counts/parts").asInt()
                + history.at("/counts/technicians").asInt() + history.at("/counts/payments").asInt());

        List<Instant> dated = new ArrayList<>();
        boolean undatedSeen = false;
        for (JsonNode event : timeline) {
            if (event.path("at").isNull()) {
                undatedSeen = true;
            } else {
                assertThat(undatedSeen).as("dated events come first").isFalse();
                dated.add(Instant.parse(event.path("at").asText()));
            }
        }
        assertThat(dated).isSorted();
        assertThat(timeline.get(timeline.size() - 1).path("summary").asText()).contains("PAY-1009A1", "paid");
    }

    @Test
    void showsWhatHappenedToANewOrderInOrder() {
        String repairOrderId = newRepairOrder();
        execute("add_repair_notes", "{\"repair_order_id\":\"" + repairOrderId + "\",\"note\":\"Noise from the front left\"}");
        execute("update_repair_order_status", "{\"repair_order_id\":\"" + repairOrderId + "\",\"new_status\":\"scheduled\"}");

        JsonNode timeline = execute("get_repair_history", "{\"repair_order_id\":\"" + repairOrderId + "\"}")
                .body().at("/result/timeline");
        // the repair-orders system dates to the second, so these three may share one: only their set is certain
        assertThat(timeline.findValuesAsText("type")).containsExactlyInAnyOrder("status_change", "note", "status_change");
        assertThat(timeline.get(0).path("summary").asText()).startsWith("Opened as pending");
        assertThat(timeline.findValuesAsText("summary")).contains("Noise from the front left",
                "Status changed from pending to scheduled");
        assertThat(timeline.findValuesAsText("by")).containsOnly("ambujmehra");
        assertThat(timeline.findValuesAsText("at").stream().map(Instant::parse).toList()).isSorted();
    }

    @Test
    void answersNotFoundForAnUnknownOrder() {
        assertFailed(execute("get_repair_history", "{\"repair_order_id\":\"99999\"}"), 404, "NOT_FOUND");
    }
}

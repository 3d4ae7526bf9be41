package com.autoretail.orchestrator.planning.llm;

import com.autoretail.orchestrator.testsupport.Catalogs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quotesTheTransitionMatrixTheRepairOrdersAgentPublishesAsData() throws Exception {
        JsonNode summary = JSON.readTree(CapabilitiesSummary.of(Catalogs.all()));

        JsonNode update = operation(summary, "repair_orders", "update_repair_order_status");
        JsonNode published = JSON.valueToTree(Catalogs.all().operation("repair_orders", "update_repair_order_status")
                .orElseThrow().parameters()).at("/properties/new_status/x-transitions");
        assertThat(published.isObject()).isTrue();
        assertThat(update.at("/transitions/new_status")).isEqualTo(published);
        assertThat(operation(summary, "parts", "reserve_parts").has("transitions")).isFalse();
    }

    private static JsonNode operation(JsonNode summary, String service, String name) {
        for (JsonNode entry : summary.get("services")) {
            if (entry.get("service_name").asText().equals(service)) {
                for (JsonNode operation : entry.get("operations")) {
                    if (operation.get("operation").asText().equals(name)) {
                        return operation;
                    }
                }
            }
        }
        throw new AssertionError("no " + service + "." + name + " in the summary");
    }
}

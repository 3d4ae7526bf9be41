package com.autoretail.payment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentCapabilitiesTest extends PaymentAgentHttpTest {

    @Test
    void listsTheDiscoveredToolsWithTheSimulationHookAndTheLocalValidation() {
        Map<String, JsonNode> ops = assertCapabilities("payment-agent", "payment", Map.of(
                "mcp", List.of("create_payment_link", "check_payment_status", "process_refund",
                        "send_payment_notification", "get_payment_methods", "cancel_payment_link", "simulate_payment"),
                "local", List.of("validate_payment_data")));
        assertThat(ops.get("simulate_payment").path("description").asText()).contains("SIMULATION HOOK");
    }

    @Test
    void declaresSideEffectsAndTheCompensationOfAPaymentLink() {
        Map<String, JsonNode> ops = operations();
        assertSideEffectsOnlyOf(ops, "create_payment_link", "process_refund", "send_payment_notification",
                "cancel_payment_link", "simulate_payment");
        assertThat(ops.get("create_payment_link").path("compensation").asText()).isEqualTo("cancel_payment_link");
    }

    @Test
    void publishesTheDiscoveredSchemasTightenedWithTheAgentsChecks() {
        JsonNode create = operations().get("create_payment_link").path("parameters");
        assertThat(create.path("required").toString()).contains("repair_order_id", "amount", "customer_email")
                .doesNotContain("currency");
        assertThat(create.at("/properties/amount/exclusiveMinimum").asInt()).isZero();
        assertThat(create.at("/properties/currency/pattern").asText()).isEqualTo("^[A-Z]{3}$");
        assertThat(create.at("/properties/customer_email/format").asText()).isEqualTo("email");
        assertThat(create.at("/properties/repair_order_id/pattern").asText())
                .isEqualTo(PaymentRules.REPAIR_ORDER_PATTERN);
        assertThat(create.at("/properties/amount/description").asText()).as("the server's description stays")
                .isNotEmpty();
        Map<String, JsonNode> ops = operations();
        assertThat(ops.get("process_refund").at("/parameters/properties/reason_code/enum")).hasSize(7);
        assertThat(ops.get("send_payment_notification").at("/parameters/properties/channel/enum").toString())
                .isEqualTo("[\"email\",\"sms\"]");
    }
}

package com.autoretail.orchestrator.fleet;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture document's example request against the real agents and MCP stubs, with the built-in rule
 * planner: 4/4 steps, the summary, and the side effects really made in the dealer systems; and plans made with what
 * the real agents publish (the transition matrix) and accept (dashed part numbers).
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedExampleEndToEndTest {

    static final String SEED_REQUEST = "Add part number 1234 to RO number 1234, and send payment link of 100$ to "
            + "ambujmehra16@gmail.com";

    static final InProcessFleet fleet = new InProcessFleet();

    @DynamicPropertySource
    static void fleetUrls(DynamicPropertyRegistry registry) {
        registry.add("orchestrator.services.[payment].urls", () -> fleet.payment);
        registry.add("orchestrator.services.[parts].urls", () -> fleet.parts);
        registry.add("orchestrator.services.[repair_orders].urls", () -> fleet.repairOrders);
        registry.add("orchestrator.services.[inventory].urls", () -> "http://localhost:1");
        registry.add("orchestrator.services.[sales].urls", () -> "http://localhost:1");
        registry.add("orchestrator.discovery-interval", () -> "3600");
        registry.add("spring.ai.mcp.server.enabled", () -> "false");
        registry.add("server.shutdown", () -> "immediate");
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ServiceRegistry registry;

    @Test
    void seedRequestCompletesFourOfFourAgainstTheRealFleet() {
        registry.refresh();
        HttpJson orchestrator = new HttpJson("http://localhost:" + port);
        HttpJson parts = new HttpJson(fleet.parts);
        int stockBefore = parts.post("/execute", "{\"operation\":\"check_part_availability\","
                + "\"parameters\":{\"part_number\":\"1234\"}}").body().at("/result/stock").asInt();

        Reply reply = orchestrator.post("/orchestrate", "{\"request_id\":\"e2e-seed-1\",\"user_request\":\""
                + SEED_REQUEST + "\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).as(reply.text("final_result")).isTrue();
        assertThat(reply.body().at("/execution_results/completed").asInt()).isEqualTo(4);
        assertThat(reply.text("final_result")).contains("🚗 AUTOMOTIVE SERVICE EXECUTION SUMMARY",
                "📊 Progress: 4/4 steps completed", "✅ reserve_part_1: parts.reserve_parts",
                "✅ create_payment_1: payment.create_payment_link");
        assertThat(reply.body().at("/execution_results/steps/validate_part_1/result/name").asText())
                .isEqualTo("Brake Pad Set");
        int stockAfter = parts.post("/execute", "{\"operation\":\"check_part_availability\","
                + "\"parameters\":{\"part_number\":\"1234\"}}").body().at("/result/stock").asInt();
        assertThat(stockAfter).isEqualTo(stockBefore - 1);
        String paymentId = reply.body().at("/execution_results/steps/create_payment_1/result/payment_id").asText();
        Reply status = new HttpJson(fleet.payment).post("/execute", "{\"operation\":\"check_payment_status\","
                + "\"parameters\":{\"payment_id\":\"" + paymentId + "\"}}");
        assertThat(status.body().at("/result/invoice_number").asText()).isEqualTo("1234");
        assertThat(status.body().at("/result/amount").asDouble()).isEqualTo(100.0);
    }

    @Test
    void plansWithWhatTheRealAgentsPublishAndAccept() {
        registry.refresh();
        HttpJson orchestrator = new HttpJson("http://localhost:" + port);

        // The status after quality check comes from the matrix the repair-orders agent publishes in /capabilities.
        Reply passed = orchestrator.post("/plan", "{\"user_request\":\"RO 1017 passed quality check\"}");
        // A part number with dashes is carried as written and passes the parts agent's own schema.
        Reply dashed = orchestrator.post("/plan", "{\"user_request\":\"add 2x part BRK-2201 to RO 1234\"}");

        assertThat(passed.status()).as(passed.body().toString()).isEqualTo(200);
        assertThat(passed.body().at("/workflow_plan/execution_steps/2/parameters/new_status").asText())
                .isEqualTo("customer_approval");
        assertThat(dashed.status()).as(dashed.body().toString()).isEqualTo(200);
        assertThat(dashed.body().at("/workflow_plan/execution_steps/2/parameters/part_numbers/0").asText())
                .isEqualTo("BRK-2201");
    }
}

package com.autoretail.orchestrator.api;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.autoretail.orchestrator.api.WireMockFleet.execute;
import static com.autoretail.orchestrator.api.WireMockFleet.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The orchestrator's endpoints over HTTP, with the rule planner and WireMock playing the agents. */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrchestratorApiTest {

    static final String SEED_REQUEST = "Add part number 1234 to RO number 1234, and send payment link of 100$ to "
            + "ambujmehra16@gmail.com";

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void fleetUrls(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        registry.add("agent.callback.allowed-hosts", () -> "localhost");
        registry.add("resilience4j.retry.instances.agent-callback.wait-duration", () -> "50ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    HttpJson http;

    @BeforeEach
    void setUp() {
        http = new HttpJson("http://localhost:" + port);
    }

    private Reply orchestrate(String json) {
        return http.post("/orchestrate", json);
    }

    @Test
    void seedRequestRunsTheSeedPlanToAFullSummary() {
        Reply reply = orchestrate("{\"request_id\":\"api-seed-1\",\"user_request\":\"" + SEED_REQUEST + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("request_id").asText()).isEqualTo("api-seed-1");
        assertThat(body.path("planner").asText()).isEqualTo("rules");
        List<String> operations = new ArrayList<>();
        body.at("/workflow_plan/execution_steps").forEach(step ->
                operations.add(step.path("service_name").asText() + "." + step.path("operation").asText()));
        assertThat(operations).containsExactly("repair_orders.get_repair_order_details", "parts.get_part_details",
                "parts.reserve_parts", "payment.create_payment_link");
        assertThat(body.at("/execution_results/completed").asInt()).isEqualTo(4);
        assertThat(body.at("/execution_results/total").asInt()).isEqualTo(4);
        assertThat(body.at("/execution_results/steps/reserve_part_1/status").asText()).isEqualTo("completed");
        assertThat(body.at("/execution_results/steps/validate_ro_1/attempts").asInt()).isEqualTo(1);
        String summary = body.path("final_result").asText();
        assertThat(summary).contains("🚗 AUTOMOTIVE SERVICE EXECUTION SUMMARY", "📋 Request: " + SEED_REQUEST,
                "📊 Progress: 4/4 steps completed", "✅ validate_ro_1: repair_orders.get_repair_order_details",
                "✅ create_payment_1: payment.create_payment_link", "🔒 VALIDATION SUMMARY:");
        fleet.server.verify(postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("api-seed-1:create_payment_1")))
                .withRequestBody(matchingJsonPath("$.parameters.customer_email", equalTo("ambujmehra16@gmail.com")))
                .withRequestBody(matchingJsonPath("$.context.tenant_id", equalTo("TENANT_AUTOMOTIVE_RETAIL"))));
    }

    @Test
    void sameRequestIdReplaysTheAnswerWithoutCallingTheAgentsAgain() {
        String body = "{\"request_id\":\"api-replay-1\",\"user_request\":\"" + SEED_REQUEST + "\"}";
        Reply first = orchestrate(body);
        int calls = fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute"))).size();

        Reply second = orchestrate(body);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("final_result")).isEqualTo(first.body().path("final_result"));
        assertThat(fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute")))).hasSize(calls);
    }

    @Test
    void aRequestIdSentAgainWithAnotherRequestIsRefusedAndRunsNothing() {
        orchestrate("{\"request_id\":\"api-reuse-1\",\"user_request\":\"" + SEED_REQUEST + "\"}");
        int calls = fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute"))).size();

        Reply other = orchestrate("{\"request_id\":\"api-reuse-1\",\"user_request\":\"Show RO 1001\"}");
        Reply async = http.post("/orchestrate-async",
                "{\"request_id\":\"api-reuse-1\",\"user_request\":\"Show RO 1002\"}");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text("error_code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(async.status()).isEqualTo(422);
        assertThat(fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute")))).hasSize(calls);
    }

    @Test
    void ofSimultaneousSubmissionsOfOneRequestIdOnlyOneRuns() throws Exception {
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(okJson(ok(
                "{\"payment_id\":\"PAY-1\"}")).withFixedDelay(400)));
        String body = "{\"request_id\":\"api-race-1\",\"user_request\":\"" + SEED_REQUEST + "\"}";
        List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                replies.add(threads.submit(() -> orchestrate(body)));
            }
        }

        List<Integer> statuses = new ArrayList<>();
        for (var reply : replies) {
            statuses.add(reply.get().status());
            if (reply.get().status() == 409) {
                // the first still runs: a retry later gets its answer
                assertThat(reply.get().text("error_code")).isEqualTo("IN_PROGRESS");
                assertThat(reply.get().text("detail")).contains("/workflow/api-race-1");
            }
        }
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("api-race-1:create_payment_1"))));
    }

    @Test
    void failedStepAbortsCompensatesAndReportsIt() {
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(okJson(
                "{\"request_id\":\"x\",\"success\":false,\"error\":\"customer_email: not an email\","
                        + "\"error_code\":\"VALIDATION_ERROR\",\"execution_time\":0.01,\"metadata\":{}}").withStatus(400)));
        fleet.server.stubFor(execute("parts", "release_reservation").willReturn(okJson(ok("{\"released\":true}"))));
        double compensatedBefore = outcomes("compensated");
        double failedBefore = outcomes("failed");

        Reply reply = orchestrate("{\"user_request\":\"" + SEED_REQUEST + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).isFalse();
        assertThat(reply.body().at("/execution_results/aborted").asBoolean()).isTrue();
        assertThat(reply.body().at("/execution_results/failed_steps/0").asText()).isEqualTo("create_payment_1");
        assertThat(reply.text("final_result")).contains("❌ create_payment_1", "Error: VALIDATION_ERROR");
        if (reply.body().at("/execution_results/steps/reserve_part_1/status").asText().equals("compensated")) {
            fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/parts/execute"))
                    .withRequestBody(matchingJsonPath("$.parameters.reservation_id", equalTo("RES-000001"))));
            // a failed workflow whose side effects were undone counts as compensated
            assertThat(outcomes("compensated") - compensatedBefore).isEqualTo(1.0);
        } else {
            assertThat(reply.body().at("/execution_results/steps/reserve_part_1/status").asText()).isEqualTo("not_run");
            assertThat(outcomes("failed") - failedBefore).isEqualTo(1.0);
        }
    }

    private double outcomes(String status) {
        var counter = meters.find("workflow.outcomes").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void planEndpointPlansWithoutRunningAnything() {
        Reply reply = http.post("/plan", "{\"user_request\":\"" + SEED_REQUEST + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("planner")).isEqualTo("rules");
        assertThat(reply.body().at("/workflow_plan/execution_steps").size()).isEqualTo(4);
        assertThat(fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute")))).isEmpty();
    }

    @Test
    void executePlanRunsACallersPlan() {
        String plan = "{\"request_id\":\"api-plan-1\",\"workflow_plan\":{\"plan_id\":\"mine\",\"execution_steps\":["
                + "{\"step_id\":\"ro\",\"service_name\":\"repair_orders\",\"operation\":\"get_repair_order_details\","
                + "\"parameters\":{\"repair_order_id\":\"1234\"},\"failure_handling\":\"abort\"},"
                + "{\"step_id\":\"pay\",\"service_name\":\"payment\",\"operation\":\"create_payment_link\","
                + "\"parameters\":{\"repair_order_id\":\"${steps.ro.result.repair_order_id}\",\"amount\":50,"
                + "\"customer_email\":\"jane.doe@gmail.com\"},\"dependencies\":[\"ro\"]}]}}";

        Reply reply = http.post("/execute-plan", plan);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().at("/execution_results/completed").asInt()).isEqualTo(2);
        assertThat(reply.body().path("planner").isNull()).as("no planner made the caller's plan").isTrue();
        fleet.server.verify(postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.parameters.repair_order_id", equalTo("1234"))));
    }

    @Test
    void executePlanRefusesACycleNamingTheSteps() {
        String plan = "{\"workflow_plan\":{\"plan_id\":\"loop\",\"execution_steps\":["
                + "{\"step_id\":\"a\",\"service_name\":\"parts\",\"operation\":\"get_part_details\","
                + "\"parameters\":{\"part_number\":\"1234\"},\"dependencies\":[\"b\"]},"
                + "{\"step_id\":\"b\",\"service_name\":\"parts\",\"operation\":\"get_part_details\","
                + "\"parameters\":{\"part_number\":\"1234\"},\"dependencies\":[\"a\"]}]}}";

        Reply reply = http.post("/execute-plan", plan);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("errors").toString()).contains("cycle");
        assertThat(fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute")))).isEmpty();
    }

    @Test
    void badRequestsAreRefusedWithProblems() {
        Reply empty = orchestrate("{\"user_request\":\"  \"}");
        Reply malformed = orchestrate("{\"user_request\": ");
        Reply badId = orchestrate("{\"request_id\":\"a b/c\",\"user_request\":\"" + SEED_REQUEST + "\"}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("detail")).contains("user_request");
        assertThat(empty.text("request_id")).isNotBlank();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.text("detail")).contains("request_id");
    }

    @Test
    void unintelligibleRequestIs422SayingWhatWasUnderstood() {
        Reply reply = orchestrate("{\"user_request\":\"sing me a song about the sea\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().path("errors").isArray()).isTrue();
        assertThat(reply.body().path("errors").size()).isPositive();
    }

    @Test
    void asyncWorkflowGoesThroughEveryStageAndCallsBack() {
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok(
                "{\"reservation_id\":\"RES-000002\"}")).withFixedDelay(700)));
        fleet.server.stubFor(post("/callbacks/done").willReturn(okJson("{}")));
        String callback = fleet.server.baseUrl() + "/callbacks/done";

        Reply accepted = http.post("/orchestrate-async", "{\"request_id\":\"api-async-1\",\"user_request\":\""
                + SEED_REQUEST + "\",\"callback_url\":\"" + callback + "\"}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status_url")).isEqualTo("/workflow/api-async-1");
        List<String> stages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Reply status = http.get("/workflow/api-async-1");
            String stage = status.text("status");
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                stages.add(stage);
            }
            if ("executing".equals(stage) && status.body().at("/execution_results/completed").asInt() > 0) {
                stages.add("executing-with-progress");
            }
            return "completed".equals(stage);
        });
        assertThat(stages).contains("executing", "executing-with-progress", "completed");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> fleet.server.verify(exactly(1),
                postRequestedFor(urlEqualTo("/callbacks/done"))
                        .withRequestBody(matchingJsonPath("$.request_id", equalTo("api-async-1")))
                        .withRequestBody(matchingJsonPath("$.success", equalTo("true")))));
    }

    @Test
    void callbackToAHostOffTheAllowListIsRefused() {
        Reply reply = http.post("/orchestrate-async", "{\"user_request\":\"" + SEED_REQUEST
                + "\",\"callback_url\":\"http://169.254.169.254/latest/meta-data\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("detail")).contains("callback_url", "allow-list");
    }

    @Test
    void terminalsGetThePlainSummary() {
        Reply reply = http.send(http.request("/orchestrate").header("Content-Type", "application/json")
                .header("Accept", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"request_id\":\"api-text-1\",\"user_request\":\"" + SEED_REQUEST + "\"}")));
        Reply refused = http.send(http.request("/orchestrate").header("Content-Type", "application/json")
                .header("Accept", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"user_request\":\"\"}")));
        Reply status = http.send(http.request("/workflow/api-text-1").header("Accept", "text/plain").GET());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.body().asText()).startsWith("🚗 AUTOMOTIVE SERVICE EXECUTION SUMMARY");
        assertThat(status.body().asText()).contains("Progress: 4/4 steps completed");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("user_request");
    }

    @Test
    void unknownWorkflowIs404() {
        Reply reply = http.get("/workflow/nope-123");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthAndServicesShowTheFleet() {
        Reply health = http.get("/health");
        Reply services = http.get("/services");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("planner")).isEqualTo("rules");
        assertThat(health.body().at("/workflow_store/type").asText()).isEqualTo("memory");
        assertThat(health.body().at("/workflow_store/durable").asBoolean()).isFalse();
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().at("/services/repair_orders/status").asText()).isEqualTo("healthy");
        assertThat(health.body().at("/services/parts/instances/0/last_checked").asText()).isNotBlank();
        assertThat(services.body().at("/parts/0/capabilities/operations").size()).isPositive();
    }

    @Test
    void metricsCountWorkflows() {
        orchestrate("{\"user_request\":\"" + SEED_REQUEST + "\"}");

        Reply metric = http.get("/actuator/metrics/workflow.outcomes");

        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.body().toString()).contains("status");
        assertThat(metric.body().at("/measurements/0/value").asDouble()).isPositive();
        Reply breakers = http.get("/actuator/metrics/resilience4j.circuitbreaker.state");
        assertThat(breakers.status()).isEqualTo(200);
        assertThat(breakers.body().toString()).as(breakers.body().toString()).contains("repair_orders");
    }
}

package com.autoretail.orchestrator.api;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An approval nobody gives in time: the workflow ends failed with nothing that waited run, and the caller is told. */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalExpiryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void fleetUrls(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        registry.add("agent.callback.allowed-hosts", () -> "localhost");
        registry.add("orchestrator.policy.approval.timeout", () -> "2s");
        registry.add("orchestrator.workflows.recovery-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Test
    void anExpiredApprovalEndsTheWorkflowFailedRunsNothingAndCallsBack() throws Exception {
        HttpJson http = new HttpJson("http://localhost:" + port);
        fleet.server.stubFor(post("/callbacks/approval").willReturn(okJson("{}")));
        String callback = fleet.server.baseUrl() + "/callbacks/approval";

        Reply accepted = http.post("/orchestrate-async", "{\"request_id\": \"expiring-1\", \"user_request\": \"Add "
                + "part number 1234 to RO number 1234, and send payment link of 900$ to ambujmehra16@gmail.com\", "
                + "\"callback_url\": \"" + callback + "\"}");
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls().size() >= 1);
        JsonNode told = calls().getFirst();
        assertThat(told.path("status").asText()).as("the caller learns that it waits").isEqualTo("awaiting_approval");
        assertThat(told.at("/approval/steps/1/rules/0").asText()).isEqualTo("payment_link_above_500");

        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/workflow/expiring-1").text("status")
                .equals("failed"));
        Reply ended = http.get("/workflow/expiring-1");
        assertThat(ended.text("error")).contains("the approval expired");
        assertThat(ended.body().at("/approval/state").asText()).isEqualTo("expired");
        assertThat(ended.body().at("/approval/audit/0/by").asText()).isEqualTo("system");
        assertThat(ended.body().at("/execution_results/steps/create_payment_1/status").asText()).isEqualTo("not_run");
        assertThat(ended.body().at("/execution_results/steps/validate_ro_1/status").asText()).isEqualTo("completed");
        assertThat(ended.text("final_result")).contains("APPROVAL EXPIRED");
        await().atMost(Duration.ofSeconds(10)).until(() -> calls().size() >= 2);
        assertThat(calls().get(1).path("status").asText()).isEqualTo("failed");
        assertThat(calls().get(1).at("/approval/state").asText()).isEqualTo("expired");

        assertThat(http.post("/workflow/expiring-1/approve", "{\"comment\": \"too late\"}").status()).isEqualTo(409);
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/payment/execute")));
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("reserve_parts"))));
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    private static List<JsonNode> calls() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : fleet.server.findAll(postRequestedFor(urlEqualTo("/callbacks/approval")))) {
            bodies.add(MAPPER.readTree(request.getBodyAsString()));
        }
        return bodies;
    }
}

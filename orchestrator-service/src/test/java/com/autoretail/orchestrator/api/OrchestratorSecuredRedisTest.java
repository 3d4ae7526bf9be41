package com.autoretail.orchestrator.api;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.workflow.Submission;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import com.autoretail.orchestrator.workflow.WorkflowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An orchestrator with its own API key, the agents' key, and its workflows in Redis; and what it answers when
 * no agent is healthy.
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrchestratorSecuredRedisTest {

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        registry.add("agent.security.keys.back-office.key", () -> "orchestrator-key");
        registry.add("orchestrator.api-keys.sent-to-agents", () -> "agents-key");
        // as AGENT_API_KEY sets it in every service of the fleet: the agents' key opens no back-office endpoint here
        registry.add("agent.security.keys.service.key", () -> "agents-key");
        registry.add("agent.security.keys.desk.key", () -> "viewer-key");
        registry.add("agent.security.keys.desk.roles", () -> "viewer");
        registry.add("agent.security.keys.ops.key", () -> "operator-key");
        registry.add("agent.security.keys.ops.roles", () -> "operator");
        registry.add("agent.security.keys.manager.key", () -> "approver-key");
        registry.add("agent.security.keys.manager.roles", () -> "approver");
        registry.add("orchestrator.workflows.store", () -> "redis");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("orchestrator.workflows.lease", () -> "1s");
        registry.add("orchestrator.workflows.recovery-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    ServiceRegistry registry;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    WorkflowStore journal;

    private HttpJson client(String key) {
        return new HttpJson("http://localhost:" + port, key == null ? Map.of() : Map.of("X-API-Key", key));
    }

    @Test
    void endpointsButHealthNeedTheOrchestratorsKey() {
        assertThat(client(null).post("/orchestrate", "{\"user_request\":\"get RO 1234\"}").status()).isEqualTo(401);
        assertThat(client("wrong-key").get("/services").status()).isEqualTo(401);
        assertThat(client("agents-key").get("/services").status()).isEqualTo(403);
        assertThat(client(null).get("/health").status()).isEqualTo(200);
        assertThat(client(null).get("/health").text("security")).isEqualTo("api-keys");
        assertThat(client("orchestrator-key").get("/services").status()).isEqualTo(200);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> roles() {
        String start = "{\"user_request\":\"\"}";  // refused as malformed when let through: nothing starts
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "GET", "/services", "", 200),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "GET", "/workflow/nobody", "", 404),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "GET", "/workflow/nobody/events", "", 404),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "POST", "/plan", start, 400),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "POST", "/orchestrate", start, 403),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "POST", "/orchestrate-async", start, 403),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "POST", "/execute-plan", start, 403),
                org.junit.jupiter.params.provider.Arguments.of("viewer-key", "POST", "/workflow/wf-1/approve", "{}", 403),
                org.junit.jupiter.params.provider.Arguments.of("operator-key", "POST", "/orchestrate", start, 400),
                org.junit.jupiter.params.provider.Arguments.of("operator-key", "POST", "/workflow/wf-1/reject", "{}", 403),
                org.junit.jupiter.params.provider.Arguments.of("approver-key", "GET", "/workflow/nobody", "", 404),
                org.junit.jupiter.params.provider.Arguments.of("approver-key", "POST", "/orchestrate", start, 403),
                org.junit.jupiter.params.provider.Arguments.of("agents-key", "POST", "/plan", start, 403),
                org.junit.jupiter.params.provider.Arguments.of("agents-key", "GET", "/workflow/nobody", "", 403),
                org.junit.jupiter.params.provider.Arguments.of("agents-key", "GET", "/workflow/nobody/events", "", 403),
                org.junit.jupiter.params.provider.Arguments.of("orchestrator-key", "POST", "/execute-plan", start, 400));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} {2}: {4}")
    @org.junit.jupiter.params.provider.MethodSource
    void roles(String key, String method, String path, String body, int status) {
        Reply reply = method.equals("GET") ? client(key).get(path) : client(key).post(path, body);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        if (status == 403) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.text("detail")).contains("may not call " + method + " " + path, "needs the role");
        }
    }

    @Test
    void agentsAreCalledWithTheAgentsKeyAndWorkflowsAreKeptInRedis() {
        String id = "redis-wf-" + java.util.UUID.randomUUID();
        Reply reply = client("orchestrator-key").post("/orchestrate",
                "{\"request_id\":\"" + id + "\",\"user_request\":\"" + OrchestratorApiTest.SEED_REQUEST + "\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().at("/workflow_plan/execution_steps/0/operation").asText())
                .as(reply.body().path("workflow_plan").toString()).isEqualTo("get_repair_order_details");
        fleet.server.verify(getRequestedFor(urlEqualTo("/repair_orders/capabilities"))
                .withHeader("X-API-Key", equalTo("agents-key")));
        fleet.server.verify(postRequestedFor(urlEqualTo("/repair_orders/execute"))
                .withHeader("X-API-Key", equalTo("agents-key")));
        String key = "orchestrator:journal:workflow:" + id;
        assertThat((String) redis.opsForHash().get(key, "status")).contains("\"status\":\"completed\"");
        assertThat(redis.getExpire(key)).isPositive();
        assertThat(redis.opsForZSet().score("orchestrator:journal:leases", id)).as("no lease once finished").isNull();
        Reply status = client("orchestrator-key").get("/workflow/" + id);
        assertThat(status.text("status")).isEqualTo("completed");
        EventStreamClient.Stream events = new EventStreamClient("http://localhost:" + port).readToEnd(
                "/workflow/" + id + "/events", Map.of("X-API-Key", "viewer-key"), Duration.ofSeconds(10));
        assertThat(events.types()).hasSize(10).startsWith("workflow_planned").endsWith("workflow_ended");
        assertThat(events.frames.getLast().data().at("/payload/status").asText()).isEqualTo("completed");
        String eventsKey = "orchestrator:journal:events:" + id;
        assertThat(redis.opsForStream().size(eventsKey)).isEqualTo(10);
        assertThat(redis.getExpire(eventsKey)).isPositive();
        assertThat(new EventStreamClient("http://localhost:" + port).open("/workflow/" + id + "/events",
                Map.of()).status).isEqualTo(401);
        redis.delete(List.of(key, eventsKey));
    }

    @Test
    void aWorkflowWhoseOrchestratorStoppedIsTakenOverAndFinished() {
        String id = "orphan-" + java.util.UUID.randomUUID();
        Submission submission = new Submission(Submission.Kind.ORCHESTRATE, OrchestratorApiTest.SEED_REQUEST, null,
                Map.of(), null, null);
        WorkflowStatus planning = new WorkflowStatus(id, WorkflowStatus.Stage.PLANNING,
                OrchestratorApiTest.SEED_REQUEST, null, null, null, null, null, 0.0, Instant.now().plusSeconds(600),
                Instant.now());
        WorkflowStore.Claim claim = journal.claim(new WorkflowStore.Entry(planning, submission,
                submission.fingerprint()), "a-stopped-orchestrator", Duration.ofMillis(300));
        WorkflowStore.Lease stopped = ((WorkflowStore.Claimed) claim).lease();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client("orchestrator-key").get("/workflow/" + id).text("status")).isEqualTo("completed"));
        assertThat(journal.write(stopped, planning, Duration.ofSeconds(30)))
                .as("the stopped owner, waking up, writes nothing").isFalse();
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo(id + ":create_payment_1"))));
        assertThat(client(null).get("/health").body().at("/workflow_store/durable").asBoolean()).isTrue();
    }

    @Test
    void noHealthyAgentAnswers503() {
        for (String service : WireMockFleet.SERVICES) {
            fleet.server.stubFor(get("/" + service + "/health").willReturn(aResponse().withStatus(503)));
        }
        registry.refresh();

        Reply reply = client("orchestrator-key").post("/orchestrate", "{\"user_request\":\"get RO 1234\"}");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("detail")).contains("No agent is healthy");
        assertThat(client(null).get("/health").text("status")).isEqualTo("DOWN");
        assertThat(fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute")))).isEmpty();
    }
}

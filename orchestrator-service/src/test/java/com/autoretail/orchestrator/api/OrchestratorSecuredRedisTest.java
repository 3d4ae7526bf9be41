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
        registry.add("orchestrator.api-keys.accepted", () -> "orchestrator-key");
        registry.add("orchestrator.api-keys.sent-to-agents", () -> "agents-key");
        // as AGENT_API_KEY sets it in every service of the fleet: the agents' key opens nothing here
        registry.add("agent.accepted-api-key", () -> "agents-key");
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
        assertThat(client("agents-key").get("/services").status()).isEqualTo(401);
        assertThat(client(null).get("/health").status()).isEqualTo(200);
        assertThat(client("orchestrator-key").get("/services").status()).isEqualTo(200);
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
        redis.delete(key);
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

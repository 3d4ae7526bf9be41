package com.autoretail.orchestrator.api;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web console reads, on an orchestrator with API keys: its page is public while every API call needs a key;
 * {@code /whoami} names the caller and its roles; {@code /workflows} lists the caller's own workflows (all of them for
 * the back office's readers), newest first; {@code /health} gives each service's breaker state.
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTest {

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        registry.add("agent.security.keys.ops.key", () -> "ops-key");
        registry.add("agent.security.keys.ops.roles", () -> "operator");
        registry.add("agent.security.keys.integration.key", () -> "integration-key");
        registry.add("agent.security.keys.integration.roles", () -> "operator");
        registry.add("agent.security.keys.desk.key", () -> "viewer-key");
        registry.add("agent.security.keys.desk.roles", () -> "viewer");
    }

    @LocalServerPort
    int port;

    private HttpJson client(String key) {
        return new HttpJson("http://localhost:" + port, key == null ? Map.of() : Map.of("X-API-Key", key));
    }

    @Test
    void theConsolePageIsPublicWhileItsApiCallsNeedAKey() {
        Reply page = client(null).get("/console/");
        Reply script = client(null).get("/console/console.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asText()).contains("AutoRetail console");
        assertThat(script.status()).isEqualTo(200);
        assertThat(client(null).get("/console").status()).as("a redirect to /console/").isEqualTo(302);
        assertThat(client(null).get("/workflows").status()).isEqualTo(401);
        assertThat(client(null).get("/whoami").status()).isEqualTo(401);
        assertThat(client(null).get("/console/no-such-file.js").status()).isEqualTo(404);
    }

    @Test
    void whoamiNamesTheCallerAndItsRoles() {
        Reply me = client("viewer-key").get("/whoami");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("name")).isEqualTo("desk");
        assertThat(me.body().path("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(me.text("security")).isEqualTo("api-keys");
        assertThat(client("wrong-key").get("/whoami").status()).isEqualTo(401);
    }

    @Test
    void recentWorkflowsAreTheCallersOwnOrAllOfThemForTheBackOfficeNewestFirst() {
        String mine = "console-mine-" + UUID.randomUUID();
        String theirs = "console-theirs-" + UUID.randomUUID();
        assertThat(run(client("ops-key"), mine).status()).isEqualTo(200);
        assertThat(run(client("integration-key"), theirs).status()).isEqualTo(200);

        List<String> own = ids(client("ops-key").get("/workflows"));
        List<String> all = ids(client("viewer-key").get("/workflows?limit=50"));
        Reply newest = client("viewer-key").get("/workflows?limit=1");

        assertThat(own).contains(mine).doesNotContain(theirs);
        assertThat(all).containsSubsequence(theirs, mine);
        assertThat(ids(newest)).containsExactly(theirs);
        JsonNode line = newest.body().get(0);
        assertThat(line.path("status").asText()).isEqualTo("completed");
        assertThat(line.path("completed").asInt()).isEqualTo(4);
        assertThat(line.path("total").asInt()).isEqualTo(4);
        assertThat(line.path("owner").asText()).isEqualTo("integration");
        assertThat(line.path("execution_time").isNumber()).isTrue();
        assertThat(line.has("workflow_plan")).as("a list, not the records").isFalse();
    }

    @Test
    void aLimitOutOfRangeIsRefusedPlainly() {
        Reply zero = client("viewer-key").get("/workflows?limit=0");
        Reply many = client("viewer-key").get("/workflows?limit=100000");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.contentType()).startsWith("application/problem+json");
        assertThat(zero.text("detail")).contains("limit");
        assertThat(many.status()).isEqualTo(400);
        // not a number, or one past a long: the parameter named, as the contract's validation errors are
        for (String limit : List.of("abc", "99999999999999999999")) {
            Reply wrong = client("viewer-key").get("/workflows?limit=" + limit);
            assertThat(wrong.status()).as(limit).isEqualTo(400);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
            assertThat(wrong.text("detail")).as(limit).isEqualTo("limit: must be a whole number within range");
            assertThat(wrong.text("error_code")).isEqualTo("VALIDATION_ERROR");
            assertThat(wrong.body().at("/errors/0/field").asText()).isEqualTo("limit");
            assertThat(wrong.text("request_id")).isNotBlank();
        }
    }

    @Test
    void healthGivesEachServicesBreakerState() {
        Reply health = client(null).get("/health");

        assertThat(health.body().at("/services/payment/breaker").asText()).isEqualTo("closed");
        assertThat(health.body().at("/services/parts/breaker").asText()).isEqualTo("closed");
    }

    private static Reply run(HttpJson client, String requestId) {
        return client.post("/orchestrate", "{\"request_id\":\"" + requestId + "\",\"user_request\":\""
                + OrchestratorApiTest.SEED_REQUEST + "\"}");
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().forEach(line -> ids.add(line.path("request_id").asText()));
        return ids;
    }
}

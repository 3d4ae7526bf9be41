package com.autoretail.common.testsupport;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a test of an agent over HTTP needs, for a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} subclass:
 * a client on the agent's port, a wait until {@code /health} answers 200 (its MCP server connected), and
 * {@code /execute} and {@code /capabilities} helpers.
 */
public abstract class AgentHttpTestSupport {

    @LocalServerPort
    protected int port;

    protected HttpJson http;

    @BeforeEach
    void connectToTheAgent() {
        http = new HttpJson("http://localhost:" + port);
        awaitHealthy();
    }

    /** Waits until the agent is healthy again, e.g. after its MCP server came back. */
    protected void awaitHealthy() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/health").status() == 200);
    }

    protected Reply execute(String operation, String parametersJson) {
        return http.execute(operation, parametersJson);
    }

    protected Reply execute(String requestId, String operation, String parametersJson) {
        return http.execute(requestId, operation, parametersJson);
    }

    /** The operations of {@code /capabilities} by name, in their order. */
    protected Map<String, JsonNode> operations() {
        Reply capabilities = http.get("/capabilities");
        assertThat(capabilities.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        capabilities.body().path("operations").forEach(op -> byName.put(op.path("name").asText(), op));
        return byName;
    }
}

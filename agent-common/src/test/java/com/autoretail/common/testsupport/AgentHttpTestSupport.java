package com.autoretail.common.testsupport;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a test of an agent over HTTP needs, for a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} subclass:
 * a client on the agent's port, a wait until {@code /health} answers 200 (its MCP server connected), the
 * {@code /execute} and {@code /capabilities} helpers, and the assertions of the agent contract that every agent
 * makes alike (its operations and their sources, side effects, error codes, replays, a lost MCP server).
 */
public abstract class AgentHttpTestSupport {

    /** How fast an agent must refuse an operation whose MCP server is gone (no waiting for timeouts). */
    private static final double FAST_SECONDS = 3.0;

    @LocalServerPort
    protected int port;

    protected HttpJson http;

    @BeforeEach
    void connectToTheAgent() {
        http = new HttpJson("http://localhost:" + port);
        awaitHealthy();
    }

    /**
     * Points the agent under test at its MCP server: reconnect attempts every 200 ms, 2 s to connect, no MCP server
     * of the agent's own, and an immediate shutdown. For a {@code @DynamicPropertySource} method.
     */
    public static void mcpAgentSettings(DynamicPropertyRegistry registry, Supplier<Object> endpoint) {
        registry.add("agent.mcp.endpoint", endpoint);
        registry.add("agent.mcp.monitor-interval", () -> "200ms");
        registry.add("agent.mcp.connect-timeout", () -> "2s");
        registry.add("spring.ai.mcp.server.enabled", () -> "false");
        registry.add("server.shutdown", () -> "immediate");
    }

    /** Waits until the agent is healthy again, e.g. after its MCP server came back. */
    protected void awaitHealthy() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/health").status() == 200);
    }

    /** Waits until the agent reports itself down (503), e.g. after its MCP server went away. */
    protected void awaitDown() {
        await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/health").status() == 503);
    }

    protected Reply execute(String operation, String parametersJson) {
        return http.execute(operation, parametersJson);
    }

    protected Reply execute(String requestId, String operation, String parametersJson) {
        return http.execute(requestId, operation, parametersJson);
    }

    protected Reply execute(String operation, Map<String, ?> parameters) {
        return http.post("/execute", HttpJson.json(Map.of("operation", operation, "parameters", parameters)));
    }

    protected Reply execute(String requestId, String operation, Map<String, ?> parameters) {
        return http.post("/execute", HttpJson.json(
                Map.of("request_id", requestId, "operation", operation, "parameters", parameters)));
    }

    /** A request_id as the orchestrator makes one: a new workflow's id and the step's. */
    protected static String stepRequestId(String stepId) {
        return "wf_" + UUID.randomUUID() + ":" + stepId;
    }

    /** The operations of {@code /capabilities} by name, in their order. */
    protected Map<String, JsonNode> operations() {
        Reply capabilities = http.get("/capabilities");
        assertThat(capabilities.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        capabilities.body().path("operations").forEach(op -> byName.put(op.path("name").asText(), op));
        return byName;
    }

    /**
     * Asserts that {@code /capabilities} names the agent and lists exactly the given operations, each from its
     * source ({@code mcp}, {@code local} or {@code composite}), the {@code mcp} ones also as its MCP tools.
     * Answers the operations by name.
     */
    protected Map<String, JsonNode> assertCapabilities(String serviceName, String serviceKey,
                                                       Map<String, List<String>> operationsBySource) {
        Reply capabilities = http.get("/capabilities");
        assertThat(capabilities.status()).isEqualTo(200);
        assertThat(capabilities.text("service_name")).isEqualTo(serviceName);
        assertThat(capabilities.text("service_key")).isEqualTo(serviceKey);
        List<String> mcpTools = new ArrayList<>();
        capabilities.body().path("mcp_tools").forEach(tool -> mcpTools.add(tool.asText()));
        assertThat(mcpTools).as("mcp_tools")
                .containsExactlyInAnyOrderElementsOf(operationsBySource.getOrDefault("mcp", List.of()));

        Map<String, String> expected = new HashMap<>();
        operationsBySource.forEach((source, names) -> names.forEach(name -> expected.put(name, source)));
        Map<String, JsonNode> operations = operations();
        Map<String, String> sources = new HashMap<>();
        operations.forEach((name, op) -> sources.put(name, op.path("source").asText()));
        assertThat(sources).as("the operations and their sources").isEqualTo(expected);
        return operations;
    }

    /** Asserts that exactly the named operations declare side effects; every other one is read-only. */
    protected static void assertSideEffectsOnlyOf(Map<String, JsonNode> operations, String... changing) {
        List<String> declared = operations.entrySet().stream()
                .filter(op -> op.getValue().path("side_effects").asBoolean())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(declared).as("the operations with side effects").containsExactlyInAnyOrder(changing);
    }

    /** Asserts the {@code /execute} envelope of a success (200) and where its result came from; answers the result. */
    protected static JsonNode assertSucceeded(Reply reply, String source) {
        assertThat(reply.status()).as("HTTP status").isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).isTrue();
        assertThat(reply.body().at("/metadata/source").asText()).as("metadata.source").isEqualTo(source);
        return reply.body().path("result");
    }

    /** Asserts the {@code /execute} envelope of a failure: its HTTP status and error code. */
    protected static void assertFailed(Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as("HTTP status").isEqualTo(status);
        assertThat(reply.body().path("success").asBoolean()).isFalse();
        assertThat(reply.text("error_code")).isEqualTo(errorCode);
    }

    /**
     * Sends the operation and asserts that the agent refused its parameters itself: VALIDATION_ERROR (400), its
     * message "Invalid parameters for ...", and {@code result.errors} naming exactly the given fields.
     */
    protected Reply assertInvalidParameters(String operation, String parametersJson, String... fields) {
        Reply reply = execute(operation, parametersJson);
        assertFailed(reply, 400, "VALIDATION_ERROR");
        assertThat(reply.text("error")).startsWith("Invalid parameters for " + operation);
        assertThat(reply.body().at("/result/errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        return reply;
    }

    /**
     * Sends one request twice under one request_id and asserts that the second answer is the first one replayed:
     * the same status, error code and result, marked {@code metadata.replayed}. Answers the first.
     */
    protected Reply executeTwice(String requestId, String operation, String parametersJson) {
        Reply first = execute(requestId, operation, parametersJson);
        Reply second = execute(requestId, operation, parametersJson);
        assertThat(first.body().at("/metadata/replayed").asBoolean()).as("the first answer is no replay").isFalse();
        assertThat(second.body().at("/metadata/replayed").asBoolean()).as("the second answer is a replay").isTrue();
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.text("error_code")).isEqualTo(first.text("error_code"));
        assertThat(second.body().path("result")).isEqualTo(first.body().path("result"));
        return first;
    }

    /** Asserts that the operation is refused UPSTREAM_UNAVAILABLE (503) at once, as while its MCP server is down. */
    protected Reply assertUnavailableFast(String operation, String parametersJson) {
        long start = System.nanoTime();
        Reply reply = execute(operation, parametersJson);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to refuse").isLessThan(FAST_SECONDS);
        assertFailed(reply, 503, "UPSTREAM_UNAVAILABLE");
        return reply;
    }
}

package com.autoretail.mcpstubs.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.autoretail.mcpstubs.McpStubs;
import com.autoretail.mcpstubs.McpTestClient;
import com.autoretail.mcpstubs.RunningStubs;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredHeadersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    @ParameterizedTest
    @CsvSource({ "payment, POST", "payment, GET", "payment, DELETE", "parts, POST", "parts, GET", "parts, DELETE",
            "repair-orders, POST", "repair-orders, GET", "repair-orders, DELETE" })
    void refusesEveryMcpMethodWithoutTheBusinessHeaders(String stub, String method) throws Exception {
        HttpResponse<String> response = send(stub, method, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<?, ?> problem = new ObjectMapper().readValue(response.body(), Map.class);
        assertThat(problem.get("status")).isEqualTo(401);
        assertThat(problem.get("missing_headers")).isEqualTo("payment".equals(stub)
                ? List.of("X-Tenant-Id", "X-Dealer-Id", "X-User-Id") : List.of("X-User-Id", "X-Service"));
    }

    @Test
    void namesOnlyTheHeadersThatAreMissing() throws Exception {
        HttpResponse<String> response = send("payment", "POST", Map.of("X-Tenant-Id", "TENANT_AUTOMOTIVE_RETAIL",
                "X-Service", "payment-agent"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Missing required header(s): X-Dealer-Id, X-User-Id");
    }

    @Test
    void acceptsARequestCarryingTheHeaders() throws Exception {
        HttpResponse<String> response = send("parts", "POST", McpTestClient.serviceHeaders("parts-agent"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
    }

    @Test
    void mcpClientWithoutTheHeadersCannotConnect() {
        McpSyncClient client = McpTestClient.client(RunningStubs.parts(), Map.of("X-User-Id", "ambujmehra"));
        try {
            assertThatThrownBy(client::initialize).hasStackTraceContaining("401");
        }
        finally {
            client.close();
        }
    }

    @Test
    void transportRefusalsCarryNoJavaInternals() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("parts", "/mcp"))
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}"));
        McpTestClient.serviceHeaders("parts-agent").forEach(request::header);

        HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Session ID").doesNotContain("stackTrace", "at io.", "java.lang");
    }

    @Test
    void refusesBodiesOverTheLimit() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("parts", "/mcp"))
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(1_100_000) + "\"}"));
        McpTestClient.serviceHeaders("parts-agent").forEach(request::header);

        HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void healthNeedsNoHeaders() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("parts", "/health")).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("parts-mcp");
    }

    private static HttpResponse<String> send(String stub, String method, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(stub, "/mcp"))
            .header("Accept", "application/json, text/event-stream");
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(BodyPublishers.ofString(INITIALIZE));
        }
        else {
            request.header("Mcp-Session-Id", "any-session").method(method, BodyPublishers.noBody());
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private static URI uri(String stub, String path) {
        ConfigurableApplicationContext context = switch (stub) {
            case "payment" -> RunningStubs.payment();
            case "parts" -> RunningStubs.parts();
            default -> RunningStubs.repairOrders();
        };
        return URI.create("http://localhost:" + McpStubs.port(context) + path);
    }

}

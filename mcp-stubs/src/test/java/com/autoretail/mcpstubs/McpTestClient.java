package com.autoretail.mcpstubs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A real MCP client over Streamable HTTP, as the agents use it, with the business headers on every request. */
public final class McpTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpSyncClient client;

    private McpTestClient(McpSyncClient client) {
        this.client = client;
    }

    public static Map<String, String> paymentHeaders(String tenant) {
        return Map.of("X-Tenant-Id", tenant, "X-Dealer-Id", "DEALER_001_AUTOMOTIVE", "X-User-Id", "ambujmehra");
    }

    public static Map<String, String> serviceHeaders(String service) {
        return Map.of("X-User-Id", "ambujmehra", "X-Service", service);
    }

    /** Connects without initializing, for tests of refused connections. */
    public static McpSyncClient client(ConfigurableApplicationContext stub, Map<String, String> headers) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
            .builder("http://localhost:" + McpStubs.port(stub))
            .endpoint("/mcp")
            .customizeRequest(request -> headers.forEach(request::header))
            .build();
        return McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(10))
            .clientInfo(new McpSchema.Implementation("mcp-stubs-tests", "1.0.0"))
            .build();
    }

    public static McpTestClient connect(ConfigurableApplicationContext stub, Map<String, String> headers) {
        McpSyncClient client = client(stub, headers);
        client.initialize();
        return new McpTestClient(client);
    }

    public McpSchema.InitializeResult initializeResult() {
        return this.client.getCurrentInitializationResult();
    }

    public List<McpSchema.Tool> tools() {
        return this.client.listTools().tools();
    }

    public Answer call(String tool, Map<String, ?> arguments) {
        return call(tool, arguments, null);
    }

    /** Calls a tool with an idempotency key in the request's {@code _meta}, as the agents send it. */
    public Answer call(String tool, Map<String, ?> arguments, String idempotencyKey) {
        CallToolResult result = this.client.callTool(McpSchema.CallToolRequest.builder()
            .name(tool)
            .arguments(new LinkedHashMap<>(arguments))
            .meta(idempotencyKey != null ? Map.of("idempotency_key", idempotencyKey) : null)
            .build());
        String text = ((TextContent) result.content().get(0)).text();
        return new Answer(Boolean.TRUE.equals(result.isError()), text, result.structuredContent());
    }

    /** Calls a tool that must succeed and answers its JSON result. */
    public Map<String, Object> ok(String tool, Map<String, ?> arguments) {
        Answer answer = call(tool, arguments);
        assertThat(answer.isError()).as("%s answered an error: %s", tool, answer.text()).isFalse();
        return answer.json();
    }

    /** Calls a tool that must be refused with the error code and answers the refusal's JSON. */
    public Map<String, Object> refused(String tool, Map<String, ?> arguments, String errorCode) {
        Answer answer = call(tool, arguments);
        assertThat(answer.isError()).as("%s should be refused: %s", tool, answer.text()).isTrue();
        Map<String, Object> error = answer.json();
        assertThat(error).containsOnlyKeys("error_code", "message", "details").containsEntry("error_code", errorCode);
        assertThat((String) error.get("message")).isNotBlank();
        return error;
    }

    @Override
    public void close() {
        this.client.closeGracefully();
    }

    /** What a tool call brought back: the first text content, parsed as JSON. */
    public record Answer(boolean isError, String text, Object structuredContent) {

        public Map<String, Object> json() {
            try {
                return JSON.readValue(this.text, new TypeReference<>() {
                });
            }
            catch (Exception ex) {
                throw new AssertionError("Not a JSON object: " + this.text, ex);
            }
        }

    }

}

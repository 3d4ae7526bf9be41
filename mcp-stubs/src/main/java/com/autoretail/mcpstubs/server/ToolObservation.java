package com.autoretail.mcpstubs.server;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * The server side of a {@code tools/call} as a span, {@code tools/call <tool>}, under the HTTP request's server span
 * (itself the child of the calling agent's client span, by the request's {@code traceparent}), with the attributes of
 * OpenTelemetry's MCP and GenAI conventions; a tool error marks the span.
 */
final class ToolObservation {

    static final String NAME = "mcp.server.operation";

    private ToolObservation() {
    }

    static SyncToolSpecification observe(SyncToolSpecification tool, String server, ObservationRegistry registry) {
        String name = tool.tool().name();
        return SyncToolSpecification.builder().tool(tool.tool()).callHandler((exchange, request) -> {
            Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("tools/call " + name)
                .lowCardinalityKeyValue("mcp.method.name", "tools/call")
                .lowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
                .lowCardinalityKeyValue("gen_ai.tool.name", name)
                .lowCardinalityKeyValue("server", server);
            return observation.observe(() -> {
                CallToolResult result = tool.callHandler().apply(exchange, request);
                if (Boolean.TRUE.equals(result.isError())) {
                    observation.lowCardinalityKeyValue("error.type", "tool_error");
                }
                return result;
            });
        }).build();
    }

}

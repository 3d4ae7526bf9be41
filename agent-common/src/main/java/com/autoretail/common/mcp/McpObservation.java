package com.autoretail.common.mcp;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The observation of one MCP {@code tools/call} from an agent: a client span named {@code tools/call <tool>} with
 * the attributes of OpenTelemetry's MCP and GenAI conventions ({@code mcp.method.name}, {@code gen_ai.tool.name},
 * {@code gen_ai.operation.name=execute_tool}), and the timer {@value #NAME}. The MCP server's own span is its child:
 * the call carries the span's {@code traceparent} ({@link TraceHeaders}).
 */
final class McpObservation {

    static final String NAME = "mcp.client.operation";
    static final String METHOD = "tools/call";

    private McpObservation() {
    }

    static Observation of(String tool, String client, String endpoint, ObservationRegistry registry) {
        // the carrier is unused: TraceHeaders puts the span's context on the transport's requests
        RequestReplySenderContext<Map<String, String>, Object> context =
                new RequestReplySenderContext<>((carrier, key, value) -> carrier.put(key, value), Kind.CLIENT);
        context.setCarrier(new HashMap<>());
        context.setRemoteServiceAddress(endpoint);
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(METHOD + " " + tool)
                .lowCardinalityKeyValue("mcp.method.name", METHOD)
                .lowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
                .lowCardinalityKeyValue("gen_ai.tool.name", tool)
                .lowCardinalityKeyValue("client", client)
                .highCardinalityKeyValue("server.address", endpoint);
    }
}

package com.autoretail.e2e;

import com.autoretail.e2e.OtlpReceiver.ReceivedSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across the fleet: the orchestrator, the three agents of the example and their three MCP servers run as
 * separate processes exporting their spans over OTLP/HTTP to a receiver inside the test, as they would to Jaeger.
 * The example request must give one trace holding the spans of all seven, each hop parented on the caller's client
 * span, and its id must come back in the response.
 */
class FleetTraceTest {

    private static final List<String> SERVICES = List.of("payment-mcp", "repair-orders-mcp", "parts-mcp", "payment",
            "repair-orders", "parts", "orchestrator");
    private static final Map<String, String> AGENTS = Map.of("payment-agent", "payment-mcp",
            "repair-orders-agent", "repair-orders-mcp", "parts-agent", "parts-mcp");
    private static final String ORCHESTRATOR = "orchestrator-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    static OtlpReceiver receiver;
    static FleetProcesses fleet;

    @BeforeAll
    static void startFleetExportingToTheTest() {
        receiver = new OtlpReceiver();
        fleet = FleetProcesses.unstarted();
        // spans leave in batches: a short delay keeps the test quick
        fleet.startOnly(SERVICES, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "MANAGEMENT_TRACING_OPENTELEMETRY_EXPORT_SCHEDULEDELAY", "200ms"));
        // inventory and sales are not started: the three agents of the example are enough
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode services = JSON.readTree(health()).path("services");
            return List.of("payment", "repair_orders", "parts").stream()
                    .allMatch(key -> services.at("/" + key + "/status").asText().equals("healthy"));
        });
    }

    @AfterAll
    static void stop() {
        SERVICES.forEach(fleet::kill);
        receiver.close();
    }

    @Test
    void theExampleIsOneTraceAcrossTheOrchestratorThreeAgentsAndThreeMcpServers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fleet.url("orchestrator") + "/orchestrate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"trace-example\",\"user_request\":\""
                        + FleetEndToEndTest.SEED_REQUEST + "\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").asBoolean()).as(body.path("final_result").asText()).isTrue();
        assertThat(body.at("/metadata/trace_id").asText()).isEqualTo(traceId);
        assertThat(body.path("final_result").asText()).contains("🔎 Trace: " + traceId);

        Set<String> expected = Set.of(ORCHESTRATOR, "payment-agent", "repair-orders-agent", "parts-agent",
                "payment-mcp", "repair-orders-mcp", "parts-mcp");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(services(receiver.trace(traceId)))
                .as("services in trace %s", traceId).containsAll(expected));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(receiver.trace(traceId)
                .stream().filter(span -> span.name().startsWith("tools/call")).count()).isGreaterThanOrEqualTo(8));
        List<ReceivedSpan> trace = receiver.trace(traceId);
        Map<String, ReceivedSpan> byId = trace.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));

        // one root: the orchestrator's server span of POST /orchestrate
        List<ReceivedSpan> roots = trace.stream().filter(ReceivedSpan::root).toList();
        assertThat(roots).hasSize(1);
        assertThat(roots.getFirst().service()).isEqualTo(ORCHESTRATOR);
        assertThat(roots.getFirst().kind()).isEqualTo("SPAN_KIND_SERVER");
        // and no orphan: every parent is in the trace
        assertThat(trace).allSatisfy(span -> assertThat(span.root() || byId.containsKey(span.parentSpanId()))
                .as("parent of %s (%s) is in the trace", span.name(), span.service()).isTrue());

        // the orchestrator's own spans: planning (rule planner under it) and the four steps
        assertThat(names(trace, ORCHESTRATOR)).contains("plan", "rule planner", "step validate_ro_1",
                "step validate_part_1", "step reserve_part_1", "step create_payment_1");

        for (Map.Entry<String, String> agent : AGENTS.entrySet()) {
            List<ReceivedSpan> servers = serverSpans(trace, agent.getKey());
            assertThat(servers).as("%s server spans", agent.getKey()).isNotEmpty();
            assertThat(servers).allSatisfy(server -> {
                ReceivedSpan parent = byId.get(server.parentSpanId());
                assertThat(parent.service()).isEqualTo(ORCHESTRATOR);
                assertThat(parent.kind()).isEqualTo("SPAN_KIND_CLIENT");
            });
            List<ReceivedSpan> mcpServers = serverSpans(trace, agent.getValue());
            assertThat(mcpServers).as("%s server spans", agent.getValue()).isNotEmpty();
            assertThat(mcpServers).allSatisfy(server -> {
                ReceivedSpan parent = byId.get(server.parentSpanId());
                assertThat(parent.service()).isEqualTo(agent.getKey());
                assertThat(parent.kind()).isEqualTo("SPAN_KIND_CLIENT");
                assertThat(parent.name()).startsWith("tools/call ");
            });
        }
        // the MCP tool calls on both sides, named by the tool
        assertThat(names(trace, "parts-agent")).contains("tools/call get_part_details", "tools/call reserve_parts");
        assertThat(names(trace, "parts-mcp")).contains("tools/call get_part_details", "tools/call reserve_parts");
        assertThat(names(trace, "payment-mcp")).contains("tools/call create_payment_link");
        // the agents' operations, between their server span and their MCP calls
        assertThat(names(trace, "payment-agent")).contains("payment-agent create_payment_link");
    }

    private static List<ReceivedSpan> serverSpans(List<ReceivedSpan> trace, String service) {
        return trace.stream().filter(span -> span.service().equals(service) && span.kind().equals("SPAN_KIND_SERVER"))
                .toList();
    }

    private static Set<String> services(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
    }

    private static Set<String> names(List<ReceivedSpan> spans, String service) {
        return spans.stream().filter(span -> span.service().equals(service)).map(ReceivedSpan::name)
                .collect(Collectors.toSet());
    }

    private static String health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fleet.url("orchestrator")
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "{}";
        }
    }
}

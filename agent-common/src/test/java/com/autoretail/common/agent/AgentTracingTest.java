package com.autoretail.common.agent;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an agent adds to a trace and to the metrics: the trace id of every response in {@code X-Trace-Id}, the
 * operation and its MCP {@code tools/call} observed (their timers stand for their spans), and side effects replayed
 * from the idempotency store counted.
 */
class AgentTracingTest extends AgentHttpTest {

    @Test
    void answersWithTheTraceIdOfTheCallersTrace() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        HttpResponse<String> response = HttpClient.newHttpClient().send(http.request("/execute")
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"operation\":\"lookup_item\",\"parameters\":{\"sku\":\"SKU000009\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Trace-Id")).contains(traceId);
    }

    @Test
    void aRequestWithoutATraceStartsOneAndNamesIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(http.request("/capabilities").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Trace-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void theOperationAndItsMcpToolCallAreObserved() {
        execute("lookup_item", Map.of("sku", "SKU000009"));

        Reply operation = http.get("/actuator/metrics/" + OperationRunner.OBSERVATION
                + "?tag=operation:lookup_item&tag=outcome:success");
        Reply toolCall = http.get("/actuator/metrics/mcp.client.operation?tag=mcp.method.name:tools/call");

        assertThat(operation.status()).as(operation.body().toString()).isEqualTo(200);
        assertThat(toolCall.status()).as(toolCall.body().toString()).isEqualTo(200);
        assertThat(toolCall.body().toString()).contains("gen_ai.tool.name");
    }

    @Test
    void aSideEffectAnsweredFromTheIdempotencyStoreIsCountedAsAReplay() {
        double before = replays();

        execute("wf-trace:reserve", "reserve_item", Map.of("sku", "SKU000003", "quantity", 1));
        Reply again = execute("wf-trace:reserve", "reserve_item", Map.of("sku", "SKU000003", "quantity", 1));

        assertThat(again.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(replays() - before).isEqualTo(1.0);
    }

    private double replays() {
        Reply metric = http.get("/actuator/metrics/" + OperationRunner.REPLAYS + "?tag=operation:reserve_item");
        return metric.status() == 404 ? 0 : metric.body().at("/measurements/0/value").asDouble();
    }
}

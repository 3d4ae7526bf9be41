package com.autoretail.common.agent;

import com.autoretail.common.fixture.TestAgent;
import com.autoretail.common.fixture.TestMcpServer;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent contract over HTTP: a test agent (one local, one slow, one failing operation) in front of a real
 * MCP server. Every error code, validation, idempotent replay and the timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentContractTest extends AgentHttpTest {

    @Test
    void healthReportsTheMcpServerWithItsTools() {
        Reply health = http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.text("service")).isEqualTo("test-agent");
        assertThat(health.body().path("uptime_seconds").asDouble()).isPositive();
        assertThat(health.body().at("/dependencies/mcp/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/dependencies/mcp/tools").asInt()).isEqualTo(3);
        assertThat(health.body().at("/dependencies/mcp").has("up")).isFalse();
        assertThat(health.body().path("mcp_tools_known").asInt()).as("the agent's own health fields").isEqualTo(3);
        assertThat(health.body().fieldNames().next()).isEqualTo("status");
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void capabilitiesListDiscoveredAndLocalOperationsWithSchemas() {
        Map<String, JsonNode> operations = assertCapabilities("test-agent", "test", Map.of(
                "mcp", List.of("lookup_item", "reserve_item", "broken_tool"),
                "local", List.of("add_numbers", "slow_job", "explode")));
        JsonNode reserve = operations.get("reserve_item");
        assertThat(reserve.path("side_effects").asBoolean()).isTrue();
        assertThat(reserve.path("compensation").asText()).isEqualTo("release_item");
        assertThat(reserve.at("/parameters/required").toString()).contains("sku", "quantity");
        assertThat(operations.get("lookup_item").path("side_effects").asBoolean()).isFalse();
        assertThat(reserve.path("risk").asText()).as("a side effect with its compensation").isEqualTo("reversible");
        assertThat(operations.get("lookup_item").path("risk").asText()).isEqualTo("read_only");
        assertThat(operations.get("broken_tool").path("risk").asText()).as("a side effect nothing undoes")
                .isEqualTo("irreversible");
    }

    @Test
    void localOperationAnswersTheFullEnvelope() {
        Reply reply = execute("wf-1:add", "add_numbers", Map.of("a", 2, "b", 3.5));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("request_id", "success", "result",
                "error", "error_code", "execution_time", "metadata", "timestamp");
        assertThat(body.path("request_id").asText()).isEqualTo("wf-1:add");
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.at("/result/sum").asDouble()).isEqualTo(5.5);
        assertThat(body.path("error").isNull()).isTrue();
        assertThat(body.path("error_code").isNull()).isTrue();
        assertThat(body.at("/metadata/service").asText()).isEqualTo("test-agent");
        assertThat(body.at("/metadata/source").asText()).isEqualTo("local");
        assertThat(body.at("/metadata/attempt").asInt()).isEqualTo(1);
        assertThat(body.at("/metadata/replayed").asBoolean()).isFalse();
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void requestWithoutRequestIdGetsAGeneratedOne() {
        Reply reply = execute("add_numbers", Map.of("a", 1, "b", 2));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("request_id")).isNotBlank();
    }

    @Test
    void mcpOperationReturnsTheToolsResult() {
        Reply reply = execute("lookup_item", Map.of("sku", "SKU000001"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/name").asText()).isEqualTo("Item SKU000001");
        assertThat(reply.body().at("/result/stock").asInt()).isEqualTo(7);
        assertThat(reply.body().at("/metadata/source").asText()).isEqualTo("mcp");
    }

    @Test
    void schemaViolationsNameEveryField() {
        Reply reply = execute("add_numbers", Map.of("a", "two", "email", "not-an-email"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).contains("a:", "b:", "email:");
        List<String> fields = new ArrayList<>();
        reply.body().at("/result/errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("a", "b", "email");
    }

    @Test
    void mcpToolSchemaIsEnforcedBeforeTheServerIsCalled() {
        int before = TestMcpServer.reserveCalls.get();

        Reply reply = execute("reserve_item", Map.of("sku", "SKU000001", "quantity", "lots"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).contains("quantity");
        assertThat(TestMcpServer.reserveCalls.get()).isEqualTo(before);
    }

    @Test
    void businessRuleFailureNamesTheField() {
        Reply reply = execute("add_numbers", Map.of("a", 4, "b", 4));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).contains("b: must differ from a");
    }

    @Test
    void unknownOperationIsRefusedWithTheOffer() {
        Reply reply = execute("launch_rocket", Map.of());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("UNKNOWN_OPERATION");
        assertThat(reply.text("error")).contains("launch_rocket", "add_numbers");
    }

    @Test
    void requestIdMustBeShortAndPrintable() {
        Reply tooLong = execute("x".repeat(201), "add_numbers", Map.of("a", 1, "b", 2));
        Reply withNewline = execute("wf-1\nforged log line", "add_numbers", Map.of("a", 1, "b", 2));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("error")).contains("request_id");
        assertThat(withNewline.status()).isEqualTo(400);
    }

    @Test
    void missingOperationIsAValidationError() {
        Reply reply = http.post("/execute", "{\"parameters\": {}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).contains("operation");
    }

    @Test
    void toolNotFoundErrorMapsToNotFound() {
        Reply reply = execute("lookup_item", Map.of("sku", "NOPE"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("error_code")).isEqualTo("NOT_FOUND");
        assertThat(reply.text("error")).isEqualTo("No item NOPE");
    }

    @Test
    void toolConflictErrorMapsToConflictWithDetails() {
        Reply reply = execute("reserve_item", Map.of("sku", "SKU000001", "quantity", 500));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("error_code")).isEqualTo("CONFLICT");
        assertThat(reply.body().at("/result/available").asInt()).isEqualTo(100);
    }

    @Test
    void toolErrorWithoutTheConventionIsAnUpstreamErrorWithoutTheToolsText() {
        Reply reply = execute("broken_tool", Map.of());

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.text("error_code")).isEqualTo("UPSTREAM_ERROR");
        // the dealer system's own words stay in the agent's log
        assertThat(reply.text("error")).contains("dealer system failed the call", "request_id")
                .doesNotContain("database on fire");
    }

    @Test
    void bugAnswersInternalWithoutItsDetails() {
        Reply reply = execute("req-bug", "explode", Map.of());

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.text("error_code")).isEqualTo("INTERNAL");
        assertThat(reply.body().toString()).doesNotContain("secret internal detail", "Exception", "at com.");
        assertThat(reply.text("error")).contains("req-bug");
    }

    @Test
    void operationPastItsTimeoutAnswers504InTime() {
        long start = System.nanoTime();

        Reply reply = http.post("/execute",
                "{\"operation\":\"slow_job\",\"parameters\":{\"seconds\":5},\"timeout\":1}");

        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.text("error_code")).isEqualTo("TIMEOUT");
        assertThat(seconds).isLessThan(2.0);
    }

    @Test
    void timeoutOutOfBoundsIsRefused() {
        Reply reply = http.post("/execute", "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2},"
                + "\"timeout\":100000}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).contains("timeout");
    }

    @Test
    void malformedJsonStillGetsTheEnvelope() {
        Reply reply = http.post("/execute", "{\"operation\": \"add_numbers\", ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).contains("malformed JSON");
        assertThat(reply.body().has("success")).isTrue();
    }

    @Test
    void wrongTypeInTheEnvelopeNamesTheField() {
        Reply reply = http.post("/execute", "{\"operation\":\"add_numbers\",\"timeout\":\"soon\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).contains("timeout").contains("integer").doesNotContain("java.");
    }

    @Test
    void sideEffectReplayedBySameRequestIdRunsOnce() {
        int before = TestMcpServer.reserveCalls.get();

        Reply first = execute("wf-7:reserve", "reserve_item", Map.of("sku", "SKU000002", "quantity", 2));
        Reply second = execute("wf-7:reserve", "reserve_item", Map.of("sku", "SKU000002", "quantity", 2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(TestMcpServer.reserveCalls.get()).isEqualTo(before + 1);
        assertThat(second.body().path("result")).isEqualTo(first.body().path("result"));
        assertThat(first.body().at("/metadata/replayed").asBoolean()).isFalse();
        assertThat(second.body().at("/metadata/replayed").asBoolean()).isTrue();
    }

    @Test
    void sameRequestIdForAnotherOperationIsRefusedAsReused() {
        execute("wf-8:x", "reserve_item", Map.of("sku", "SKU000003", "quantity", 1));
        int before = TestAgent.slowRuns.get();

        Reply reply = execute("wf-8:x", "slow_job", Map.of("seconds", 0));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.text("error_code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reply.text("error")).contains("reserve_item");
        assertThat(TestAgent.slowRuns.get()).isEqualTo(before);
    }

    @Test
    void sameRequestIdWithOtherParametersIsRefusedAndNothingRuns() {
        int before = TestMcpServer.reserveCalls.get();
        Reply first = execute("wf-8:params", "reserve_item", Map.of("sku", "SKU000003", "quantity", 2));

        Reply other = execute("wf-8:params", "reserve_item", Map.of("sku", "SKU000003", "quantity", 3));
        // the same parameters in another order and number notation are the same request
        Reply same = http.post("/execute", "{\"request_id\":\"wf-8:params\",\"operation\":\"reserve_item\","
                + "\"parameters\":{\"quantity\":2.0,\"sku\":\"SKU000003\"}}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("error_code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.body().path("success").asBoolean()).isFalse();
        assertThat(other.text("error")).contains("other parameters");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(same.body().path("result")).isEqualTo(first.body().path("result"));
        assertThat(TestMcpServer.reserveCalls.get()).as("one reservation").isEqualTo(before + 1);
    }

    @Test
    void sideEffectPastItsTimeoutFinishesAndTheRetryGetsItsOutcome() {
        int before = TestAgent.slowRuns.get();
        String body = "{\"request_id\":\"wf-11:slow\",\"operation\":\"slow_job\",\"parameters\":{\"seconds\":1.5},"
                + "\"timeout\":1}";

        Reply timedOut = http.post("/execute", body);
        Reply retry = http.post("/execute", body);

        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(timedOut.text("error_code")).isEqualTo("TIMEOUT");
        assertThat(retry.status()).as("the retry waited for the first run").isEqualTo(200);
        assertThat(retry.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(retry.body().at("/result/done").asBoolean()).isTrue();
        // 1.5 s of work under a 600 ms lease: renewed, never taken over by the retry
        assertThat(TestAgent.slowRuns.get()).as("run once, not interrupted, not repeated").isEqualTo(before + 1);
    }

    @Test
    void concurrentReplaysOfARunningRequestRunItOnce() throws Exception {
        int before = TestAgent.slowRuns.get();
        String body = "{\"request_id\":\"wf-9:slow\",\"operation\":\"slow_job\",\"parameters\":{\"seconds\":0.5}}";
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> http.post("/execute", body));
        }

        List<Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            for (Future<Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
        }

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(TestAgent.slowRuns.get()).isEqualTo(before + 1);
        assertThat(replies.stream().filter(r -> r.body().at("/metadata/replayed").asBoolean())).hasSize(4);
    }

    @Test
    void readOnlyOperationsAreNotReplayed() {
        Reply first = execute("wf-10:look", "lookup_item", Map.of("sku", "SKU000004"));
        Reply second = execute("wf-10:look", "lookup_item", Map.of("sku", "SKU000004"));

        assertThat(first.body().at("/metadata/replayed").asBoolean()).isFalse();
        assertThat(second.body().at("/metadata/replayed").asBoolean()).isFalse();
    }

    @Test
    void whatTomcatRefusesBeforeAnyFilterIsAnsweredInTheContractsShapeNotAsAnHtmlPage() throws Exception {
        // an encoded slash and a NUL in the path, which Tomcat will not decode; a header name with a space in it
        for (String refused : List.of("GET /status/a%2Fb HTTP/1.1\r\nHost: x\r\n",
                "GET /capabilities%00.html HTTP/1.1\r\nHost: x\r\nX-Request-Id: rid-77\r\n",
                "GET /health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n")) {
            String answer = raw(refused + "Connection: close\r\n\r\n");
            assertThat(answer).as(refused).startsWith("HTTP/1.1 400").containsIgnoringCase(
                    "Content-Type: application/problem+json").contains("\"status\":400", "\"request_id\":\"",
                            "\"detail\":\"The request was refused: Bad Request\"").doesNotContain("<html", "Tomcat");
        }
        assertThat(raw("GET /capabilities%00.html HTTP/1.1\r\nHost: x\r\nX-Request-Id: rid-77\r\n"
                + "Connection: close\r\n\r\n")).contains("\"request_id\":\"rid-77\"");

        // characters curl sends unencoded reach the application, which answers as it would have
        assertThat(raw("GET /status/{task|1} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("{task|1}", "\"instance\":\"/status/%7Btask%7C1%7D\"");
        assertThat(raw("GET /nowhere/{x} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404").containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(raw("GET /health?probe=<b>[x]^`{y}|z HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200").contains("\"status\":\"UP\"");

        String execute = raw("POST /execute HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Bad Header: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(execute).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .contains("\"success\":false", "\"error_code\":\"VALIDATION_ERROR\"").doesNotContain("<html");
    }

    /** One request written as bytes, the whole answer read back: what an HTTP client would not let a test send. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void unknownPathsAndTasksAnswerProblemJson() {
        Reply task = http.get("/status/task-nope");
        Reply path = http.get("/nowhere");

        assertThat(task.status()).isEqualTo(404);
        assertThat(task.contentType()).startsWith("application/problem+json");
        assertThat(task.text("detail")).contains("task-nope");
        assertThat(task.text("request_id")).isNotBlank();
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.contentType()).startsWith("application/problem+json");
        assertThat(path.text("request_id")).isNotBlank();
        Reply wrongMethod = http.delete("/capabilities");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("request_id")).isNotBlank();
    }

    @Test
    void operationMetricsAreRecorded() {
        execute("add_numbers", Map.of("a", 1, "b", 2));

        Reply metric = http.get("/actuator/metrics/agent.operation?tag=operation:add_numbers&tag=outcome:success");

        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.body().at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void mcpRequestsCarryTheBusinessHeadersAndTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        TestMcpServer.receivedHeaders.clear();

        Reply reply = http.send(http.request("/execute").header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"operation\":\"lookup_item\",\"parameters\":{\"sku\":\"SKU000009\"}}")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(TestMcpServer.receivedHeaders).anySatisfy(headers -> {
            assertThat(headers.get("X-User-Id")).isEqualTo("ambujmehra");
            assertThat(headers.get("traceparent")).startsWith("00-" + traceId + "-");
        });
    }

    @Test
    void logLinesOfARequestCarryItsRequestIdAndOperation(CapturedOutput output) {
        execute("req-log-42", "explode", Map.of());

        assertThat(output.getAll()).contains("request_id=req-log-42 operation=explode");
    }
}

package com.autoretail.orchestrator.api;

import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.testsupport.OpenAiStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.autoretail.orchestrator.api.OrchestratorApiTest.SEED_REQUEST;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.GOOD;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A workflow planned by an LLM (WireMock plays OpenAI, 900 tokens in and 300 out per call) is traced and priced: the
 * response carries its trace id (header, {@code metadata.trace_id}, the summary), the workflow record its LLM usage
 * and cost, the metrics count both, and the exported spans hold the planning with Spring AI's chat span under it
 * (OpenTelemetry GenAI attributes: model, tokens, finish reason), each step, and the client spans of the agent
 * calls, whose {@code traceparent} the agents receive.
 */
@AutoConfigureObservability
@SpringBootTest(classes = {OrchestratorApplication.class, LlmTracingTest.Spans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
                "management.tracing.sampling.probability=1.0",
                "management.tracing.opentelemetry.export.schedule-delay=50ms",
                "orchestrator.llm-prices.input-per-1k=0.15", "orchestrator.llm-prices.output-per-1k=0.60"})
class LlmTracingTest {

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    private static final OpenAiStub openAi = new OpenAiStub();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Collects the spans the OpenTelemetry SDK exports. */
    static final class Collected implements SpanExporter {
        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        Collected collectedSpans() {
            return new Collected();
        }
    }

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        openAi.start();
        registry.add("spring.ai.openai.base-url", openAi::baseUrl);
    }

    @AfterAll
    static void stopOpenAi() {
        openAi.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Collected exported;

    @Autowired
    MeterRegistry meters;

    @Test
    void anLlmPlannedWorkflowIsTracedEndToEndAndItsTokensArePricedRecordedAndCounted() throws Exception {
        openAi.answers(GOOD);
        double inputBefore = tokens("input");

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/orchestrate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"traced-llm\",\"user_request\":\""
                        + SEED_REQUEST + "\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("planner").asText()).isEqualTo("llm");
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(body.at("/metadata/trace_id").asText()).isEqualTo(traceId);
        assertThat(body.path("final_result").asText()).contains("🔎 Trace: " + traceId);
        JsonNode usage = body.at("/metadata/llm_usage");
        assertThat(usage.path("calls").asInt()).isEqualTo(1);
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(900);
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(300);
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("0.315"));
        assertThat(usage.path("currency").asText()).isEqualTo("USD");

        // the workflow record keeps both
        JsonNode record = JSON.readTree(send(HttpRequest.newBuilder(url("/workflow/traced-llm"))).body());
        assertThat(record.path("trace_id").asText()).isEqualTo(traceId);
        assertThat(record.at("/llm_usage/input_tokens").asLong()).isEqualTo(900);

        // the metrics count the tokens and the outcome
        assertThat(tokens("input") - inputBefore).isEqualTo(900);
        assertThat(meters.get("workflow.llm.cost").tag("currency", "USD").counter().count()).isGreaterThan(0.3);
        assertThat(meters.get("workflow.outcomes").tag("status", "completed").counter().count()).isPositive();

        // every call to an agent carried the trace
        fleet.server.verify(4, postRequestedFor(urlMatching("/.*/execute"))
                .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-01")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(names(trace(traceId)))
                .contains("plan", "step validate_ro_1", "step create_payment_1", "execute payment.create_payment_link"));
        List<SpanData> trace = trace(traceId);
        Map<String, SpanData> byId = trace.stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        SpanData chat = trace.stream()
                .filter(span -> span.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")) != null)
                .filter(span -> span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.input_tokens")) != null)
                .findFirst().orElseThrow(() -> new AssertionError("no GenAI chat span in " + names(trace)));
        assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
        assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.input_tokens"))).isEqualTo("900");
        assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.output_tokens"))).isEqualTo("300");
        assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.response.finish_reasons")))
                .containsIgnoringCase("stop");
        assertThat(ancestors(chat, byId)).contains("plan");
        SpanData call = trace.stream().filter(span -> span.getName().equals("execute payment.create_payment_link"))
                .findFirst().orElseThrow();
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(byId.get(call.getParentSpanId()).getName()).isEqualTo("step create_payment_1");
    }

    private double tokens(String direction) {
        var counter = meters.find("workflow.llm.tokens").tag("direction", direction).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<SpanData> trace(String traceId) {
        return exported.spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }

    private static List<String> ancestors(SpanData span, Map<String, SpanData> byId) {
        List<String> names = new ArrayList<>();
        for (SpanData parent = byId.get(span.getParentSpanId()); parent != null;
             parent = byId.get(parent.getParentSpanId())) {
            names.add(parent.getName());
        }
        return names;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

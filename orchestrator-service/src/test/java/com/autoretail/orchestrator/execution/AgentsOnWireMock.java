package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.AgentProbe;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock playing the parts and payment agents at {@code /parts} and {@code /payment}, and an executor wired to
 * them as the orchestrator wires it (a fresh registry and breakers before each test), with undo retries short
 * enough for a test: tried for {@link #UNDO_WINDOW} every 50 ms and up.
 */
final class AgentsOnWireMock implements BeforeEachCallback, AfterAllCallback {

    static final Duration UNDO_WINDOW = Duration.ofSeconds(2);
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    final WireMockServer server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true)
            .containerThreads(40));
    ServiceRegistry registry;
    CircuitBreakerRegistry breakers;
    WorkflowExecutor executor;
    private AgentClient client;
    /** Every snapshot the executor wrote to its journal in the last run, oldest first. */
    final List<ExecutionResults> journal = new CopyOnWriteArrayList<>();

    AgentsOnWireMock() {
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
        journal.clear();
        for (String service : List.of("parts", "payment")) {
            server.stubFor(get("/" + service + "/health").willReturn(okJson("{\"status\":\"UP\"}")));
            server.stubFor(get("/" + service + "/capabilities").willReturn(okJson(capabilities(service))));
        }
        String base = server.baseUrl();
        OrchestratorProperties properties = new OrchestratorProperties(
                Map.of("parts", new OrchestratorProperties.Service(List.of(base + "/parts")),
                        "payment", new OrchestratorProperties.Service(List.of(base + "/payment"))),
                Duration.ofSeconds(30), Duration.ofSeconds(5), new OrchestratorProperties.ApiKeys(null, null),
                Map.of(), null, null, null, null);
        registry = new ServiceRegistry(properties, new AgentProbe(RestClient.create()));
        registry.refresh();
        breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        client = new AgentClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), registry,
                MAPPER, null);
        rebuild(Duration.ofMillis(20));
    }

    /** The executor again, its steps retried after {@code retryBackoff} (and more, doubling). */
    void rebuild(Duration retryBackoff) {
        StepCaller caller = new StepCaller(client, breakers, retryBackoff);
        Compensator compensator = new Compensator(client, new Compensator.CompensationPolicy(2, UNDO_WINDOW,
                Duration.ofMillis(50), Duration.ofMillis(400)), new SimpleMeterRegistry());
        executor = new WorkflowExecutor(caller, compensator, WORKERS, new SimpleMeterRegistry());
    }

    /** The executor again, calling the agents through this client. */
    void rebuildWith(AgentClient other) {
        client = other;
        rebuild(Duration.ofMillis(20));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /** Runs the steps as workflow {@code wf-1}, with a minute to go. */
    ExecutionResults run(ExecutionStep... steps) {
        return runFrom(null, Instant.now().plusSeconds(60), steps);
    }

    /** Runs the steps from the journal's {@code prior} results, until {@code deadline}. */
    ExecutionResults runFrom(ExecutionResults prior, Instant deadline, ExecutionStep... steps) {
        return runFrom(prior, deadline, results -> journal.add(results), steps);
    }

    ExecutionResults runFrom(ExecutionResults prior, Instant deadline, ExecutionJournal into, ExecutionStep... steps) {
        return runGated(prior, deadline, null, into, steps);
    }

    /** Runs only the steps of {@code mayStart} (all when null), from {@code prior}, as a paused workflow does. */
    ExecutionResults runGated(ExecutionResults prior, java.util.Set<String> mayStart, ExecutionJournal into,
                              ExecutionStep... steps) {
        return runGated(prior, Instant.now().plusSeconds(60), mayStart, into, steps);
    }

    private ExecutionResults runGated(ExecutionResults prior, Instant deadline, java.util.Set<String> mayStart,
                                      ExecutionJournal into, ExecutionStep... steps) {
        WorkflowPlan plan = new WorkflowPlan("wf_test", "low", 10, List.of(steps), List.of(), Map.of());
        PlanValidator validator = new PlanValidator(20, new StepDefaults(10, 2), Clock.systemUTC());
        return executor.execute("wf-1", validator.check(plan, registry.catalog()), Map.of("tenant_id", "T1"),
                registry.knownCatalog(), prior, deadline, into, mayStart);
    }

    static ExecutionStep step(String id, String service, String operation, Map<String, Object> parameters,
                              FailureHandling policy, String... dependencies) {
        return new ExecutionStep(id, null, service, operation, parameters, List.of(), List.of(dependencies), null,
                policy, 5, 2);
    }

    static MappingBuilder execute(String service, String operation) {
        return post("/" + service + "/execute").withRequestBody(matchingJsonPath("$.operation", equalTo(operation)));
    }

    static String ok(String result) {
        return "{\"request_id\":\"x\",\"success\":true,\"result\":" + result + ",\"error\":null,\"error_code\":null,"
                + "\"execution_time\":0.01,\"metadata\":{}}";
    }

    static String failed(String code, String error) {
        return "{\"request_id\":\"x\",\"success\":false,\"result\":null,\"error\":\"" + error + "\",\"error_code\":\""
                + code + "\",\"execution_time\":0.01,\"metadata\":{}}";
    }

    private static String capabilities(String service) {
        String operations = service.equals("parts")
                ? "[" + op("get_part_details", false, null, "") + "," + op("reserve_parts", true,
                "release_reservation", "") + "," + op("release_reservation", true, null, "reservation_id") + "]"
                : "[" + op("create_payment_link", true, "cancel_payment_link", "") + ","
                + op("cancel_payment_link", true, null, "payment_id") + ","
                + op("send_payment_notification", true, null, "") + "]";
        return "{\"service_name\":\"" + service + "-agent\",\"service_key\":\"" + service + "\",\"operations\":"
                + operations + "}";
    }

    private static String op(String name, boolean sideEffects, String compensation, String required) {
        return "{\"name\":\"" + name + "\",\"source\":\"mcp\",\"side_effects\":" + sideEffects
                + (compensation == null ? "" : ",\"compensation\":\"" + compensation + "\"")
                + ",\"parameters\":{\"type\":\"object\"" + (required.isEmpty() ? "" : ",\"required\":[\"" + required
                + "\"]") + "}}";
    }
}

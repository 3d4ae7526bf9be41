package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.AgentProbe;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.autoretail.orchestrator.validation.ValidatedPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DAG executor against WireMock playing the agents: parallelism, dependencies, retries with one
 * request_id, the circuit breaker, skip and abort, compensation, timeouts and references.
 */
class WorkflowExecutorTest {

    static WireMockServer agents;
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    ServiceRegistry registry;
    WorkflowExecutor executor;
    CircuitBreakerRegistry breakers;

    @BeforeAll
    static void startAgents() {
        agents = new WireMockServer(options().dynamicPort().http2PlainDisabled(true).containerThreads(40));
        agents.start();
    }

    @AfterAll
    static void stopAgents() {
        agents.stop();
    }

    @BeforeEach
    void setUp() {
        agents.resetAll();
        for (String service : List.of("parts", "payment")) {
            agents.stubFor(get("/" + service + "/health").willReturn(okJson("{\"status\":\"UP\"}")));
            agents.stubFor(get("/" + service + "/capabilities").willReturn(okJson(capabilities(service))));
        }
        String base = agents.baseUrl();
        OrchestratorProperties properties = new OrchestratorProperties(
                Map.of("parts", new OrchestratorProperties.Service(List.of(base + "/parts")),
                        "payment", new OrchestratorProperties.Service(List.of(base + "/payment"))),
                Duration.ofSeconds(30), Duration.ofSeconds(5), new OrchestratorProperties.ApiKeys(null, null), Map.of(),
                new OrchestratorProperties.Planner(20, Duration.ofSeconds(60), 1),
                new OrchestratorProperties.Execution(30, 2, Duration.ofMillis(20)),
                new OrchestratorProperties.Workflows("memory", Duration.ofHours(1), 100),
                new OrchestratorProperties.Callbacks(List.of("localhost")));
        registry = new ServiceRegistry(properties, new AgentProbe(RestClient.create()));
        registry.refresh();
        breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        StepCaller caller = new StepCaller(new AgentClient(RestClient.create(), registry, MAPPER), breakers, WORKERS,
                Duration.ofMillis(20));
        executor = new WorkflowExecutor(caller, new Compensator(caller, 10), WORKERS, new SimpleMeterRegistry());
    }

    private static String capabilities(String service) {
        String operations = service.equals("parts")
                ? "[{\"name\":\"get_part_details\",\"source\":\"mcp\",\"side_effects\":false,\"parameters\":{\"type\":\"object\"}},"
                + "{\"name\":\"reserve_parts\",\"source\":\"mcp\",\"side_effects\":true,\"compensation\":\"release_reservation\","
                + "\"parameters\":{\"type\":\"object\"}},"
                + "{\"name\":\"release_reservation\",\"source\":\"mcp\",\"side_effects\":true,"
                + "\"parameters\":{\"type\":\"object\",\"required\":[\"reservation_id\"]}}]"
                : "[{\"name\":\"create_payment_link\",\"source\":\"mcp\",\"side_effects\":true,"
                + "\"compensation\":\"cancel_payment_link\",\"parameters\":{\"type\":\"object\"}},"
                + "{\"name\":\"cancel_payment_link\",\"source\":\"mcp\",\"side_effects\":true,"
                + "\"parameters\":{\"type\":\"object\",\"required\":[\"payment_id\"]}}]";
        return "{\"service_name\":\"" + service + "-agent\",\"service_key\":\"" + service + "\",\"operations\":"
                + operations + "}";
    }

    private static MappingBuilder execute(String service, String operation) {
        return post("/" + service + "/execute").withRequestBody(matchingJsonPath("$.operation", equalTo(operation)));
    }

    private static String ok(String result) {
        return "{\"request_id\":\"x\",\"success\":true,\"result\":" + result + ",\"error\":null,\"error_code\":null,"
                + "\"execution_time\":0.01,\"metadata\":{}}";
    }

    private static String failed(String code, String error) {
        return "{\"request_id\":\"x\",\"success\":false,\"result\":null,\"error\":\"" + error + "\",\"error_code\":\""
                + code + "\",\"execution_time\":0.01,\"metadata\":{}}";
    }

    private static ExecutionStep step(String id, String service, String operation, Map<String, Object> parameters,
                                      FailureHandling policy, String... dependencies) {
        return new ExecutionStep(id, null, service, operation, parameters, List.of(), List.of(dependencies), null,
                policy, 5, 2);
    }

    private ExecutionResults run(ExecutionStep... steps) {
        WorkflowPlan plan = new WorkflowPlan("wf_test", "low", 10, List.of(steps), List.of(), Map.of());
        List<ExecutionResults> progress = new ArrayList<>();
        ValidatedPlan validated = new PlanValidator(20, new StepDefaults(10, 2), Clock.systemUTC())
                .check(plan, registry.catalog());
        ExecutionResults results = executor.execute("wf-1", validated, Map.of("tenant_id", "T1"), registry.catalog(),
                progress::add);
        assertThat(progress).isNotEmpty();
        return results;
    }

    @Test
    void independentStepsRunInParallel() {
        agents.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}")).withFixedDelay(300)));
        agents.stubFor(execute("payment", "create_payment_link").willReturn(okJson(ok("{}")).withFixedDelay(300)));
        long start = System.nanoTime();

        ExecutionResults results = run(
                step("a", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("b", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(results.completed()).isEqualTo(2);
        assertThat(seconds).as("two 300 ms steps side by side").isLessThan(0.55);
    }

    @Test
    void dependentStepStartsAfterItsDependencyEnds() {
        agents.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}")).withFixedDelay(200)));
        agents.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));

        ExecutionResults results = run(
                step("validate", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY, "validate"));

        StepResult validate = results.steps().get("validate");
        StepResult reserve = results.steps().get("reserve");
        assertThat(reserve.status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(reserve.startedAt()).isAfterOrEqualTo(
                validate.startedAt().plusMillis((long) (validate.executionTime() * 1000)));
    }

    @Test
    void retryableFailuresAreRetriedWithTheSameRequestId() {
        agents.stubFor(execute("payment", "create_payment_link").inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)
                        .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))).willSetStateTo("second"));
        agents.stubFor(execute("payment", "create_payment_link").inScenario("flaky")
                .whenScenarioStateIs("second").willReturn(aResponse().withStatus(503)
                        .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))).willSetStateTo("third"));
        agents.stubFor(execute("payment", "create_payment_link").inScenario("flaky")
                .whenScenarioStateIs("third").willReturn(okJson(ok("{\"payment_id\":\"PAY-1\"}"))));

        ExecutionResults results = run(step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        StepResult pay = results.steps().get("pay");
        assertThat(pay.status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(pay.attempts()).isEqualTo(3);
        agents.verify(exactly(3), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:pay"))));
        agents.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.context.attempt", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.context.tenant_id", equalTo("T1"))));
    }

    @Test
    void clientErrorsAreNotRetried() {
        agents.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(400)
                .withBody(failed("VALIDATION_ERROR", "customer_email: bad"))));

        ExecutionResults results = run(step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        StepResult pay = results.steps().get("pay");
        assertThat(pay.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(pay.errorCode().name()).isEqualTo("VALIDATION_ERROR");
        assertThat(pay.attempts()).isEqualTo(1);
        assertThat(results.aborted()).isTrue();
    }

    @Test
    void openBreakerFailsStepsFastWithoutCallingTheAgent() {
        agents.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(503)
                .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))));
        for (int i = 0; i < 2; i++) {
            run(step("s" + i, "parts", "get_part_details", Map.of(), FailureHandling.RETRY));
        }
        int callsBefore = agents.findAll(postRequestedFor(urlEqualTo("/parts/execute"))).size();
        long start = System.nanoTime();

        ExecutionResults results = run(step("late", "parts", "get_part_details", Map.of(), FailureHandling.RETRY));

        StepResult late = results.steps().get("late");
        assertThat(late.errorCode().name()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(late.error()).contains("Circuit breaker");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.5);
        assertThat(agents.findAll(postRequestedFor(urlEqualTo("/parts/execute")))).hasSize(callsBefore);
    }

    @Test
    void skippedFailureSkipsItsDependentsAndTheRestGoesOn() {
        agents.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no part"))));
        agents.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));
        agents.stubFor(execute("payment", "create_payment_link").willReturn(okJson(ok("{\"payment_id\":\"P1\"}"))));

        ExecutionResults results = run(
                step("check", "parts", "get_part_details", Map.of(), FailureHandling.SKIP),
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY, "check"),
                step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        assertThat(results.aborted()).isFalse();
        assertThat(results.failedSteps()).containsExactly("check");
        assertThat(results.skippedSteps()).containsExactly("reserve");
        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(results.steps().get("reserve").error()).contains("check");
    }

    @Test
    void abortCompensatesCompletedSideEffectsInReverseOrder() {
        agents.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"RES-9\"}"))));
        agents.stubFor(execute("parts", "release_reservation").willReturn(okJson(ok("{\"released\":true}"))));
        agents.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(400)
                .withBody(failed("VALIDATION_ERROR", "customer_email: not an email")).withFixedDelay(100)));
        agents.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}"))));

        ExecutionResults results = run(
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY),
                step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.ABORT, "reserve"),
                step("after", "parts", "get_part_details", Map.of(), FailureHandling.ABORT, "pay"));

        assertThat(results.aborted()).isTrue();
        assertThat(results.compensatedSteps()).containsExactly("reserve");
        StepResult reserve = results.steps().get("reserve");
        assertThat(reserve.status()).isEqualTo(StepResult.Status.COMPENSATED);
        assertThat(reserve.compensation().operation()).isEqualTo("release_reservation");
        assertThat(results.steps().get("after").status()).isIn(StepResult.Status.SKIPPED, StepResult.Status.NOT_RUN);
        agents.verify(exactly(1), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("release_reservation")))
                .withRequestBody(matchingJsonPath("$.parameters.reservation_id", equalTo("RES-9")))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:reserve:compensate"))));
    }

    @Test
    void abortStartsNoNewStepButLetsRunningOnesFinish() {
        agents.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no part"))));
        agents.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"P7\"}")).withFixedDelay(300)));
        agents.stubFor(execute("payment", "cancel_payment_link").willReturn(okJson(ok("{\"cancelled\":true}"))));
        agents.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{}"))));

        ExecutionResults results = run(
                step("check", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY),
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY, "pay"));

        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.COMPENSATED);
        assertThat(results.steps().get("reserve").status()).isEqualTo(StepResult.Status.NOT_RUN);
        agents.verify(exactly(0), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("reserve_parts"))));
    }

    @Test
    void stepPastItsTimeoutFails() {
        agents.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}")).withFixedDelay(5000)));
        ExecutionStep slow = new ExecutionStep("slow", 1, "parts", "get_part_details", Map.of(), List.of(), List.of(),
                null, FailureHandling.ABORT, 1, 0);
        long start = System.nanoTime();

        ExecutionResults results = run(slow);

        assertThat(results.steps().get("slow").errorCode().name()).isEqualTo("TIMEOUT");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(4.5);
    }

    @Test
    void referencesAreResolvedWithTheirTypes() {
        agents.stubFor(execute("parts", "reserve_parts")
                .willReturn(okJson(ok("{\"reservation_id\":\"RES-5\",\"total_price\":89.99,\"lines\":[{\"qty\":2}]}"))));
        agents.stubFor(execute("payment", "create_payment_link").willReturn(okJson(ok("{\"payment_id\":\"P1\"}"))));

        ExecutionResults results = run(
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY),
                step("pay", "payment", "create_payment_link", Map.of(
                        "amount", "${steps.reserve.result.total_price}",
                        "quantity", "${steps.reserve.result.lines[0].qty}",
                        "note", "for ${steps.reserve.result.reservation_id}"), FailureHandling.RETRY, "reserve"));

        assertThat(results.completed()).isEqualTo(2);
        agents.verify(postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.parameters[?(@.amount == 89.99)]"))
                .withRequestBody(matchingJsonPath("$.parameters[?(@.quantity == 2)]"))
                .withRequestBody(matchingJsonPath("$.parameters.note", equalTo("for RES-5"))));
    }

    @Test
    void unresolvableReferenceFailsTheStep() {
        agents.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{}"))));

        ExecutionResults results = run(
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY),
                step("pay", "payment", "create_payment_link", Map.of("payment_id", "${steps.reserve.result.nope}"),
                        FailureHandling.ABORT, "reserve"));

        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(results.steps().get("pay").error()).contains("nope");
    }

    @Test
    void catalogSeesTheHealthyServices() {
        ServiceCatalog catalog = registry.catalog();

        assertThat(catalog.services()).containsOnlyKeys("parts", "payment");
        assertThat(catalog.has("parts", "reserve_parts")).isTrue();
    }
}

package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.autoretail.orchestrator.execution.AgentsOnWireMock.execute;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.failed;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.ok;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.step;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DAG executor against WireMock playing the agents: parallelism, dependencies, retries with one
 * request_id, the circuit breaker, skip and abort, compensation, timeouts and references.
 */
class WorkflowExecutorTest {

    @RegisterExtension
    static final AgentsOnWireMock fleet = new AgentsOnWireMock();

    private static ExecutionResults run(ExecutionStep... steps) {
        ExecutionResults results = fleet.run(steps);
        assertThat(fleet.journal).isNotEmpty();
        return results;
    }

    @Test
    void independentStepsRunInParallel() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}")).withFixedDelay(300)));
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{}")).withFixedDelay(300)));

        ExecutionResults results = run(
                step("a", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("b", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        assertThat(results.completed()).isEqualTo(2);
        // side by side: each step started before the other ended (each took at least its agent's 300 ms), measured
        // on the executor's own clock, so that a slow machine cannot make sequential steps look parallel or not
        StepResult a = results.steps().get("a");
        StepResult b = results.steps().get("b");
        assertThat(a.startedAt()).as("a started before b ended").isBefore(ended(b));
        assertThat(b.startedAt()).as("b started before a ended").isBefore(ended(a));
    }

    private static Instant ended(StepResult step) {
        assertThat(step.executionTime()).isGreaterThanOrEqualTo(0.3);
        return step.startedAt().plusNanos((long) (step.executionTime() * 1e9));
    }

    @Test
    void dependentStepStartsAfterItsDependencyEnds() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}")).withFixedDelay(200)));
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));

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
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)
                        .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))).willSetStateTo("second"));
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("flaky")
                .whenScenarioStateIs("second").willReturn(aResponse().withStatus(503)
                        .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))).willSetStateTo("third"));
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("flaky")
                .whenScenarioStateIs("third").willReturn(okJson(ok("{\"payment_id\":\"PAY-1\"}"))));

        ExecutionResults results = run(step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        StepResult pay = results.steps().get("pay");
        assertThat(pay.status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(pay.attempts()).isEqualTo(3);
        fleet.server.verify(exactly(3), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:pay"))));
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.context.attempt", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.context.tenant_id", equalTo("T1"))));
    }

    @Test
    void clientErrorsAreNotRetried() {
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(400)
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
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(503)
                .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))));
        for (int i = 0; i < 2; i++) {
            run(step("s" + i, "parts", "get_part_details", Map.of(), FailureHandling.RETRY));
        }
        int callsBefore = fleet.server.findAll(postRequestedFor(urlEqualTo("/parts/execute"))).size();
        long start = System.nanoTime();

        ExecutionResults results = run(step("late", "parts", "get_part_details", Map.of(), FailureHandling.RETRY));

        StepResult late = results.steps().get("late");
        assertThat(late.errorCode().name()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(late.error()).contains("Circuit breaker");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.5);
        assertThat(fleet.server.findAll(postRequestedFor(urlEqualTo("/parts/execute")))).hasSize(callsBefore);
    }

    @Test
    void skippedFailureSkipsItsDependentsAndTheRestGoesOn() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no part"))));
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"P1\"}"))));

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
        fleet.server.stubFor(execute("parts", "reserve_parts")
                .willReturn(okJson(ok("{\"reservation_id\":\"RES-9\"}"))));
        fleet.server.stubFor(execute("parts", "release_reservation").willReturn(okJson(ok("{\"released\":true}"))));
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(400)
                .withBody(failed("VALIDATION_ERROR", "customer_email: not an email")).withFixedDelay(100)));
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}"))));

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
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("release_reservation")))
                .withRequestBody(matchingJsonPath("$.parameters.reservation_id", equalTo("RES-9")))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:reserve:compensate"))));
    }

    @Test
    void abortStartsNoNewStepButLetsRunningOnesFinish() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no part"))));
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"P7\"}")).withFixedDelay(300)));
        fleet.server.stubFor(execute("payment", "cancel_payment_link").willReturn(okJson(ok("{\"cancelled\":true}"))));
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{}"))));

        ExecutionResults results = run(
                step("check", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY),
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY, "pay"));

        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.COMPENSATED);
        assertThat(results.steps().get("reserve").status()).isEqualTo(StepResult.Status.NOT_RUN);
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("reserve_parts"))));
    }

    @Test
    void stepPastItsTimeoutFails() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}")).withFixedDelay(5000)));
        ExecutionStep slow = new ExecutionStep("slow", 1, "parts", "get_part_details", Map.of(), List.of(), List.of(),
                null, FailureHandling.ABORT, 1, 0);
        long start = System.nanoTime();

        ExecutionResults results = run(slow);

        assertThat(results.steps().get("slow").errorCode().name()).isEqualTo("TIMEOUT");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(4.5);
    }

    @Test
    void referencesAreResolvedWithTheirTypes() {
        fleet.server.stubFor(execute("parts", "reserve_parts")
                .willReturn(okJson(ok("{\"reservation_id\":\"RES-5\",\"total_price\":89.99,\"lines\":[{\"qty\":2}]}"))));
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"P1\"}"))));

        ExecutionResults results = run(
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY),
                step("pay", "payment", "create_payment_link", Map.of(
                        "amount", "${steps.reserve.result.total_price}",
                        "quantity", "${steps.reserve.result.lines[0].qty}",
                        "note", "for ${steps.reserve.result.reservation_id}"), FailureHandling.RETRY, "reserve"));

        assertThat(results.completed()).isEqualTo(2);
        fleet.server.verify(postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.parameters[?(@.amount == 89.99)]"))
                .withRequestBody(matchingJsonPath("$.parameters[?(@.quantity == 2)]"))
                .withRequestBody(matchingJsonPath("$.parameters.note", equalTo("for RES-5"))));
    }

    @Test
    void unresolvableReferenceFailsTheStep() {
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{}"))));

        ExecutionResults results = run(
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY),
                step("pay", "payment", "create_payment_link", Map.of("payment_id", "${steps.reserve.result.nope}"),
                        FailureHandling.ABORT, "reserve"));

        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(results.steps().get("pay").error()).contains("nope");
    }

    @Test
    void catalogSeesTheHealthyServices() {
        ServiceCatalog catalog = fleet.registry.catalog();

        assertThat(catalog.services()).containsOnlyKeys("parts", "payment");
        assertThat(catalog.has("parts", "reserve_parts")).isTrue();
    }
}

package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What makes a workflow never half done: undo that resolves unknown outcomes first and retries past an open
 * breaker until it succeeds or needs attention, the deadline, no attempt after an abort, a run that goes on from its
 * journal, a lost lease that stops it, and a step that always ends with an answer.
 */
class WorkflowExecutorDurabilityTest {

    @RegisterExtension
    static final AgentsOnWireMock fleet = new AgentsOnWireMock();

    private static final ExecutionStep RESERVE = step("reserve", "parts", "reserve_parts", Map.of(),
            FailureHandling.RETRY);

    private static ExecutionStep pay(String... dependencies) {
        return step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.ABORT, dependencies);
    }

    private static void reservesAndReleases() {
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));
        fleet.server.stubFor(execute("parts", "release_reservation").willReturn(okJson(ok("{\"released\":true}"))));
    }

    private static int calls(String service, String operation) {
        return fleet.server.findAll(postRequestedFor(urlEqualTo("/" + service + "/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo(operation)))).size();
    }

    @Test
    void aStepOfUnknownOutcomeIsResolvedThenUndoneIfItHappened() {
        reservesAndReleases();
        // the agent gave up waiting (its side effect may still land), then answers the first outcome when asked again
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("doubt")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(504)
                        .withBody(failed("TIMEOUT", "still being processed"))).willSetStateTo("happened"));
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("doubt")
                .whenScenarioStateIs("happened").willReturn(okJson(ok("{\"payment_id\":\"PAY-7\"}"))));
        fleet.server.stubFor(execute("payment", "cancel_payment_link").willReturn(okJson(ok("{\"cancelled\":true}"))));

        ExecutionResults results = fleet.run(RESERVE, pay("reserve"));

        StepResult pay = results.steps().get("pay");
        assertThat(pay.status()).isEqualTo(StepResult.Status.COMPENSATED);
        assertThat(pay.result()).isEqualTo(Map.of("payment_id", "PAY-7"));
        assertThat(results.compensatedSteps()).containsExactly("pay", "reserve");
        assertThat(results.needsAttentionSteps()).isEmpty();
        fleet.server.verify(exactly(2), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:pay"))));
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.parameters.payment_id", equalTo("PAY-7"))));
    }

    @Test
    void aStepOfUnknownOutcomeThatDidNotHappenIsNotUndone() {
        reservesAndReleases();
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("doubt")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(504)
                        .withBody(failed("TIMEOUT", "no answer yet"))).willSetStateTo("refused"));
        fleet.server.stubFor(execute("payment", "create_payment_link").inScenario("doubt")
                .whenScenarioStateIs("refused").willReturn(aResponse().withStatus(400)
                        .withBody(failed("VALIDATION_ERROR", "customer_email: not an email"))));

        ExecutionResults results = fleet.run(RESERVE, pay("reserve"));

        StepResult pay = results.steps().get("pay");
        assertThat(pay.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(pay.inDoubt()).isFalse();
        assertThat(results.compensatedSteps()).containsExactly("reserve");
        assertThat(calls("payment", "cancel_payment_link")).isZero();
    }

    @Test
    void undoIsRetriedPastTheOpenBreakerUntilTheServiceIsBack() {
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(400)
                .withBody(failed("VALIDATION_ERROR", "bad")).withFixedDelay(300)));
        fleet.server.stubFor(execute("parts", "release_reservation").inScenario("down")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)
                        .withBody(failed("UPSTREAM_UNAVAILABLE", "parts MCP down"))).willSetStateTo("still down"));
        fleet.server.stubFor(execute("parts", "release_reservation").inScenario("down")
                .whenScenarioStateIs("still down").willReturn(aResponse().withStatus(503)
                        .withBody(failed("UPSTREAM_UNAVAILABLE", "parts MCP down"))).willSetStateTo("back"));
        fleet.server.stubFor(execute("parts", "release_reservation").inScenario("down")
                .whenScenarioStateIs("back").willReturn(okJson(ok("{\"released\":true}"))));
        CompletableFuture<ExecutionResults> running = CompletableFuture.supplyAsync(() -> fleet.run(RESERVE,
                pay("reserve")));
        await().atMost(Duration.ofSeconds(5)).until(() -> fleet.journal.stream().anyMatch(
                r -> r.steps().containsKey("reserve") && r.steps().get("reserve").status()
                        == StepResult.Status.COMPLETED));
        fleet.breakers.circuitBreaker("parts").transitionToForcedOpenState();

        ExecutionResults results = running.join();

        StepResult reserve = results.steps().get("reserve");
        assertThat(reserve.status()).isEqualTo(StepResult.Status.COMPENSATED);
        assertThat(reserve.compensation().attempts()).isEqualTo(3);
        assertThat(calls("parts", "release_reservation")).isEqualTo(3);
        assertThat(fleet.journal).as("each failed try is journaled").anySatisfy(r ->
                assertThat(r.steps().get("reserve").compensation()).isNotNull());
    }

    @Test
    void undoThatKeepsFailingNeedsAttention() {
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));
        fleet.server.stubFor(execute("parts", "release_reservation").willReturn(aResponse().withStatus(503)
                .withBody(failed("UPSTREAM_UNAVAILABLE", "parts MCP down"))));
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(400)
                .withBody(failed("VALIDATION_ERROR", "bad"))));
        long start = System.nanoTime();

        ExecutionResults results = fleet.run(RESERVE, pay("reserve"));

        assertThat(results.needsAttentionSteps()).containsExactly("reserve");
        assertThat(results.compensatedSteps()).isEmpty();
        StepResult.Compensation undo = results.steps().get("reserve").compensation();
        assertThat(undo.needsAttention()).isTrue();
        assertThat(undo.attempts()).isGreaterThan(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AgentsOnWireMock.UNDO_WINDOW.plusSeconds(3));
    }

    @Test
    void aCompletedSideEffectWithoutCompensationIsListedAsNotUndone() {
        fleet.server.stubFor(execute("payment", "send_payment_notification").willReturn(okJson(ok("{\"sent\":true}"))));
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no part")).withFixedDelay(200)));

        ExecutionResults results = fleet.run(
                step("notify", "payment", "send_payment_notification", Map.of(), FailureHandling.RETRY),
                step("check", "parts", "get_part_details", Map.of(), FailureHandling.ABORT));

        assertThat(results.aborted()).isTrue();
        assertThat(results.notUndoneSteps()).containsExactly("notify");
        assertThat(results.compensatedSteps()).isEmpty();
        assertThat(results.steps().get("notify").status()).isEqualTo(StepResult.Status.COMPLETED);
    }

    @Test
    void theDeadlineStopsTheWorkflowAndUndoesWhatItDid() {
        reservesAndReleases();
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"PAY-9\"}")).withFixedDelay(1500)));
        fleet.server.stubFor(execute("payment", "cancel_payment_link").willReturn(okJson(ok("{\"cancelled\":true}"))));
        long start = System.nanoTime();

        ExecutionResults results = fleet.runFrom(null, Instant.now().plusMillis(800), RESERVE, pay("reserve"));

        assertThat(results.aborted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // the call in flight at the deadline is found out (it happened) and undone with the rest
        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.COMPENSATED);
        assertThat(results.compensatedSteps()).containsExactly("pay", "reserve");
    }

    @Test
    void noAttemptStartsAfterTheWorkflowAborted() {
        fleet.rebuild(Duration.ofMillis(600));
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(503)
                .withBody(failed("UPSTREAM_UNAVAILABLE", "down"))));
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no part")).withFixedDelay(100)));

        ExecutionResults results = fleet.run(
                step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY),
                step("check", "parts", "get_part_details", Map.of(), FailureHandling.ABORT));

        assertThat(results.aborted()).isTrue();
        assertThat(results.steps().get("pay").attempts()).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> calls("payment", "create_payment_link") == 1);
    }

    @Test
    void aTakenOverWorkflowGoesOnFromItsJournal() {
        reservesAndReleases();
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"P\"}"))));
        Map<String, StepResult> steps = new LinkedHashMap<>();
        steps.put("reserve", new StepResult(StepResult.Status.COMPLETED, "parts", "reserve_parts",
                Map.of("reservation_id", "R1"), null, null, 1, Instant.now(), 0.1, false, null));
        steps.put("pay", StepResult.running("payment", "create_payment_link", Instant.now()));
        ExecutionResults journaled = new ExecutionResults(steps, 1, 2, List.of(), List.of(), List.of(), List.of(),
                List.of(), false);

        ExecutionResults results = fleet.runFrom(journaled, Instant.now().plusSeconds(30), RESERVE, pay("reserve"));

        assertThat(results.succeeded()).isTrue();
        assertThat(calls("parts", "reserve_parts")).as("a completed step is not run again").isZero();
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:pay"))));
    }

    @Test
    void aTakenOverAbortedWorkflowGoesOnUndoing() {
        reservesAndReleases();
        Map<String, StepResult> steps = new LinkedHashMap<>();
        steps.put("reserve", new StepResult(StepResult.Status.COMPLETED, "parts", "reserve_parts",
                Map.of("reservation_id", "R1"), null, null, 1, Instant.now(), 0.1, false, null));
        steps.put("pay", new StepResult(StepResult.Status.FAILED, "payment", "create_payment_link", null, "bad",
                ErrorCode.VALIDATION_ERROR, 1, Instant.now(), 0.1, false, null));
        ExecutionResults journaled = new ExecutionResults(steps, 1, 2, List.of("pay"), List.of(), List.of(),
                List.of(), List.of(), true);

        ExecutionResults results = fleet.runFrom(journaled, Instant.now().plusSeconds(30), RESERVE, pay("reserve"));

        assertThat(results.compensatedSteps()).containsExactly("reserve");
        assertThat(calls("payment", "create_payment_link")).isZero();
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.parameters.reservation_id", equalTo("R1"))));
    }

    @Test
    void aLostLeaseStopsTheRunAtItsNextWrite() {
        reservesAndReleases();
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(okJson(ok("{}"))));
        int[] writes = {0};

        assertThatThrownBy(() -> fleet.runFrom(null, Instant.now().plusSeconds(30), results -> ++writes[0] < 2,
                RESERVE, pay("reserve"))).isInstanceOf(WorkflowAbandoned.class);
        assertThat(calls("payment", "create_payment_link")).as("nothing after the lease was lost").isZero();
    }

    @Test
    void aStepThatThrowsInTheOrchestratorFailsInsteadOfHanging() {
        fleet.rebuildWith(new AgentClient(null, fleet.registry, AgentsOnWireMock.MAPPER, null) {
            @Override
            public Reply execute(String service, com.autoretail.common.wire.AgentServiceRequest request,
                                 Duration timeout) {
                throw new IllegalStateException("boom");
            }
        });

        ExecutionResults results = fleet.run(step("check", "parts", "get_part_details", Map.of(),
                FailureHandling.ABORT));

        StepResult check = results.steps().get("check");
        assertThat(check.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(check.errorCode()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(check.error()).contains("boom");
    }

    @Test
    void aSlowAnswerIsATimeoutAndKeepsTheInstanceInRotation() {
        fleet.server.stubFor(execute("parts", "get_part_details").inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(ok("{}")).withFixedDelay(3500))
                .willSetStateTo("fast"));
        fleet.server.stubFor(execute("parts", "get_part_details").inScenario("slow")
                .whenScenarioStateIs("fast").willReturn(okJson(ok("{\"part_number\":\"1\"}"))));
        ExecutionStep slow = new ExecutionStep("slow", 1, "parts", "get_part_details", Map.of(), List.of(),
                List.of(), null, FailureHandling.SKIP, 1, 0);

        ExecutionResults results = fleet.run(slow, step("next", "parts", "get_part_details", Map.of(),
                FailureHandling.ABORT, "slow"));

        assertThat(results.steps().get("slow").errorCode()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(fleet.registry.catalog().services()).containsKey("parts");
        assertThat(fleet.run(step("again", "parts", "get_part_details", Map.of(), FailureHandling.ABORT))
                .succeeded()).isTrue();
    }
}

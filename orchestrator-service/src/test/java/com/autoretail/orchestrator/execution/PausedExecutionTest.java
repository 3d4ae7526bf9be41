package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/** A workflow that waits for approval: only its first steps run, then it goes on from its journal once approved. */
class PausedExecutionTest {

    @RegisterExtension
    static final AgentsOnWireMock fleet = new AgentsOnWireMock();

    private static final ExecutionStep READ = step("read", "parts", "get_part_details", Map.of(),
            FailureHandling.ABORT);
    private static final ExecutionStep RESERVE = step("reserve", "parts", "reserve_parts", Map.of(),
            FailureHandling.RETRY, "read");

    private static int calls(String operation) {
        return fleet.server.findAll(postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo(operation)))).size();
    }

    @Test
    void aPausedRunStartsOnlyItsFirstStepsThenGoesOnFromWhereItStopped() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{\"stock\":3}"))));
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));
        List<ExecutionResults> journal = new ArrayList<>();

        ExecutionResults paused = fleet.runGated(null, Set.of("read"), r -> journal.add(r), READ, RESERVE);

        assertThat(paused.aborted()).isFalse();
        assertThat(paused.steps().get("read").status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(paused.steps()).doesNotContainKey("reserve");
        assertThat(paused.unstarted(List.of("read", "reserve"))).containsExactly("reserve");
        assertThat(calls("reserve_parts")).isZero();

        ExecutionResults approved = fleet.runGated(paused, null, r -> journal.add(r), READ, RESERVE);

        assertThat(approved.succeeded()).isTrue();
        assertThat(calls("get_part_details")).as("the read is not run again").isEqualTo(1);
        assertThat(calls("reserve_parts")).isEqualTo(1);
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo("wf-1:reserve"))));
    }

    @Test
    void aFailureBeforeThePauseAbortsAndNothingThatWaitedRuns() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withBody(failed("NOT_FOUND", "no such part"))));

        ExecutionStep pay = step("pay", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY);

        ExecutionResults results = fleet.runGated(null, Set.of("read"), r -> true, READ, RESERVE, pay);

        assertThat(results.aborted()).isTrue();
        assertThat(results.steps().get("reserve").status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(results.steps().get("pay").status()).isEqualTo(StepResult.Status.NOT_RUN);
        assertThat(calls("reserve_parts")).isZero();
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/payment/execute")));
    }

    @Test
    void aRejectedOrExpiredWaitMarksWhatWaitedNotRun() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}"))));
        ExecutionResults paused = fleet.runGated(null, Set.of("read"), r -> true, READ, RESERVE);

        ExecutionResults ended = paused.endedUnstarted(new com.autoretail.orchestrator.plan.WorkflowPlan("p", "low",
                1, List.of(READ, RESERVE), List.of(), Map.of()), "not run: rejected by appr-1");

        assertThat(ended.total()).isEqualTo(2);
        assertThat(ended.steps().get("read").status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(ended.steps().get("reserve").status()).isEqualTo(StepResult.Status.NOT_RUN);
        assertThat(ended.steps().get("reserve").error()).contains("rejected by appr-1");
        assertThat(ended.succeeded()).isFalse();
        assertThat(calls("reserve_parts")).isZero();
    }
}

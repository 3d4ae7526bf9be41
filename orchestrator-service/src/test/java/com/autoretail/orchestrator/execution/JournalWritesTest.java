package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.plan.FailureHandling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.autoretail.orchestrator.execution.AgentsOnWireMock.execute;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.failed;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.ok;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.step;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which changes of a run reach the journal, and when: a step's result is written before anything uses it (its
 * dependents' launch, an abort, the workflow's end), and a completed step that starts nothing waits for that write
 * rather than costing a round trip of its own.
 */
class JournalWritesTest {

    @RegisterExtension
    static final AgentsOnWireMock fleet = new AgentsOnWireMock();

    @Test
    void aDependentStartsOnlyOnceItsDependencysResultIsJournaled() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{\"stock\":3}"))));
        fleet.server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok("{\"reservation_id\":\"R1\"}"))));

        fleet.run(step("validate", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("reserve", "parts", "reserve_parts", Map.of(), FailureHandling.RETRY, "validate"));

        ExecutionResults launch = fleet.journal.stream()
                .filter(results -> results.steps().containsKey("reserve")).findFirst().orElseThrow();
        assertThat(launch.steps().get("reserve").status()).isEqualTo(StepResult.Status.RUNNING);
        assertThat(launch.steps().get("validate").status()).isEqualTo(StepResult.Status.COMPLETED);
        assertThat(launch.steps().get("validate").result()).isEqualTo(Map.of("stock", 3));
    }

    @Test
    void aCompletedStepThatStartsNothingIsJournaledWithTheNextWrite() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok("{}"))));
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"PAY-1\"}")).withFixedDelay(300)));

        ExecutionResults results = fleet.run(step("quick", "parts", "get_part_details", Map.of(), FailureHandling.ABORT),
                step("slow", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        assertThat(results.completed()).isEqualTo(2);
        // the launch of both; the end of either is the workflow's end, which its runner writes
        assertThat(fleet.journal).hasSize(1);
        assertThat(fleet.journal.getFirst().steps().values())
                .allSatisfy(step -> assertThat(step.status()).isEqualTo(StepResult.Status.RUNNING));
    }

    @Test
    void aFailureIsJournaledAtOnce() {
        fleet.server.stubFor(execute("parts", "get_part_details").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(failed("NOT_FOUND", "no part"))));
        fleet.server.stubFor(execute("payment", "create_payment_link")
                .willReturn(okJson(ok("{\"payment_id\":\"PAY-1\"}")).withFixedDelay(300)));

        fleet.run(step("check", "parts", "get_part_details", Map.of(), FailureHandling.SKIP),
                step("slow", "payment", "create_payment_link", Map.of(), FailureHandling.RETRY));

        assertThat(fleet.journal).anySatisfy(written -> {
            assertThat(written.steps().get("check").status()).isEqualTo(StepResult.Status.FAILED);
            assertThat(written.steps().get("slow").status()).isEqualTo(StepResult.Status.RUNNING);
        });
    }
}

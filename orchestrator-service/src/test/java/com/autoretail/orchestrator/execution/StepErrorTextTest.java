package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.plan.FailureHandling;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.autoretail.orchestrator.execution.AgentsOnWireMock.execute;
import static com.autoretail.orchestrator.execution.AgentsOnWireMock.step;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** A step whose agent broke the connection says so by the service's name: where the instance is stays in the log. */
class StepErrorTextTest {

    @RegisterExtension
    static final AgentsOnWireMock fleet = new AgentsOnWireMock();

    @Test
    void aBrokenConnectionNamesTheServiceNotItsUrl() {
        fleet.server.stubFor(execute("parts", "get_part_details")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ExecutionResults results = fleet.run(step("a", "parts", "get_part_details", Map.of(), FailureHandling.ABORT));

        StepResult failed = results.steps().get("a");
        assertThat(failed.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(failed.error()).contains("parts closed the connection before answering")
                .doesNotContain(fleet.server.baseUrl(), "localhost", "http://", String.valueOf(fleet.server.port()));
    }
}

package com.autoretail.orchestrator.workflow;

import com.autoretail.common.security.Caller;
import com.autoretail.orchestrator.testsupport.Policies;
import com.autoretail.common.web.AgentException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A journal that cannot be reached answers 503 and starts nothing; it is never a 500. */
class UnreachableJournalTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final WorkflowStore down = (WorkflowStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {WorkflowStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("durable")) {
                    return true;
                }
                calls.incrementAndGet();
                throw new RedisConnectionFailureException("Unable to connect to Redis");
            });
    private final LeaseKeeper leases = new LeaseKeeper(down, Duration.ofSeconds(15),
            LeaseKeeper.writeTimer(new SimpleMeterRegistry(), down));
    // nothing but the journal is reached before it answers
    private final WorkflowService workflows = new WorkflowService(down, null, leases, null, null, null, "owner-1",
            Duration.ofMinutes(10), Policies.defaults(), () -> null);

    @Test
    void aSubmissionIsRefusedAsUnavailableAndNothingStarts() {
        OrchestratorRequest request = new OrchestratorRequest("wf-down", "Show the repair history of RO 1001", null,
                null, Map.of());

        assertThatThrownBy(() -> workflows.orchestrate("wf-down", request, Caller.OPEN))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("journal is unreachable").doesNotContain("Redis");
                });
        assertThatThrownBy(() -> workflows.orchestrateAsync("wf-down", request, Caller.OPEN))
                .isInstanceOf(AgentException.class);
        assertThat(calls.get()).as("only the claims were tried").isEqualTo(2);
    }

    @Test
    void aLookupIsRefusedAsUnavailable() {
        assertThatThrownBy(() -> workflows.find("wf-down", Caller.OPEN))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.status().value()).isEqualTo(503));
    }
}

package com.autoretail.orchestrator.workflow;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryWorkflowStoreTest extends WorkflowStoreContract {

    private final InMemoryWorkflowStore store = new InMemoryWorkflowStore(Duration.ofHours(1), 3, Clock.systemUTC());

    @Override
    WorkflowStore store() {
        return store;
    }

    @Test
    void keepsAtMostItsBoundOfFinishedWorkflowsButEveryUnfinishedOne() {
        String running = newId();
        store.claim(entry(running, "still running"), "a", LONG);
        for (int i = 0; i < 5; i++) {
            String id = newId();
            WorkflowStore.Lease lease = ((WorkflowStore.Claimed) store.claim(entry(id, "r"), "a", LONG)).lease();
            store.finish(lease, new WorkflowStatus(id, WorkflowStatus.Stage.COMPLETED, "r", true,
                    new com.autoretail.orchestrator.plan.WorkflowPlan("p", "low", 1, null, null, null), null, null,
                    null, 1.0, Instant.now(), Instant.now()));
        }

        assertThat(store.find(running)).isPresent();
        assertThat(store.durable()).isFalse();
    }
}

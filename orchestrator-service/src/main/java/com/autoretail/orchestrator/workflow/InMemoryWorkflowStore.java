package com.autoretail.orchestrator.workflow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;

/** The default workflow store: this JVM's memory, bounded, each record kept for the retention. */
class InMemoryWorkflowStore implements WorkflowStore {

    private final Cache<String, WorkflowStatus> workflows;

    InMemoryWorkflowStore(Duration retention, long maxEntries) {
        this.workflows = Caffeine.newBuilder().expireAfterWrite(retention).maximumSize(maxEntries).build();
    }

    @Override
    public void save(WorkflowStatus status) {
        workflows.put(status.requestId(), status);
    }

    @Override
    public Optional<WorkflowStatus> find(String requestId) {
        return Optional.ofNullable(workflows.getIfPresent(requestId));
    }
}

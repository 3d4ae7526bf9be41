package com.autoretail.orchestrator.workflow;

import java.util.Optional;

/** Workflow records by request_id: in memory, or in Redis so that several orchestrators share them. */
public interface WorkflowStore {

    void save(WorkflowStatus status);

    Optional<WorkflowStatus> find(String requestId);
}

package com.autoretail.orchestrator.execution;

/**
 * This orchestrator stops running a workflow and writes nothing more of it: another orchestrator took it over, or
 * this one is shutting down. The workflow's journal stays as it was, and its next owner goes on from there.
 */
public class WorkflowAbandoned extends RuntimeException {

    public WorkflowAbandoned(String requestId, String why) {
        super("Workflow " + requestId + " left to another orchestrator: " + why, null, false, false);
    }
}

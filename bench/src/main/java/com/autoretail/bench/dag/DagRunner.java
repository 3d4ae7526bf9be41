package com.autoretail.bench.dag;

/** Runs a plan's steps once, each after its dependencies, independent steps at the same time. */
public interface DagRunner {

    /** Its name in the report. */
    String name();

    /**
     * Runs a workflow of the plan under {@code requestId} (each step's calls use {@code requestId:stepId}, as the
     * orchestrator's do); fails with {@link StepFailed} when a step does not succeed.
     */
    DagRun run(String requestId) throws Exception;
}

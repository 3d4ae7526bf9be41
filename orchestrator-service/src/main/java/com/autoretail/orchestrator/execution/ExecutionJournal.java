package com.autoretail.orchestrator.execution;

/**
 * Where the executor writes every change of a workflow's steps as it happens: a step about to be called, a step
 * finished, a compensation tried. A write that answers false means this orchestrator no longer owns the workflow
 * (another one took it over): the executor stops at once and leaves it to the new owner.
 */
@FunctionalInterface
public interface ExecutionJournal {

    boolean record(ExecutionResults results);
}

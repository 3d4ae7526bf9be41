package com.autoretail.orchestrator.validation;

import com.autoretail.orchestrator.plan.WorkflowPlan;

/**
 * A normalized plan that passed {@link PlanValidator#check}: every step names a service and operation of the
 * catalog it was checked against, with valid parameters, known acyclic dependencies, references only to earlier
 * steps, and its timeout, retries and failure handling filled in. Only the validator makes one, and the executor
 * runs nothing else.
 */
public final class ValidatedPlan {

    private final WorkflowPlan plan;

    ValidatedPlan(WorkflowPlan plan) {
        this.plan = plan;
    }

    public WorkflowPlan plan() {
        return plan;
    }
}

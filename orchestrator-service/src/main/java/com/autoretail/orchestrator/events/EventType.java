package com.autoretail.orchestrator.events;

import java.util.Locale;

/** The kinds of workflow event, by their name on the wire ({@code step_completed}). */
public enum EventType {
    WORKFLOW_PLANNED, WORKFLOW_AWAITING_APPROVAL, WORKFLOW_APPROVED, WORKFLOW_REJECTED, WORKFLOW_APPROVAL_EXPIRED,
    STEP_STARTED, STEP_RETRIED, STEP_COMPLETED, STEP_FAILED, STEP_SKIPPED,
    COMPENSATION_STARTED, STEP_COMPENSATED, STEP_COMPENSATION_FAILED,
    WORKFLOW_ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.autoretail.orchestrator.planning;

import com.autoretail.common.wire.WorkflowPlan;

import java.util.List;

/**
 * A validated, normalized plan and how it was made.
 *
 * @param source {@value #LLM}, {@value #RULES}, or {@value #FALLBACK} (the rule planner after the LLM failed)
 * @param notes  what went wrong along the way (LLM errors, rejected plans), oldest first; empty when nothing did
 */
public record PlanOutcome(WorkflowPlan plan, String source, List<String> notes) {

    public static final String LLM = "llm";
    public static final String RULES = "rules";
    public static final String FALLBACK = "fallback";

    public PlanOutcome {
        notes = List.copyOf(notes);
    }
}

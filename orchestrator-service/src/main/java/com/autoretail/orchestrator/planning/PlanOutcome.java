package com.autoretail.orchestrator.planning;

import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.usage.LlmUsage;
import com.autoretail.orchestrator.validation.ValidatedPlan;

import java.util.List;

/**
 * A validated plan and how it was made.
 *
 * @param source {@value #LLM}, {@value #RULES}, or {@value #FALLBACK} (the rule planner after the LLM failed)
 * @param notes  what went wrong along the way (LLM errors, rejected plans), oldest first; empty when nothing did
 * @param usage  the tokens (and their cost) of every LLM call the planning made, rejected answers included
 */
public record PlanOutcome(ValidatedPlan validated, String source, List<String> notes, LlmUsage usage) {

    public static final String LLM = "llm";
    public static final String RULES = "rules";
    public static final String FALLBACK = "fallback";

    public PlanOutcome {
        notes = List.copyOf(notes);
        usage = usage == null ? LlmUsage.NONE : usage;
    }

    /** A plan made without the LLM. */
    public PlanOutcome(ValidatedPlan validated, String source, List<String> notes) {
        this(validated, source, notes, LlmUsage.NONE);
    }

    public WorkflowPlan plan() {
        return validated.plan();
    }
}

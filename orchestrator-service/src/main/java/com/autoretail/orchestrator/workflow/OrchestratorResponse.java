package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.usage.LlmUsage;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * The orchestrator's answer: the plan, what happened to each step and the summary for a person.
 *
 * @param success     whether every step completed
 * @param finalResult the human summary ("AUTOMOTIVE SERVICE EXECUTION SUMMARY")
 * @param planner     which planner made the plan: {@code llm}, {@code rules} or {@code fallback} (the rule planner
 *                    after the LLM's plans were refused or it failed); null for the caller's own plan
 * @param status      the workflow's stage: {@code completed}, {@code failed}, {@code needs_attention}, or
 *                    {@code awaiting_approval} when it paused for a person
 * @param approval    what waits for whom, when the workflow needed an approval
 * @param metadata    the workflow's trace id and LLM usage
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrchestratorResponse(
        String requestId,
        boolean success,
        WorkflowPlan workflowPlan,
        ExecutionResults executionResults,
        String finalResult,
        double executionTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,
        String planner,
        String status,
        Approval approval,
        Metadata metadata) {

    /**
     * About the workflow rather than its work.
     *
     * @param traceId  the trace of the request that started it (also the {@code X-Trace-Id} of that response)
     * @param llmUsage the LLM tokens and cost of its planning; null when the caller gave the plan
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String traceId, LlmUsage llmUsage) {
    }
}

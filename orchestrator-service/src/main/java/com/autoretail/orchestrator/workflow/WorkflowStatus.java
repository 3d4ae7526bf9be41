package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.usage.LlmUsage;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Locale;

/**
 * The body of {@code GET /workflow/{request_id}}, and what the journal keeps of a workflow: its stage and the
 * response fields known so far ({@code workflow_plan} once planned, {@code execution_results} as steps start and
 * finish).
 *
 * @param deadline when the workflow stops waiting for its steps and aborts
 * @param planner  which planner made the plan once planned, as {@code POST /plan} names it ({@code llm},
 *                 {@code rules}, or {@code fallback}: the rule planner after the LLM's plans were refused or it
 *                 failed); null for a plan the caller gave ({@code /execute-plan}) and before planning
 * @param owner    the name of the caller that started it: it, and the roles that see all, read it
 * @param approval what waits for a person's approval, for whom and until when, and every decision taken; null when
 *                 nothing of the plan needs one
 * @param traceId  the trace of the request that started the workflow (its spans: planning, steps, agents, MCP
 *                 calls); null when it was not traced
 * @param llmUsage the LLM tokens its planning used and their cost; null before planning
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowStatus(
        String requestId,
        Stage status,
        String userRequest,
        Boolean success,
        WorkflowPlan workflowPlan,
        ExecutionResults executionResults,
        String finalResult,
        String error,
        Double executionTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant deadline,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,
        String planner,
        String owner,
        Approval approval,
        String traceId,
        LlmUsage llmUsage) {

    /** A workflow neither traced nor planned by an LLM (yet). */
    public WorkflowStatus(String requestId, Stage status, String userRequest, Boolean success, WorkflowPlan workflowPlan,
                          ExecutionResults executionResults, String finalResult, String error, Double executionTime,
                          Instant deadline, Instant timestamp, String planner, String owner, Approval approval) {
        this(requestId, status, userRequest, success, workflowPlan, executionResults, finalResult, error,
                executionTime, deadline, timestamp, planner, owner, approval, null, null);
    }

    /** A workflow of no recorded owner and without approval. */
    public WorkflowStatus(String requestId, Stage status, String userRequest, Boolean success, WorkflowPlan workflowPlan,
                          ExecutionResults executionResults, String finalResult, String error, Double executionTime,
                          Instant deadline, Instant timestamp, String planner) {
        this(requestId, status, userRequest, success, workflowPlan, executionResults, finalResult, error,
                executionTime, deadline, timestamp, planner, null, null);
    }

    /** A workflow whose plan no planner made (yet). */
    public WorkflowStatus(String requestId, Stage status, String userRequest, Boolean success, WorkflowPlan workflowPlan,
                          ExecutionResults executionResults, String finalResult, String error, Double executionTime,
                          Instant deadline, Instant timestamp) {
        this(requestId, status, userRequest, success, workflowPlan, executionResults, finalResult, error,
                executionTime, deadline, timestamp, null);
    }

    /**
     * The stages of a workflow: {@code planning}, {@code executing}, {@code awaiting_approval} (paused before its
     * first side effect until a person approves or rejects it, or the approval expires), {@code compensating}
     * (undoing after an abort), then one of {@code completed} (every step done), {@code failed} (it stopped; whatever it did is undone or
     * listed as not undone) or {@code needs_attention} (an undo gave up, or an outcome stayed unknown: a person
     * must look at the steps so marked).
     */
    public enum Stage {
        PLANNING, EXECUTING, AWAITING_APPROVAL, COMPENSATING, COMPLETED, FAILED, NEEDS_ATTENTION;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean finished() {
            return this == COMPLETED || this == FAILED || this == NEEDS_ATTENTION;
        }
    }

    /** The same workflow at another stage, with these results, stamped now. */
    WorkflowStatus at(Stage stage, ExecutionResults results, double seconds) {
        return new WorkflowStatus(requestId, stage, userRequest, success, workflowPlan, results, finalResult, error,
                seconds, deadline, Instant.now(), planner, owner, approval, traceId, llmUsage);
    }

    /** The same workflow at another stage with its results, summary and approval, stamped now. */
    WorkflowStatus at(Stage stage, ExecutionResults results, String summary, Approval decided, double seconds) {
        return new WorkflowStatus(requestId, stage, userRequest, stage == Stage.COMPLETED ? Boolean.TRUE
                : stage.finished() ? Boolean.FALSE : null, workflowPlan, results, summary, error, seconds, deadline,
                Instant.now(), planner, owner, decided, traceId, llmUsage);
    }
}

package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Locale;

/**
 * The body of {@code GET /workflow/{request_id}}: the stage of a workflow and the response fields known so
 * far ({@code workflow_plan} once planned, {@code execution_results} as steps finish).
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
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp) {

    /** The stages of a workflow. */
    public enum Stage {
        PLANNING, EXECUTING, COMPLETED, FAILED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }
}

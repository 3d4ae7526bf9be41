package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.execution.ExecutionResults;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * One line of {@code GET /workflows}: a workflow's stage, request, progress and duration, without its plan and
 * results ({@code GET /workflow/{request_id}} has those).
 *
 * @param executionTime seconds it has run (all of its run once finished)
 * @param timestamp     when its record last changed
 * @param completed     steps completed so far
 * @param total         steps of its plan; 0 before it is planned
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowSummary(String requestId, WorkflowStatus.Stage status, String userRequest, Boolean success,
                             String planner, String owner, Double executionTime,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,
                             int completed, int total) {

    static WorkflowSummary of(WorkflowStatus status) {
        ExecutionResults results = status.executionResults();
        int total = results != null ? results.total()
                : status.workflowPlan() == null ? 0 : status.workflowPlan().executionSteps().size();
        return new WorkflowSummary(status.requestId(), status.status(), status.userRequest(), status.success(),
                status.planner(), status.owner(), status.executionTime(), status.timestamp(),
                results == null ? 0 : results.completed(), total);
    }
}

package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.execution.StepResult;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.policy.Approval;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/** Writes {@code final_result}: the human summary in the architecture document's shape. */
class SummaryFormatter {

    private static final int MAX_RESULT_LENGTH = 300;

    /** The summary's line naming the workflow's trace. */
    static final String TRACE_LINE = "🔎 Trace: ";

    private final ObjectMapper mapper;

    SummaryFormatter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String format(String userRequest, WorkflowPlan plan, ExecutionResults results, WorkflowStatus.Stage end) {
        return format(userRequest, plan, results, end, null);
    }

    String format(String userRequest, WorkflowPlan plan, ExecutionResults results, WorkflowStatus.Stage end,
                  Approval approval) {
        return format(userRequest, plan, results, end, approval, null);
    }

    /**
     * The summary, saying what waits for whom (or who decided what) when the plan needed an approval, and which trace
     * holds the workflow's spans when it was traced.
     */
    String format(String userRequest, WorkflowPlan plan, ExecutionResults results, WorkflowStatus.Stage end,
                  Approval approval, String traceId) {
        StringBuilder text = new StringBuilder();
        text.append("🚗 AUTOMOTIVE SERVICE EXECUTION SUMMARY\n");
        text.append("📋 Request: ").append(userRequest).append('\n');
        text.append("🔧 Workflow Plan: ").append(plan.planId()).append('\n');
        if (traceId != null) {
            text.append(TRACE_LINE).append(traceId).append('\n');
        }
        text.append("📊 Progress: ").append(results.completed()).append('/').append(results.total())
                .append(" steps completed");
        if (results.aborted()) {
            text.append(" (aborted");
            list(text, "; undone: ", results.compensatedSteps());
            list(text, "; NOT undone (no compensation): ", results.notUndoneSteps());
            list(text, "; NEEDS ATTENTION: ", results.needsAttentionSteps());
            text.append(')');
        }
        if (end == WorkflowStatus.Stage.NEEDS_ATTENTION) {
            text.append("\n⚠️ NEEDS ATTENTION: a person must check ").append(String.join(", ",
                    results.needsAttentionSteps())).append(": an undo gave up or an outcome stayed unknown");
        }
        // a workflow that failed before its pause never waited: its pending approval is no news
        if (approval != null && (!approval.pending() || end == WorkflowStatus.Stage.AWAITING_APPROVAL)) {
            text.append('\n').append(approvalLine(approval));
        }
        text.append("\n\n📝 STEP-BY-STEP RESULTS:\n");
        for (Map.Entry<String, StepResult> entry : results.steps().entrySet()) {
            StepResult step = entry.getValue();
            text.append("   ").append(mark(step.status())).append(' ').append(entry.getKey()).append(": ")
                    .append(step.serviceName()).append('.').append(step.operation()).append('\n');
            if (step.status() == StepResult.Status.COMPLETED || step.status() == StepResult.Status.COMPENSATED) {
                text.append("      Result: ").append(compact(step.result())).append('\n');
            }
            if (step.error() != null) {
                text.append("      Error: ").append(step.errorCode() == null ? "" : step.errorCode() + " ")
                        .append(step.error()).append('\n');
            }
            if (step.inDoubt()) {
                text.append("      Outcome unknown: it may have happened\n");
            }
            if (step.compensation() != null && step.compensation().operation() != null) {
                text.append("      Undone by ").append(step.compensation().operation()).append(": ")
                        .append(step.compensation().success() ? "done"
                                : "FAILED after " + step.compensation().attempts() + " tries: "
                                + step.compensation().error())
                        .append('\n');
            }
        }
        if (!plan.validationSummary().isEmpty()) {
            text.append("\n🔒 VALIDATION SUMMARY:\n");
            plan.validationSummary().forEach(check -> text.append("   ✓ ").append(check).append('\n'));
        }
        return text.toString();
    }

    private static String approvalLine(Approval approval) {
        Approval.AuditEntry last = approval.audit().isEmpty() ? null : approval.audit().getLast();
        return switch (approval.state()) {
            case PENDING -> "⏸️ AWAITING APPROVAL by a person with the " + approval.requiredRole() + " role, until "
                    + approval.expiresAt() + ": " + approval.describe();
            case APPROVED -> "👍 Approved by " + last.by() + " at " + last.at() + comment(last);
            case REJECTED -> "🚫 REJECTED by " + last.by() + " at " + last.at() + comment(last)
                    + "; nothing that waited ran";
            case EXPIRED -> "⌛ APPROVAL EXPIRED at " + approval.expiresAt() + "; nothing that waited ran";
        };
    }

    private static String comment(Approval.AuditEntry entry) {
        return entry.comment() == null || entry.comment().isBlank() ? "" : ": \"" + entry.comment() + "\"";
    }

    private static void list(StringBuilder text, String label, List<String> steps) {
        if (!steps.isEmpty()) {
            text.append(label).append(String.join(", ", steps));
        }
    }

    private static String mark(StepResult.Status status) {
        return switch (status) {
            case RUNNING -> "⏳";
            case COMPLETED -> "✅";
            case FAILED -> "❌";
            case SKIPPED -> "⏭️";
            case NOT_RUN -> "⏸️";
            case COMPENSATED -> "↩️";
        };
    }

    private String compact(Object result) {
        String json;
        try {
            json = mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            json = String.valueOf(result);
        }
        return json.length() <= MAX_RESULT_LENGTH ? json : json.substring(0, MAX_RESULT_LENGTH) + "…";
    }
}

package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.events.EventDraft;
import com.autoretail.orchestrator.events.EventType;
import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.execution.StepResult;
import com.autoretail.orchestrator.execution.StepResult.Status;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.policy.WaitingStep;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events of one journal write: what changed from the workflow as the journal held it to the workflow as it is
 * written. Both stores call this in the write itself, so an event exists exactly when its change was journaled.
 * Within one write the events come in the order things happened: the plan, a decision on it, steps that ended, steps
 * that started, the undo, the pause, the end.
 */
final class JournalEvents {

    private static final int MAX_ERROR = 300;

    private JournalEvents() {
    }

    static List<EventDraft> between(WorkflowStatus before, WorkflowStatus after) {
        if (after == null) {
            return List.of();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<EventDraft> events = new ArrayList<>();
        if ((before == null || before.workflowPlan() == null) && after.workflowPlan() != null) {
            events.add(workflow(EventType.WORKFLOW_PLANNED, now, planned(after)));
        }
        decision(before, after, now, events);
        Map<String, StepResult> was = steps(before);
        Map<String, StepResult> is = steps(after);
        is.forEach((stepId, step) -> ended(stepId, was.get(stepId), step, now, events));
        is.forEach((stepId, step) -> started(stepId, was.get(stepId), step, now, events));
        if (!aborted(before) && aborted(after)) {
            events.add(workflow(EventType.COMPENSATION_STARTED, now, Map.of("steps", completedNewestFirst(is))));
        }
        is.forEach((stepId, step) -> undone(stepId, was.get(stepId), step, now, events));
        if (after.status() == Stage.AWAITING_APPROVAL && (before == null || before.status() != Stage.AWAITING_APPROVAL)
                && after.approval() != null) {
            events.add(workflow(EventType.WORKFLOW_AWAITING_APPROVAL, now, awaiting(after.approval())));
        }
        if (after.status().finished() && (before == null || !before.status().finished())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("status", outcome(after));
            payload.put("duration_ms", millis(after.executionTime() == null ? 0 : after.executionTime()));
            payload.put("workflow_status", after.status().wireName());
            events.add(workflow(EventType.WORKFLOW_ENDED, now, payload));
        }
        return events;
    }

    /** How a workflow ended, in the words of its {@code workflow_ended} event. */
    static String outcome(WorkflowStatus ended) {
        return switch (ended.status()) {
            case COMPLETED -> "completed";
            case NEEDS_ATTENTION -> "needs_attention";
            default -> {
                Approval approval = ended.approval();
                if (approval != null && approval.state() == Approval.State.REJECTED) {
                    yield "rejected";
                }
                if (approval != null && approval.state() == Approval.State.EXPIRED) {
                    yield "expired";
                }
                ExecutionResults results = ended.executionResults();
                yield results != null && !results.compensatedSteps().isEmpty() ? "compensated" : "failed";
            }
        };
    }

    private static Map<String, Object> planned(WorkflowStatus after) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ExecutionStep step : after.workflowPlan().executionSteps()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("step_id", step.stepId());
            one.put("agent", step.serviceName());
            one.put("operation", step.operation());
            one.put("depends_on", step.dependencies() == null ? List.of() : step.dependencies());
            steps.add(one);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("steps", steps);
        payload.put("planner", after.planner());
        return payload;
    }

    private static void decision(WorkflowStatus before, WorkflowStatus after, Instant now, List<EventDraft> events) {
        Approval was = before == null ? null : before.approval();
        Approval is = after.approval();
        if (was == null || is == null || !was.pending() || is.pending()) {
            return;
        }
        Approval.AuditEntry last = is.audit().isEmpty() ? null : is.audit().getLast();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("by", last == null ? null : last.by());
        payload.put("comment", last == null ? null : last.comment());
        EventType type = switch (is.state()) {
            case APPROVED -> EventType.WORKFLOW_APPROVED;
            case REJECTED -> EventType.WORKFLOW_REJECTED;
            default -> EventType.WORKFLOW_APPROVAL_EXPIRED;
        };
        if (type == EventType.WORKFLOW_APPROVAL_EXPIRED) {
            payload.put("expired_at", is.expiresAt().toString());
        }
        events.add(workflow(type, now, payload));
    }

    private static Map<String, Object> awaiting(Approval approval) {
        List<String> reasons = approval.steps().stream().flatMap(step -> step.rules().stream()).distinct().toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reasons", reasons);
        payload.put("steps", approval.steps().stream().map(WaitingStep::stepId).toList());
        payload.put("required_role", approval.requiredRole());
        payload.put("expires_at", approval.expiresAt() == null ? null : approval.expiresAt().toString());
        return payload;
    }

    /** A step that reached an end in this write: completed, failed, skipped or not run. */
    private static void ended(String stepId, StepResult was, StepResult is, Instant now, List<EventDraft> events) {
        if (was != null && was.status() == is.status()) {
            return;
        }
        switch (is.status()) {
            case COMPLETED -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("execution_time_ms", millis(is.executionTime()));
                if (was != null && was.status() == Status.FAILED) {
                    payload.put("resolved", true);   // a step of unknown outcome that had happened after all
                }
                events.add(step(EventType.STEP_COMPLETED, stepId, now, payload));
            }
            case FAILED -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("error", shortText(is.error()));
                payload.put("code", is.errorCode() == null ? null : is.errorCode().name());
                payload.put("attempts", is.attempts());
                payload.put("in_doubt", is.inDoubt());
                events.add(step(EventType.STEP_FAILED, stepId, now, payload));
            }
            case SKIPPED, NOT_RUN -> events.add(step(EventType.STEP_SKIPPED, stepId, now,
                    Map.of("reason", shortText(is.error()), "status", is.status().wireName())));
            default -> { }
        }
    }

    /**
     * A step whose call goes out after this write: started (again, after a takeover: {@code resumed}), or retried.
     * {@code attempt} is the number of the call about to be made, counting the calls of earlier owners.
     */
    private static void started(String stepId, StepResult was, StepResult is, Instant now, List<EventDraft> events) {
        if (is.status() != Status.RUNNING) {
            return;
        }
        boolean same = was != null && was.status() == Status.RUNNING
                && Objects.equals(was.startedAt(), is.startedAt());
        if (!same) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("agent", is.serviceName());
            payload.put("operation", is.operation());
            payload.put("attempt", is.attempts() + 1);
            if (was != null && was.status() == Status.RUNNING) {
                payload.put("resumed", true);
            }
            events.add(step(EventType.STEP_STARTED, stepId, now, payload));
        } else if (is.attempts() > was.attempts()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("attempt", is.attempts() + 1);
            payload.put("error", shortText(is.error()));
            events.add(step(EventType.STEP_RETRIED, stepId, now, payload));
        }
    }

    private static void undone(String stepId, StepResult was, StepResult is, Instant now, List<EventDraft> events) {
        StepResult.Compensation before = was == null ? null : was.compensation();
        StepResult.Compensation after = is.compensation();
        if (after == null) {
            return;
        }
        if (after.success() && (before == null || !before.success())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("operation", after.operation());
            payload.put("attempts", after.attempts());
            events.add(step(EventType.STEP_COMPENSATED, stepId, now, payload));
        } else if (after.needsAttention() && (before == null || !before.needsAttention())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("error", shortText(after.error()));
            payload.put("operation", after.operation());
            events.add(step(EventType.STEP_COMPENSATION_FAILED, stepId, now, payload));
        }
    }

    private static List<String> completedNewestFirst(Map<String, StepResult> steps) {
        return steps.entrySet().stream().filter(e -> e.getValue().status() == Status.COMPLETED)
                .sorted(Comparator.comparing((Map.Entry<String, StepResult> e) -> finishedAt(e.getValue()))
                        .reversed())
                .map(Map.Entry::getKey).toList();
    }

    private static Instant finishedAt(StepResult result) {
        Instant started = result.startedAt() == null ? Instant.EPOCH : result.startedAt();
        return started.plusNanos((long) (result.executionTime() * 1e9));
    }

    private static boolean aborted(WorkflowStatus status) {
        return status != null && status.executionResults() != null && status.executionResults().aborted();
    }

    private static Map<String, StepResult> steps(WorkflowStatus status) {
        return status == null || status.executionResults() == null ? Map.of() : status.executionResults().steps();
    }

    private static EventDraft workflow(EventType type, Instant now, Map<String, Object> payload) {
        return new EventDraft(type, null, now, payload);
    }

    private static EventDraft step(EventType type, String stepId, Instant now, Map<String, Object> payload) {
        return new EventDraft(type, stepId, now, payload);
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1e4) / 10.0;
    }

    private static String shortText(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…";
    }
}

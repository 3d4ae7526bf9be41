package com.autoretail.orchestrator.api.a2a;

import com.autoretail.orchestrator.events.EventType;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A workflow as an A2A Task: its id is the request_id; its state follows the workflow's stage ({@code planning}
 * submitted, {@code executing} and {@code compensating} working, {@code awaiting_approval} input-required,
 * {@code completed} completed; {@code failed} is canceled when an A2A client canceled it, rejected when an approver
 * rejected it or no plan could be made, else failed; {@code needs_attention} failed); the summary and the workflow
 * (as {@code GET /workflow/{id}} shows it) are its artifact.
 */
final class WorkflowTasks {

    /** The comment of the rejection that an A2A {@code tasks/cancel} records. */
    static final String CANCELED_BY_CLIENT = "canceled by the A2A client";
    static final String SUMMARY_ARTIFACT = "summary";

    private final ObjectMapper mapper;

    WorkflowTasks(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Task task(WorkflowStatus workflow, String contextId) {
        Task.Builder task = new Task.Builder()
                .id(workflow.requestId())
                .contextId(contextId(workflow, contextId))
                .status(status(workflow, contextId))
                .history(List.of())
                .metadata(metadata(workflow));
        Artifact summary = summary(workflow);
        task.artifacts(summary == null ? List.of() : List.of(summary));
        return task.build();
    }

    TaskStatusUpdateEvent statusEvent(WorkflowStatus workflow, String contextId, boolean last) {
        return new TaskStatusUpdateEvent(workflow.requestId(), status(workflow, contextId),
                contextId(workflow, contextId), last, metadata(workflow));
    }

    /**
     * A workflow event as a {@code working} status update whose message says what happened ("reserve_part_1
     * completed in 51 ms"), with the event's {@code workflow_event}, {@code seq} and {@code step_id} in its metadata;
     * null for the events that are not progress: an approval that waits, a rejection, an expiry and the end change
     * the task's state, and are read from the workflow's record instead.
     */
    TaskStatusUpdateEvent progressEvent(WorkflowEvent event, String contextId) {
        String text = progress(event);
        if (text == null) {
            return null;
        }
        String context = contextId == null || contextId.isBlank() ? event.workflowId() : contextId;
        Message message = new Message.Builder().role(Message.Role.AGENT).messageId(UUID.randomUUID().toString())
                .taskId(event.workflowId()).contextId(context).parts(List.<Part<?>>of(new TextPart(text))).build();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("workflow_event", event.type());
        metadata.put("seq", event.seq());
        if (event.stepId() != null) {
            metadata.put("step_id", event.stepId());
        }
        return new TaskStatusUpdateEvent(event.workflowId(),
                new TaskStatus(TaskState.WORKING, message, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC)),
                context, false, metadata);
    }

    private static String progress(WorkflowEvent event) {
        Map<String, Object> payload = event.payload();
        String step = event.stepId();
        EventType type;
        try {
            type = EventType.valueOf(event.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException newer) {
            return null;
        }
        return switch (type) {
            case WORKFLOW_PLANNED -> {
                List<?> steps = payload.get("steps") instanceof List<?> list ? list : List.of();
                yield "Planned " + steps.size() + (steps.size() == 1 ? " step" : " steps")
                        + (payload.get("planner") != null ? " (" + payload.get("planner") + " planner)" : "");
            }
            case WORKFLOW_APPROVED -> "Approved by " + payload.get("by")
                    + (payload.get("comment") != null ? ": " + payload.get("comment") : "");
            case STEP_STARTED -> step + " started: " + payload.get("agent") + "." + payload.get("operation")
                    + (payload.get("attempt") instanceof Number n && n.intValue() > 1 ? " (attempt " + n + ")" : "");
            case STEP_RETRIED -> step + " retried (attempt " + payload.get("attempt") + "): " + payload.get("error");
            case STEP_COMPLETED -> step + " completed" + (payload.get("execution_time_ms") instanceof Number ms
                    ? " in " + Math.round(ms.doubleValue()) + " ms" : "");
            case STEP_FAILED -> step + " failed: " + payload.get("error");
            case STEP_SKIPPED -> step + " skipped: " + payload.get("reason");
            case COMPENSATION_STARTED -> "Undoing " + payload.get("steps");
            case STEP_COMPENSATED -> step + " undone: " + payload.get("operation");
            case STEP_COMPENSATION_FAILED -> step + " could not be undone: " + payload.get("error");
            case WORKFLOW_AWAITING_APPROVAL, WORKFLOW_REJECTED, WORKFLOW_APPROVAL_EXPIRED, WORKFLOW_ENDED -> null;
        };
    }

    /** The summary as an artifact update, when the workflow has one. */
    TaskArtifactUpdateEvent artifactEvent(WorkflowStatus workflow, String contextId) {
        Artifact summary = summary(workflow);
        return summary == null ? null : new TaskArtifactUpdateEvent(workflow.requestId(), summary,
                contextId(workflow, contextId), false, true, null);
    }

    static TaskState state(WorkflowStatus workflow) {
        Stage stage = workflow.status();
        return switch (stage) {
            case PLANNING -> TaskState.SUBMITTED;
            case EXECUTING, COMPENSATING -> TaskState.WORKING;
            case AWAITING_APPROVAL -> TaskState.INPUT_REQUIRED;
            case COMPLETED -> TaskState.COMPLETED;
            case NEEDS_ATTENTION -> TaskState.FAILED;
            case FAILED -> failedState(workflow);
        };
    }

    /** Whether a stream ends at this state: the workflow ended, or it waits for a person. */
    static boolean endsStream(TaskState state) {
        return state.isFinal() || state == TaskState.INPUT_REQUIRED;
    }

    private static TaskState failedState(WorkflowStatus workflow) {
        Approval approval = workflow.approval();
        if (approval != null && approval.state() == Approval.State.REJECTED) {
            boolean byClient = !approval.audit().isEmpty()
                    && CANCELED_BY_CLIENT.equals(approval.audit().get(approval.audit().size() - 1).comment());
            return byClient ? TaskState.CANCELED : TaskState.REJECTED;
        }
        return workflow.workflowPlan() == null ? TaskState.REJECTED : TaskState.FAILED;
    }

    private static TaskStatus status(WorkflowStatus workflow, String contextId) {
        TaskState state = state(workflow);
        String why = switch (state) {
            case INPUT_REQUIRED -> "Waiting for approval by the " + workflow.approval().requiredRole() + " role: "
                    + workflow.approval().describe();
            case FAILED, REJECTED, CANCELED -> workflow.error() != null ? workflow.error()
                    : "Workflow " + workflow.status().wireName();
            default -> null;
        };
        Message message = why == null ? null : new Message.Builder().role(Message.Role.AGENT)
                .messageId(UUID.randomUUID().toString()).taskId(workflow.requestId())
                .contextId(contextId(workflow, contextId)).parts(List.<Part<?>>of(new TextPart(why))).build();
        return new TaskStatus(state, message, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private Artifact summary(WorkflowStatus workflow) {
        if (workflow.finalResult() == null) {
            return null;
        }
        List<Part<?>> parts = new ArrayList<>();
        parts.add(new TextPart(workflow.finalResult()));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = mapper.convertValue(workflow, Map.class);
        parts.add(new DataPart(data));
        return new Artifact.Builder().artifactId(workflow.requestId() + "-" + SUMMARY_ARTIFACT).name(SUMMARY_ARTIFACT)
                .description("The execution summary, and the workflow as GET /workflow/{request_id} shows it")
                .parts(parts).build();
    }

    private static Map<String, Object> metadata(WorkflowStatus workflow) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("workflow_status", workflow.status().wireName());
        metadata.put("status_url", "/workflow/" + workflow.requestId());
        if (workflow.planner() != null) {
            metadata.put("planner", workflow.planner());
        }
        return metadata;
    }

    private static String contextId(WorkflowStatus workflow, String given) {
        return given == null || given.isBlank() ? workflow.requestId() : given;
    }
}

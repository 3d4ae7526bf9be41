package com.autoretail.orchestrator.api.a2a;

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

package com.autoretail.orchestrator.api.a2a;

import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a workflow's stage reads as an A2A task state, and its events as progress updates. */
class WorkflowTasksTest {

    private static WorkflowStatus at(Stage stage, Approval approval) {
        return new WorkflowStatus("wf-1", stage, "a request", null, null, null, null, null, 0.0, Instant.now(),
                Instant.now(), null, "op-1", approval);
    }

    private static Approval decided(Approval.State state, String comment) {
        Instant now = Instant.now();
        return new Approval(state, "approver", now, now.plusSeconds(60), List.of(), List.of(),
                List.of(new Approval.AuditEntry("appr-1", List.of("approver"), now, state, comment, List.of())));
    }

    @Test
    void mapsEachStageToTheTaskStateAClientExpects() {
        assertThat(WorkflowTasks.state(at(Stage.PLANNING, null))).isEqualTo(TaskState.SUBMITTED);
        assertThat(WorkflowTasks.state(at(Stage.EXECUTING, null))).isEqualTo(TaskState.WORKING);
        assertThat(WorkflowTasks.state(at(Stage.COMPENSATING, null))).isEqualTo(TaskState.WORKING);
        assertThat(WorkflowTasks.state(at(Stage.AWAITING_APPROVAL, decided(Approval.State.PENDING, null))))
                .isEqualTo(TaskState.INPUT_REQUIRED);
        assertThat(WorkflowTasks.state(at(Stage.COMPLETED, null))).isEqualTo(TaskState.COMPLETED);
        assertThat(WorkflowTasks.state(at(Stage.NEEDS_ATTENTION, null))).isEqualTo(TaskState.FAILED);
    }

    @Test
    void tellsACancelFromARejectionAndARequestNoPlanCouldBeMadeFor() {
        assertThat(WorkflowTasks.state(at(Stage.FAILED,
                decided(Approval.State.REJECTED, WorkflowTasks.CANCELED_BY_CLIENT)))).isEqualTo(TaskState.CANCELED);
        assertThat(WorkflowTasks.state(at(Stage.FAILED, decided(Approval.State.REJECTED, "duplicate"))))
                .isEqualTo(TaskState.REJECTED);
        assertThat(WorkflowTasks.state(at(Stage.FAILED, null))).isEqualTo(TaskState.REJECTED);
    }

    @Test
    void endsAStreamWhenTheWorkflowEndsOrWaitsForAPerson() {
        assertThat(WorkflowTasks.endsStream(TaskState.INPUT_REQUIRED)).isTrue();
        assertThat(WorkflowTasks.endsStream(TaskState.COMPLETED)).isTrue();
        assertThat(WorkflowTasks.endsStream(TaskState.WORKING)).isFalse();
    }

    private static WorkflowEvent event(long seq, String type, String stepId, Map<String, Object> payload) {
        return new WorkflowEvent("wf-1", seq, type, stepId, Instant.parse("2026-12-05T03:40:00.123Z"), payload);
    }

    private static String text(TaskStatusUpdateEvent update) {
        return ((TextPart) update.getStatus().message().getParts().get(0)).getText();
    }

    @Test
    void tellsEachStepEventAsAWorkingUpdateWithTheEventInItsMetadata() {
        WorkflowTasks tasks = new WorkflowTasks(new ObjectMapper());

        TaskStatusUpdateEvent completed = tasks.progressEvent(event(3, "step_completed", "step_2",
                Map.of("execution_time_ms", 51.4)), "ctx-1");

        assertThat(completed.getStatus().state()).isEqualTo(TaskState.WORKING);
        assertThat(completed.isFinal()).isFalse();
        assertThat(completed.getContextId()).isEqualTo("ctx-1");
        assertThat(text(completed)).isEqualTo("step_2 completed in 51 ms");
        assertThat(completed.getMetadata()).containsEntry("workflow_event", "step_completed").containsEntry("seq", 3L)
                .containsEntry("step_id", "step_2");
        assertThat(text(tasks.progressEvent(event(1, "workflow_planned", null,
                Map.of("steps", List.of(Map.of(), Map.of()), "planner", "rules")), null)))
                .isEqualTo("Planned 2 steps (rules planner)");
        assertThat(text(tasks.progressEvent(event(2, "step_started", "step_1",
                Map.of("agent", "parts", "operation", "reserve_parts", "attempt", 2)), null)))
                .isEqualTo("step_1 started: parts.reserve_parts (attempt 2)");
        assertThat(text(tasks.progressEvent(event(4, "step_compensated", "step_1",
                Map.of("operation", "release_reservation")), null))).isEqualTo("step_1 undone: release_reservation");
    }

    @Test
    void leavesTheEventsThatChangeTheTaskStateToTheWorkflowsRecord() {
        WorkflowTasks tasks = new WorkflowTasks(new ObjectMapper());
        for (String type : List.of("workflow_awaiting_approval", "workflow_rejected", "workflow_approval_expired",
                "workflow_ended", "a_newer_event")) {
            assertThat(tasks.progressEvent(event(5, type, null, Map.of()), null)).as(type).isNull();
        }
    }
}

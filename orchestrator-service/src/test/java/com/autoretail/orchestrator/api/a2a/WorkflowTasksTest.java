package com.autoretail.orchestrator.api.a2a;

import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import io.a2a.spec.TaskState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a workflow's stage reads as an A2A task state. */
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
}

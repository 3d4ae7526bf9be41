package com.autoretail.orchestrator.workflow;

import com.autoretail.common.security.Caller;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.policy.OperationPolicy;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * A person's decision on a workflow that awaits approval: taken from the journal where it is parked (exactly one
 * decision wins, on any orchestrator), recorded in its audit trail, then carried out: approved, it goes on in the
 * background from its journal; rejected, it ends failed with nothing that waited run.
 */
public class WorkflowApprovals {

    private static final Logger log = LoggerFactory.getLogger(WorkflowApprovals.class);

    private final WorkflowService workflows;
    private final WorkflowStore store;
    private final WorkflowRunner runner;
    private final LeaseKeeper leases;
    private final ExecutorService workers;
    private final String owner;
    private final Duration deadline;
    private final OperationPolicy policy;

    WorkflowApprovals(WorkflowService workflows, WorkflowStore store, WorkflowRunner runner, LeaseKeeper leases,
                      ExecutorService workers, String owner, Duration deadline, OperationPolicy policy) {
        this.workflows = workflows;
        this.store = store;
        this.runner = runner;
        this.leases = leases;
        this.workers = workers;
        this.owner = owner;
        this.deadline = deadline;
        this.policy = policy;
    }

    /**
     * Approves a workflow that waits: the decision is journaled with what the approver saw, then the workflow goes on
     * in the background from its journal (on this orchestrator; another takes it over if this one stops). Of two
     * decisions, on any orchestrators, exactly one is taken; the other is refused (409), so its side effects run once.
     *
     * @return the workflow as it goes on ({@code executing})
     */
    public WorkflowStatus approve(String requestId, Caller caller, String comment) {
        WorkflowStore.Taken taken = takeWaiting(requestId, caller);
        WorkflowStatus waiting = taken.entry().status();
        Instant now = Instant.now();
        // the deadline of its run starts now: the wait for a person is not the steps' time
        WorkflowStatus approved = new WorkflowStatus(waiting.requestId(), Stage.EXECUTING, waiting.userRequest(),
                null, waiting.workflowPlan(), waiting.executionResults(), null, null, waiting.executionTime(),
                now.plus(deadline), now, waiting.planner(), waiting.owner(),
                waiting.approval().decided(Approval.State.APPROVED, caller, comment, now), waiting.traceId(),
                waiting.llmUsage());
        leases.hold(taken.lease());
        boolean journaled;
        try {
            journaled = leases.write(taken.lease(), approved);
        } finally {
            leases.release(taken.lease());
        }
        if (!journaled) {
            throw new AgentException(ErrorCode.CONFLICT, "Workflow " + requestId + " was taken meanwhile; see /workflow/"
                    + requestId);
        }
        log.info("Workflow {} approved by {}", requestId, caller.name());
        WorkflowStore.Entry entry = new WorkflowStore.Entry(approved, taken.entry().submission(),
                taken.entry().fingerprint());
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        workers.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            workflows.runQuietly(taken.lease(), entry);
        });
        return approved;
    }

    /** Rejects a workflow that waits: it ends failed, nothing that waited run, the decision in its audit trail. */
    public WorkflowStatus reject(String requestId, Caller caller, String comment) {
        WorkflowStore.Taken taken = takeWaiting(requestId, caller);
        Approval rejected = taken.entry().status().approval()
                .decided(Approval.State.REJECTED, caller, comment, Instant.now());
        log.info("Workflow {} rejected by {}", requestId, caller.name());
        return runner.endWaiting(taken.lease(), taken.entry(), rejected, "rejected by " + caller.name());
    }

    /** The workflow, taken for a decision: 404 unknown or not the caller's to see, 403 not an approver, 409 not waiting. */
    private WorkflowStore.Taken takeWaiting(String requestId, Caller caller) {
        WorkflowStatus known = workflows.find(requestId, caller)
                .orElseThrow(() -> WorkflowService.unknown(requestId));
        if (!policy.mayApprove(caller)) {
            throw new ApprovalForbidden(requestId);
        }
        if (known.status() != Stage.AWAITING_APPROVAL || known.approval() == null) {
            throw new AgentException(ErrorCode.CONFLICT, "Workflow " + requestId + " is " + known.status().wireName()
                    + ", not awaiting approval");
        }
        if (known.approval().expiredAt(Instant.now())) {
            throw new AgentException(ErrorCode.CONFLICT, "The approval of workflow " + requestId + " expired at "
                    + known.approval().expiresAt() + "; nothing of it ran");
        }
        try {
            return store.takeParked(requestId, owner, leases.leaseFor()).orElseThrow(() ->
                    new AgentException(ErrorCode.CONFLICT, "Workflow " + requestId
                            + " is no longer awaiting approval: someone decided meanwhile"));
        } catch (DataAccessException e) {
            log.warn("The workflow journal is unreachable: {}", e.getMessage());
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The workflow journal is unreachable: nothing was decided; retry later");
        }
    }
}

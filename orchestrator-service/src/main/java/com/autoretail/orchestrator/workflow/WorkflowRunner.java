package com.autoretail.orchestrator.workflow;

import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.execution.WorkflowAbandoned;
import com.autoretail.orchestrator.execution.WorkflowExecutor;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.policy.Approval;
import com.autoretail.orchestrator.policy.OperationPolicy;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.usage.LlmUsage;
import com.autoretail.orchestrator.usage.UsageMeters;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.autoretail.orchestrator.validation.ValidatedPlan;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs one workflow this orchestrator holds the lease of, from wherever its journal is to its end: plans it (or
 * validates the caller's plan) when it has no plan yet, runs or goes on running its steps, writes the final status
 * and the summary, and POSTs the answer to its callback. A workflow taken over from a stopped orchestrator runs
 * through here the same way as a new one. A plan the policy lets run only after a person's approval runs its
 * read-only steps first, then pauses: it is parked in the journal, {@code awaiting_approval}, until someone decides
 * or the approval expires.
 */
class WorkflowRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkflowRunner.class);

    /**
     * Workflows by how they ended ({@code status}: completed, failed, compensated, needs_attention, rejected (no
     * valid plan), rejected or expired approvals) and how many paused for an approval (awaiting_approval).
     */
    static final String OUTCOMES = "workflow.outcomes";

    private final ServiceRegistry registry;
    private final PlanningService planning;
    private final PlanValidator validator;
    private final WorkflowExecutor executor;
    private final LeaseKeeper leases;
    private final SummaryFormatter summary;
    private final CallbackSender callbacks;
    private final MeterRegistry meters;
    private final Map<String, String> defaultContext;
    private final OperationPolicy policy;
    private final UsageMeters usageMeters;

    WorkflowRunner(ServiceRegistry registry, PlanningService planning, PlanValidator validator,
                   WorkflowExecutor executor, LeaseKeeper leases, SummaryFormatter summary, CallbackSender callbacks,
                   MeterRegistry meters, Map<String, String> defaultContext, OperationPolicy policy) {
        this.policy = policy;
        this.registry = registry;
        this.planning = planning;
        this.validator = validator;
        this.executor = executor;
        this.leases = leases;
        this.summary = summary;
        this.callbacks = callbacks;
        this.meters = meters;
        this.defaultContext = defaultContext;
        this.usageMeters = new UsageMeters(meters);
    }

    /**
     * Runs the workflow to its end and answers its response.
     *
     * @throws WorkflowAbandoned when another orchestrator took it over meanwhile
     * @throws RuntimeException  why it could not be planned (no valid plan, no healthy agent): it failed
     */
    OrchestratorResponse run(WorkflowStore.Lease lease, WorkflowStore.Entry entry) {
        leases.hold(lease);
        MDC.put("request_id", lease.requestId());
        try {
            boolean waitedAlready = entry.status().status() == Stage.AWAITING_APPROVAL;
            WorkflowStatus reached = drive(lease, entry.status(), entry.submission());
            if (reached.status() == Stage.AWAITING_APPROVAL) {
                Instant now = Instant.now();
                if (reached.approval().expiredAt(now)) {
                    return response(ended(lease, entry.submission(), reached, reached.approval().expired(now),
                            "the approval expired at " + reached.approval().expiresAt()));
                }
                park(lease, entry.submission(), reached, !waitedAlready);
                return response(reached);
            }
            end(lease, entry.submission(), reached);
            count(outcome(reached));
            return response(reached);
        } finally {
            leases.release(lease);
            MDC.remove("request_id");
        }
    }

    /**
     * Ends a workflow that waited for a person with nothing more run: rejected, or its approval expired. Its steps
     * that waited are {@code not_run}; nothing was done that needs undoing. Called back like any end.
     */
    WorkflowStatus endWaiting(WorkflowStore.Lease lease, WorkflowStore.Entry entry, Approval decided, String why) {
        leases.hold(lease);
        try {
            return ended(lease, entry.submission(), entry.status(), decided, why);
        } finally {
            leases.release(lease);
        }
    }

    private WorkflowStatus ended(WorkflowStore.Lease lease, Submission submission, WorkflowStatus status,
                                 Approval decided, String why) {
        WorkflowPlan plan = status.workflowPlan();
        ExecutionResults results = (status.executionResults() == null ? ExecutionResults.empty()
                : status.executionResults()).endedUnstarted(plan, "not run: " + why);
        WorkflowStatus failed = new WorkflowStatus(status.requestId(), Stage.FAILED, status.userRequest(), false,
                plan, results, summary.format(status.userRequest(), plan, results, Stage.FAILED, decided,
                status.traceId()), why,
                status.executionTime(), status.deadline(), Instant.now(), status.planner(), status.owner(), decided,
                status.traceId(), status.llmUsage());
        end(lease, submission, failed);
        count(decided.state().wireName());
        return failed;
    }

    private WorkflowStatus drive(WorkflowStore.Lease lease, WorkflowStatus status, Submission submission) {
        long start = System.nanoTime() - (long) ((status.executionTime() == null ? 0 : status.executionTime()) * 1e9);
        if (status.status().finished()) {
            return status;   // its owner stopped between writing the end and finishing
        }
        if (status.status() == Stage.AWAITING_APPROVAL) {
            return status;   // taken over while it waits: run() ends it if its approval expired, else parks it again
        }
        ValidatedPlan plan;
        boolean fresh = status.workflowPlan() == null;
        if (fresh) {
            Planned planned;
            try {
                planned = plan(submission);
            } catch (RuntimeException e) {
                WorkflowStatus failed = new WorkflowStatus(status.requestId(), Stage.FAILED, status.userRequest(),
                        false, null, null, null, e.getMessage(), seconds(start), status.deadline(), Instant.now(),
                        null, status.owner(), null, status.traceId(), null);
                end(lease, submission, failed);
                count("rejected");
                throw e;
            }
            plan = planned.validated();
            String request = status.userRequest() == null || status.userRequest().isBlank()
                    ? "plan " + plan.plan().planId() : status.userRequest();
            Approval approval = planned.decision().needsApproval()
                    ? policy.approvalFor(planned.decision(), Instant.now()) : null;
            // journaled with the first steps, before any call goes out: a stop before that plans again
            status = new WorkflowStatus(status.requestId(), Stage.EXECUTING, request, null, plan.plan(),
                    ExecutionResults.empty(), null, null, seconds(start), status.deadline(), Instant.now(),
                    planned.planner(), status.owner(), approval, status.traceId(), planned.usage());
            usageMeters.record(planned.usage());
        } else {
            plan = validator.fromJournal(status.workflowPlan());
        }
        WorkflowStatus base = status;
        Map<String, Object> context = new HashMap<>(defaultContext);
        context.putAll(submission.context());
        context.put("workflow_id", status.requestId());
        Approval approval = status.approval();
        Set<String> mayStart = approval != null && approval.pending() ? Set.copyOf(approval.runFirst()) : null;
        ExecutionResults results = executor.execute(status.requestId(), plan, context, registry.knownCatalog(),
                fresh ? null : status.executionResults(), status.deadline(),
                progress -> leases.write(lease, base.at(progress.aborted() ? Stage.COMPENSATING : Stage.EXECUTING,
                        progress, seconds(start))), mayStart);
        Stage end = mayStart != null && !results.aborted() ? Stage.AWAITING_APPROVAL
                : results.succeeded() ? Stage.COMPLETED
                : results.needsAttention() ? Stage.NEEDS_ATTENTION : Stage.FAILED;
        return status.at(end, results, summary.format(status.userRequest(), plan.plan(), results, end, approval,
                status.traceId()), approval, seconds(start));
    }

    /**
     * Parks a workflow that waits for a person until its approval expires (then recovery takes it over and ends it),
     * and tells the caller's callback that it waits, once.
     */
    private void park(WorkflowStore.Lease lease, Submission submission, WorkflowStatus waiting, boolean tell) {
        Approval approval = waiting.approval();
        Instant now = Instant.now();
        if (!leases.park(lease, waiting, Duration.between(now, approval.expiresAt()))) {
            throw new WorkflowAbandoned(lease.requestId(), "its lease was lost while it paused");
        }
        if (tell) {
            count("awaiting_approval");
            log.info("Workflow {} awaits approval: {}", lease.requestId(), approval.describe());
            if (submission.callbackUrl() != null) {
                callBack(submission, waiting);
            }
        }
    }

    /** A plan to run, the planner that made it (null for the caller's own plan) and what the policy made of it. */
    private record Planned(ValidatedPlan validated, String planner, OperationPolicy.Decision decision,
                           LlmUsage usage) {
    }

    /** Plans (with the operations the policy lets planners see) or validates, then applies the policy. */
    private Planned plan(Submission submission) {
        ServiceCatalog catalog = registry.catalog();
        if (catalog.services().isEmpty()) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE, "No agent is healthy: nothing can be planned");
        }
        ValidatedPlan validated;
        String planner = null;
        LlmUsage usage = LlmUsage.NONE;
        if (submission.kind() == Submission.Kind.EXECUTE_PLAN) {
            validated = validator.check(submission.plan(), catalog);
        } else {
            PlanOutcome outcome = planning.plan(submission.userRequest(), submission.context(),
                    policy.plannable(catalog));
            validated = outcome.validated();
            planner = outcome.source();
            usage = outcome.usage();
        }
        return new Planned(validated, planner, policy.check(validated.plan(), catalog, submission.caller()), usage);
    }

    private void journal(WorkflowStore.Lease lease, WorkflowStatus status) {
        if (!leases.write(lease, status)) {
            throw new WorkflowAbandoned(lease.requestId(), "its lease was lost");
        }
    }

    /**
     * The end is readable first, then called back, then the lease ends: an orchestrator that stops in between leaves
     * the workflow to another, which calls back again. A callback comes at least once. Without a callback, ending the
     * lease writes the end.
     */
    private void end(WorkflowStore.Lease lease, Submission submission, WorkflowStatus finished) {
        if (submission.callbackUrl() != null) {
            journal(lease, finished);
            callBack(submission, finished);
        }
        if (!leases.finish(lease, finished)) {
            throw new WorkflowAbandoned(lease.requestId(), "its lease was lost at the end");
        }
    }

    private void callBack(Submission submission, WorkflowStatus finished) {
        callbacks.send(submission.callbackUrl(), finished.workflowPlan() == null ? finished : response(finished));
    }

    static OrchestratorResponse response(WorkflowStatus status) {
        WorkflowPlan plan = status.workflowPlan();
        return new OrchestratorResponse(status.requestId(), status.status() == Stage.COMPLETED, plan,
                status.executionResults(), status.finalResult(),
                status.executionTime() == null ? 0 : status.executionTime(), status.timestamp(), status.planner(),
                status.status().wireName(), status.approval(),
                new OrchestratorResponse.Metadata(status.traceId(), status.llmUsage()));
    }

    /** A failed workflow whose completed side effects were undone counts as {@code compensated}. */
    private static String outcome(WorkflowStatus ended) {
        ExecutionResults results = ended.executionResults();
        return ended.status() == Stage.FAILED && results != null && !results.compensatedSteps().isEmpty()
                ? "compensated" : ended.status().wireName();
    }

    private void count(String status) {
        meters.counter(OUTCOMES, "status", status).increment();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

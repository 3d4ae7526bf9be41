package com.autoretail.orchestrator.workflow;

import com.autoretail.common.security.Caller;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.execution.WorkflowAbandoned;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.policy.OperationPolicy;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The workflow use case: a request becomes a workflow under its request_id, claimed atomically in the journal, so
 * that of two submissions of one id exactly one runs. A request_id seen before answers from the journal: the stored
 * answer once it finished, 409 while it runs; the same id with another request is refused (422
 * {@code IDEMPOTENCY_KEY_REUSED}), never answered with the first workflow.
 */
public class WorkflowService {

    private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

    /** How many of the newest workflows a caller who sees only its own has them looked for among. */
    public static final int RECENT_SCANNED = 1000;

    private final WorkflowStore store;
    private final WorkflowRunner runner;
    private final LeaseKeeper leases;
    private final ServiceRegistry registry;
    private final PlanningService planning;
    private final ExecutorService workers;
    private final String owner;
    private final Duration deadline;
    private final OperationPolicy policy;
    private final Supplier<String> traceIds;

    /**
     * @param traceIds the trace id of the current request (null outside a trace), recorded with a new workflow
     */
    WorkflowService(WorkflowStore store, WorkflowRunner runner, LeaseKeeper leases, ServiceRegistry registry,
                    PlanningService planning, ExecutorService workers, String owner, Duration deadline,
                    OperationPolicy policy, Supplier<String> traceIds) {
        this.policy = policy;
        this.traceIds = traceIds;
        this.store = store;
        this.runner = runner;
        this.leases = leases;
        this.registry = registry;
        this.planning = planning;
        this.workers = workers;
        this.owner = owner;
        this.deadline = deadline;
    }

    /**
     * The workflow recorded under the request_id, if it is still kept and the caller sees it (its own, or every
     * workflow for the roles that see all): another caller's workflow is as unknown.
     */
    public Optional<WorkflowStatus> find(String requestId, Caller caller) {
        return reachable(() -> store.find(requestId)).filter(status -> policy.sees(caller, status.owner()));
    }

    /**
     * The newest workflows the caller sees, newest first, at most {@code limit}: every workflow for the roles that see
     * all, else the caller's own among the newest {@link #RECENT_SCANNED} ones.
     */
    public List<WorkflowSummary> recent(int limit, Caller caller) {
        boolean seesAll = policy.sees(caller, null);   // of no owner: only a role that sees all sees it
        List<WorkflowStatus> newest = reachable(() -> store.recent(seesAll ? limit : RECENT_SCANNED));
        return newest.stream().filter(status -> seesAll || policy.sees(caller, status.owner())).limit(limit)
                .map(WorkflowSummary::of).toList();
    }

    /** What any caller is told of a workflow it may not see. */
    public static AgentException unknown(String requestId) {
        return new AgentException(ErrorCode.NOT_FOUND, "No workflow " + requestId
                + " (unknown, or finished and forgotten)");
    }

    WorkflowRunner runner() {
        return runner;
    }

    /** Whether workflows survive this orchestrator: {@code true} with the Redis journal. */
    public boolean durable() {
        return store.durable();
    }

    /**
     * A dry run: the plan the request would run with its context, validated against the healthy services and checked
     * by the policy for the caller (refused as a run would be); its notes say which steps would wait for approval.
     */
    public PlanOutcome plan(String userRequest, Map<String, Object> context, Caller caller) {
        ServiceCatalog catalog = registry.catalog();
        if (catalog.services().isEmpty()) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE, "No agent is healthy: nothing can be planned");
        }
        PlanOutcome outcome = planning.plan(userRequest, context, policy.plannable(catalog));
        OperationPolicy.Decision decision = policy.check(outcome.plan(), catalog, caller);
        if (!decision.needsApproval()) {
            return outcome;
        }
        List<String> notes = new ArrayList<>(outcome.notes());
        decision.waiting().stream().filter(step -> !step.rules().isEmpty()).forEach(step -> notes.add("step "
                + step.stepId() + " waits for approval by the " + Caller.APPROVER + " role: "
                + String.join(", ", step.rules())));
        return new PlanOutcome(outcome.validated(), outcome.source(), notes, outcome.usage());
    }

    /** Plans and runs a request, waiting for its end. */
    public OrchestratorResponse orchestrate(String requestId, OrchestratorRequest request, Caller caller) {
        return runNow(requestId, new Submission(Submission.Kind.ORCHESTRATE, request.userRequest(), null,
                request.context(), request.callbackUrl(), caller));
    }

    /** Validates and runs a plan the caller made, waiting for its end (or until it waits for approval). */
    public OrchestratorResponse executePlan(String requestId, String userRequest, WorkflowPlan plan,
                                            Map<String, Object> context, Caller caller) {
        return runNow(requestId, new Submission(Submission.Kind.EXECUTE_PLAN, userRequest, plan, context, null,
                caller));
    }

    /**
     * Accepts a workflow and runs it in the background; its stages are readable at once. The same request sent
     * again while it runs or after it ended is accepted again and starts nothing.
     */
    public void orchestrateAsync(String requestId, OrchestratorRequest request, Caller caller) {
        Submission submission = new Submission(Submission.Kind.ORCHESTRATE, request.userRequest(), null,
                request.context(), request.callbackUrl(), caller);
        WorkflowStore.Claim claim = claim(requestId, submission);
        if (claim instanceof WorkflowStore.Claimed claimed) {
            WorkflowStore.Entry entry = entry(requestId, submission);
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            workers.submit(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                runQuietly(claimed.lease(), entry);
            });
        }
    }

    /** Goes on with a workflow taken over from an orchestrator that stopped; its answer goes to its callback. */
    void resume(WorkflowStore.Taken taken) {
        log.info("Taking over workflow {} at stage {}", taken.lease().requestId(),
                taken.entry().status().status().wireName());
        runQuietly(taken.lease(), taken.entry());
    }

    private OrchestratorResponse runNow(String requestId, Submission submission) {
        WorkflowStore.Claim claim = claim(requestId, submission);
        if (claim instanceof WorkflowStore.Known known) {
            return replay(known.entry().status());
        }
        try {
            return runner.run(((WorkflowStore.Claimed) claim).lease(), entry(requestId, submission));
        } catch (WorkflowAbandoned e) {
            throw new AgentException(ErrorCode.CONFLICT, "Workflow " + requestId
                    + " goes on at another orchestrator; follow it at /workflow/" + requestId);
        }
    }

    void runQuietly(WorkflowStore.Lease lease, WorkflowStore.Entry entry) {
        try {
            runner.run(lease, entry);
        } catch (WorkflowAbandoned e) {
            log.info("{}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Workflow {} failed: {}", lease.requestId(), e.getMessage());
        }
    }

    private WorkflowStore.Claim claim(String requestId, Submission submission) {
        WorkflowStore.Claim claim = reachable(() -> store.claim(entry(requestId, submission), owner,
                leases.leaseFor()));
        // another caller's workflow is not answered, even to the same request: its id is taken, nothing more
        if (claim instanceof WorkflowStore.Known known
                && (!known.entry().fingerprint().equals(submission.fingerprint())
                || !policy.sees(submission.caller(), known.entry().status().owner()))) {
            throw new RequestIdReused(requestId);
        }
        return claim;
    }

    /** The journal's answer; when it cannot be reached, 503 (retryable) and nothing started, never a 500. */
    private static <T> T reachable(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            log.warn("The workflow journal is unreachable: {}", e.getMessage());
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The workflow journal is unreachable: nothing was started; retry later");
        }
    }

    private WorkflowStore.Entry entry(String requestId, Submission submission) {
        Instant now = Instant.now();
        WorkflowStatus planning = new WorkflowStatus(requestId, Stage.PLANNING, submission.userRequest(), null,
                null, null, null, null, 0.0, now.plus(deadline), now, null, submission.caller().name(), null,
                traceIds.get(), null);
        return new WorkflowStore.Entry(planning, submission, submission.fingerprint());
    }

    /**
     * A request_id seen before: its answer when finished, 409 {@code IN_PROGRESS} while it still runs (the
     * contract's code for "the first request with this request_id is still being processed; a retry later gets its
     * outcome", so that a client retries it rather than give up as on a refusal).
     */
    private static OrchestratorResponse replay(WorkflowStatus known) {
        if (!known.status().finished()) {
            throw new AgentException(ErrorCode.IN_PROGRESS, "Workflow " + known.requestId() + " is still "
                    + known.status().wireName() + "; follow it at /workflow/" + known.requestId());
        }
        return WorkflowRunner.response(known);
    }
}

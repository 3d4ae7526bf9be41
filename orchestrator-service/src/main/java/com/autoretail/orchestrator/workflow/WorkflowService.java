package com.autoretail.orchestrator.workflow;

import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.execution.ExecutionResults;
import com.autoretail.orchestrator.execution.WorkflowExecutor;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.autoretail.orchestrator.validation.ValidatedPlan;
import com.autoretail.orchestrator.workflow.WorkflowStatus.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * One workflow from request to answer: plan against the healthy services (or validate the caller's plan), run,
 * summarize, record every stage in the workflow store, and POST the answer to the callback of an async workflow.
 * A request_id seen before is answered from the store: its answer when finished, 409 while it still runs.
 */
public class WorkflowService {

    private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

    private final ServiceRegistry registry;
    private final PlanningService planning;
    private final PlanValidator validator;
    private final WorkflowExecutor executor;
    private final WorkflowStore store;
    private final SummaryFormatter summary;
    private final CallbackSender callbacks;
    private final ExecutorService workers;
    private final MeterRegistry meters;
    private final Map<String, String> defaultContext;

    public WorkflowService(ServiceRegistry registry, PlanningService planning, PlanValidator validator,
                           WorkflowExecutor executor, WorkflowStore store, SummaryFormatter summary,
                           CallbackSender callbacks, ExecutorService workers, MeterRegistry meters,
                           Map<String, String> defaultContext) {
        this.registry = registry;
        this.planning = planning;
        this.validator = validator;
        this.executor = executor;
        this.store = store;
        this.summary = summary;
        this.callbacks = callbacks;
        this.workers = workers;
        this.meters = meters;
        this.defaultContext = defaultContext;
    }

    /** The workflow recorded under the request_id, if it is still kept. */
    public Optional<WorkflowStatus> find(String requestId) {
        return store.find(requestId);
    }

    /** A dry run: the plan the request would run, validated against the healthy services. */
    public PlanOutcome plan(String userRequest) {
        return planning.plan(userRequest, healthyCatalog());
    }

    /** Plans and runs a request, waiting for its end; a request_id seen before answers as {@link #replay} says. */
    public OrchestratorResponse orchestrate(String requestId, OrchestratorRequest request) {
        Optional<WorkflowStatus> known = known(requestId);
        if (known.isPresent()) {
            return replay(known.get());
        }
        return underRequestId(requestId, () -> planAndRun(requestId, request));
    }

    /** Validates and runs a plan the caller made; a request_id seen before answers as {@link #replay} says. */
    public OrchestratorResponse executePlan(String requestId, String userRequest, WorkflowPlan plan,
                                            Map<String, Object> context) {
        Optional<WorkflowStatus> known = known(requestId);
        if (known.isPresent()) {
            return replay(known.get());
        }
        return underRequestId(requestId, () -> validateAndRun(requestId, userRequest, plan, context));
    }

    /**
     * Starts a workflow in the background and returns at once; its stages are readable in the store. A request_id
     * seen before starts nothing.
     */
    public void orchestrateAsync(String requestId, OrchestratorRequest request) {
        if (known(requestId).isPresent()) {
            return;
        }
        record(requestId, request.userRequest(), Stage.PLANNING, null, null, null, System.nanoTime());
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        workers.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                OrchestratorResponse response = underRequestId(requestId, () -> planAndRun(requestId, request));
                if (request.callbackUrl() != null) {
                    callbacks.send(request.callbackUrl(), response);
                }
            } catch (RuntimeException e) {
                log.warn("Workflow {} failed: {}", requestId, e.getMessage());
                if (request.callbackUrl() != null) {
                    callbacks.send(request.callbackUrl(), store.find(requestId).orElse(null));
                }
            }
        });
    }

    private static OrchestratorResponse underRequestId(String requestId, Supplier<OrchestratorResponse> work) {
        MDC.put("request_id", requestId);
        try {
            return work.get();
        } finally {
            MDC.remove("request_id");
        }
    }

    /** The catalog of healthy services; {@code UPSTREAM_UNAVAILABLE} (503) when there is none. */
    private ServiceCatalog healthyCatalog() {
        ServiceCatalog catalog = registry.catalog();
        if (catalog.services().isEmpty()) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE, "No agent is healthy: nothing can be planned");
        }
        return catalog;
    }

    private OrchestratorResponse planAndRun(String requestId, OrchestratorRequest request) {
        long start = System.nanoTime();
        record(requestId, request.userRequest(), Stage.PLANNING, null, null, null, start);
        ServiceCatalog catalog;
        PlanOutcome outcome;
        try {
            catalog = healthyCatalog();
            outcome = planning.plan(request.userRequest(), catalog);
        } catch (RuntimeException e) {
            record(requestId, request.userRequest(), Stage.FAILED, null, null, e.getMessage(), start);
            count("rejected");
            throw e;
        }
        return run(requestId, request.userRequest(), outcome.validated(), catalog, request.context(), start);
    }

    private OrchestratorResponse validateAndRun(String requestId, String userRequest, WorkflowPlan plan,
                                                Map<String, Object> context) {
        long start = System.nanoTime();
        ServiceCatalog catalog = healthyCatalog();
        ValidatedPlan validated;
        try {
            validated = validator.check(plan, catalog);
        } catch (RuntimeException e) {
            count("rejected");
            throw e;
        }
        String request = userRequest == null || userRequest.isBlank() ? "plan " + validated.plan().planId()
                : userRequest;
        return run(requestId, request, validated, catalog, context, start);
    }

    private OrchestratorResponse run(String requestId, String userRequest, ValidatedPlan validated,
                                     ServiceCatalog catalog, Map<String, Object> requestContext, long start) {
        WorkflowPlan plan = validated.plan();
        record(requestId, userRequest, Stage.EXECUTING, plan, ExecutionResults.empty(), null, start);
        Map<String, Object> context = new HashMap<>(defaultContext);
        context.putAll(requestContext);
        context.put("workflow_id", requestId);
        ExecutionResults results = executor.execute(requestId, validated, context, catalog,
                progress -> record(requestId, userRequest, Stage.EXECUTING, plan, progress, null, start));
        boolean success = !results.aborted() && results.completed() == results.total();
        String finalResult = summary.format(userRequest, plan, results);
        double seconds = (System.nanoTime() - start) / 1e9;
        store.save(new WorkflowStatus(requestId, success ? Stage.COMPLETED : Stage.FAILED, userRequest, success,
                plan, results, finalResult, null, seconds, Instant.now()));
        count(success ? "completed" : results.aborted() ? "aborted" : "partial");
        return new OrchestratorResponse(requestId, success, plan, results, finalResult, seconds, Instant.now());
    }

    /** A workflow seen before that keeps its request_id: all but one that failed before it had a plan. */
    private Optional<WorkflowStatus> known(String requestId) {
        return store.find(requestId)
                .filter(known -> !(known.status() == Stage.FAILED && known.workflowPlan() == null));
    }

    /** A request_id seen before: its answer when finished, 409 while it still runs. */
    private static OrchestratorResponse replay(WorkflowStatus known) {
        if (!known.status().finished()) {
            throw new AgentException(ErrorCode.CONFLICT, "Workflow " + known.requestId() + " is still "
                    + known.status().wireName() + "; follow it at /workflow/" + known.requestId());
        }
        return new OrchestratorResponse(known.requestId(), Boolean.TRUE.equals(known.success()), known.workflowPlan(),
                known.executionResults(), known.finalResult(),
                known.executionTime() == null ? 0 : known.executionTime(), known.timestamp());
    }

    private void record(String requestId, String userRequest, Stage stage, WorkflowPlan plan,
                        ExecutionResults results, String error, long start) {
        store.save(new WorkflowStatus(requestId, stage, userRequest, null, plan, results, null, error,
                (System.nanoTime() - start) / 1e9, Instant.now()));
    }

    private void count(String outcome) {
        meters.counter("orchestrator.workflows", "outcome", outcome).increment();
    }
}

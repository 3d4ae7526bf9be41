package com.autoretail.orchestrator.api;

import com.autoretail.common.agent.AgentException;
import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.ExecutionResults;
import com.autoretail.common.wire.OrchestratorRequest;
import com.autoretail.common.wire.OrchestratorResponse;
import com.autoretail.common.wire.WorkflowPlan;
import com.autoretail.common.wire.WorkflowStatus;
import com.autoretail.common.wire.WorkflowStatus.Stage;
import com.autoretail.orchestrator.execution.WorkflowExecutor;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanValidator;
import com.autoretail.orchestrator.planning.PlanningException;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.planning.ServiceCatalog;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * One workflow from request to answer: plan against the healthy services, validate, run, summarize, record
 * every stage in the workflow store, and POST the answer to the callback of an async workflow.
 */
public class OrchestrationService {

    private static final Logger log = LoggerFactory.getLogger(OrchestrationService.class);

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

    public OrchestrationService(ServiceRegistry registry, PlanningService planning, PlanValidator validator,
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

    /** The catalog of healthy services; {@code UPSTREAM_UNAVAILABLE} (503) when there is none. */
    ServiceCatalog healthyCatalog() {
        ServiceCatalog catalog = registry.catalog();
        if (catalog.services().isEmpty()) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE, "No agent is healthy: nothing can be planned");
        }
        return catalog;
    }

    PlanOutcome plan(String userRequest) {
        return planning.plan(userRequest, healthyCatalog());
    }

    /** Plans and runs a request, waiting for its end. */
    OrchestratorResponse orchestrate(String requestId, OrchestratorRequest request) {
        MDC.put("request_id", requestId);
        try {
            return planAndRun(requestId, request);
        } finally {
            MDC.remove("request_id");
        }
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
        return run(requestId, request.userRequest(), outcome.plan(), catalog, request.context(), start);
    }

    /** Validates and runs a plan the caller made. */
    OrchestratorResponse executePlan(String requestId, String userRequest, WorkflowPlan plan,
                                     Map<String, Object> context) {
        MDC.put("request_id", requestId);
        try {
            return validateAndRun(requestId, userRequest, plan, context);
        } finally {
            MDC.remove("request_id");
        }
    }

    private OrchestratorResponse validateAndRun(String requestId, String userRequest, WorkflowPlan plan,
                                                Map<String, Object> context) {
        long start = System.nanoTime();
        ServiceCatalog catalog = healthyCatalog();
        List<String> errors = validator.validate(plan, catalog);
        if (!errors.isEmpty()) {
            count("rejected");
            throw new PlanningException("The plan is not valid", errors);
        }
        String request = userRequest == null || userRequest.isBlank() ? "plan " + plan.planId() : userRequest;
        return run(requestId, request, validator.normalize(plan), catalog, context, start);
    }

    /** Starts a workflow in the background and returns at once; its stages are readable in the store. */
    void orchestrateAsync(String requestId, OrchestratorRequest request) {
        record(requestId, request.userRequest(), Stage.PLANNING, null, null, null, System.nanoTime());
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        workers.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                OrchestratorResponse response = orchestrate(requestId, request);
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

    private OrchestratorResponse run(String requestId, String userRequest, WorkflowPlan plan,
                                     ServiceCatalog catalog, Map<String, Object> requestContext, long start) {
        record(requestId, userRequest, Stage.EXECUTING, plan, ExecutionResults.empty(), null, start);
        Map<String, Object> context = new HashMap<>(defaultContext);
        context.putAll(requestContext);
        context.put("workflow_id", requestId);
        ExecutionResults results = executor.execute(requestId, plan, context, catalog,
                progress -> record(requestId, userRequest, Stage.EXECUTING, plan, progress, null, start));
        boolean success = !results.aborted() && results.completed() == results.total();
        String finalResult = summary.format(userRequest, plan, results);
        double seconds = (System.nanoTime() - start) / 1e9;
        store.save(new WorkflowStatus(requestId, success ? Stage.COMPLETED : Stage.FAILED, userRequest, success,
                plan, results, finalResult, null, seconds, Instant.now()));
        count(success ? "completed" : results.aborted() ? "aborted" : "partial");
        return new OrchestratorResponse(requestId, success, plan, results, finalResult, seconds, Instant.now());
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

package com.autoretail.orchestrator.api;

import com.autoretail.common.agent.AgentException;
import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.OrchestratorRequest;
import com.autoretail.common.wire.OrchestratorResponse;
import com.autoretail.common.wire.PlanExecutionRequest;
import com.autoretail.common.wire.WorkflowStatus;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanningException;
import com.autoretail.orchestrator.registry.ServiceInstance;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The orchestrator's endpoints. */
@RestController
public class OrchestratorController {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");
    private static final int MAX_REQUEST_LENGTH = 4000;

    private final OrchestrationService orchestration;
    private final ServiceRegistry registry;
    private final WorkflowStore store;
    private final CallbackPolicy callbacks;
    private final String planner;

    public OrchestratorController(OrchestrationService orchestration, ServiceRegistry registry,
                                  WorkflowStore store, CallbackPolicy callbacks, String planner) {
        this.orchestration = orchestration;
        this.registry = registry;
        this.store = store;
        this.callbacks = callbacks;
        this.planner = planner;
    }

    /** The orchestrator's view of the fleet: each service's health and instances, and the planner in use. */
    public record Health(String status, Map<String, ServiceHealth> services, String planner) {
    }

    public record ServiceHealth(String status, List<ServiceInstance> instances) {
    }

    public record Accepted(String requestId, String status, String statusUrl) {
    }

    public record PlanResponse(String requestId, Object workflowPlan, String planner, List<String> notes) {
    }

    @GetMapping("/health")
    Health health() {
        Map<String, ServiceHealth> services = new LinkedHashMap<>();
        registry.snapshot().forEach((key, instances) -> {
            List<ServiceInstance> view = instances.stream().map(i -> new ServiceInstance(i.url(), i.status(),
                    i.lastChecked(), i.error(), null)).toList();
            services.put(key, new ServiceHealth(overall(instances), view));
        });
        boolean anyHealthy = services.values().stream().anyMatch(s -> s.status().equals("healthy"));
        boolean allHealthy = services.values().stream().allMatch(s -> s.status().equals("healthy"));
        return new Health(allHealthy ? "UP" : anyHealthy ? "DEGRADED" : "DOWN", services, planner);
    }

    @GetMapping("/services")
    Map<String, List<ServiceInstance>> services() {
        return registry.snapshot();
    }

    @PostMapping("/orchestrate")
    OrchestratorResponse orchestrate(@RequestBody OrchestratorRequest request) {
        String requestId = checked(request);
        Optional<WorkflowStatus> known = store.find(requestId).filter(OrchestratorController::keeps);
        if (known.isPresent()) {
            return replay(known.get());
        }
        return orchestration.orchestrate(requestId, request);
    }

    /** The same, answering only the summary, for people at a terminal ({@code Accept: text/plain}). */
    @PostMapping(value = "/orchestrate", produces = MediaType.TEXT_PLAIN_VALUE)
    String orchestrateText(@RequestBody OrchestratorRequest request) {
        return orchestrate(request).finalResult();
    }

    @PostMapping("/orchestrate-async")
    ResponseEntity<Accepted> orchestrateAsync(@RequestBody OrchestratorRequest request) {
        String requestId = checked(request);
        if (store.find(requestId).filter(OrchestratorController::keeps).isEmpty()) {
            orchestration.orchestrateAsync(requestId, request);
        }
        return ResponseEntity.accepted().body(new Accepted(requestId, "accepted", "/workflow/" + requestId));
    }

    @GetMapping("/workflow/{requestId}")
    WorkflowStatus workflow(@PathVariable String requestId) {
        return store.find(requestId).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                "No workflow " + requestId + " (unknown, or finished and forgotten)"));
    }

    @GetMapping(value = "/workflow/{requestId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String workflowText(@PathVariable String requestId) {
        WorkflowStatus status = workflow(requestId);
        return status.finalResult() != null ? status.finalResult()
                : "Workflow " + requestId + " is " + status.status().wireName()
                + (status.error() == null ? "" : ": " + status.error()) + "\n";
    }

    @PostMapping("/plan")
    PlanResponse plan(@RequestBody OrchestratorRequest request) {
        String requestId = checked(request);
        PlanOutcome outcome = orchestration.plan(request.userRequest());
        return new PlanResponse(requestId, outcome.plan(), outcome.source(), outcome.notes());
    }

    @PostMapping("/execute-plan")
    OrchestratorResponse executePlan(@RequestBody PlanExecutionRequest request) {
        if (request.workflowPlan() == null) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "workflow_plan: is required");
        }
        String requestId = requestId(request.requestId());
        Optional<WorkflowStatus> known = store.find(requestId).filter(OrchestratorController::keeps);
        if (known.isPresent()) {
            return replay(known.get());
        }
        return orchestration.executePlan(requestId, request.userRequest(), request.workflowPlan(), request.context());
    }

    @ExceptionHandler(PlanningException.class)
    ResponseEntity<ProblemDetail> unplannable(PlanningException e, HttpServletRequest request) {
        ProblemDetail problem = ErrorResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                ErrorResponses.requestId(request));
        problem.setTitle("No valid plan");
        problem.setProperty("errors", e.errors());
        if (e.understood() != null && !e.understood().isEmpty()) {
            problem.setProperty("understood", e.understood());
        }
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    private String checked(OrchestratorRequest request) {
        if (request.userRequest() == null || request.userRequest().isBlank()) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "user_request: is required and must not be blank");
        }
        if (request.userRequest().length() > MAX_REQUEST_LENGTH) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR,
                    "user_request: longer than " + MAX_REQUEST_LENGTH + " characters");
        }
        if (request.priority() != null && (request.priority() < 1 || request.priority() > 10)) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "priority: must be between 1 and 10");
        }
        String refusal = request.callbackUrl() == null ? null : callbacks.refusal(request.callbackUrl());
        if (refusal != null) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, refusal);
        }
        return requestId(request.requestId());
    }

    private static String requestId(String given) {
        if (given == null || given.isBlank()) {
            return "req-" + UUID.randomUUID();
        }
        if (!REQUEST_ID.matcher(given).matches()) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR,
                    "request_id: 1 to 100 letters, digits, '_', '.', ':' or '-'");
        }
        return given;
    }

    /** Whether a workflow seen before keeps its request_id: all but one that failed before it had a plan. */
    private static boolean keeps(WorkflowStatus known) {
        return !(known.status() == WorkflowStatus.Stage.FAILED && known.workflowPlan() == null);
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

    private static String overall(List<ServiceInstance> instances) {
        if (instances.stream().anyMatch(ServiceInstance::healthy)) {
            return "healthy";
        }
        return instances.stream().allMatch(i -> i.status() == ServiceInstance.Health.UNKNOWN) ? "unknown" : "unhealthy";
    }
}

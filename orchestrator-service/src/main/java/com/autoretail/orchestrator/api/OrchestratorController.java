package com.autoretail.orchestrator.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.Planner;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.registry.ServiceInstance;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.workflow.OrchestratorRequest;
import com.autoretail.orchestrator.workflow.OrchestratorResponse;
import com.autoretail.orchestrator.workflow.WorkflowApprovals;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The orchestrator's endpoints. */
@RestController
public class OrchestratorController {

    private static final int MAX_COMMENT_LENGTH = 1000;

    private final WorkflowService workflows;
    private final ServiceRegistry registry;
    private final CallbackPolicy callbacks;
    private final PlanningService planning;
    private final SecurityMode security;
    private final WorkflowApprovals approvals;
    private final CircuitBreakerRegistry breakers;

    OrchestratorController(WorkflowService workflows, ServiceRegistry registry, CallbackPolicy callbacks,
                           PlanningService planning, SecurityMode security, WorkflowApprovals approvals,
                           CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
        this.security = security;
        this.workflows = workflows;
        this.approvals = approvals;
        this.registry = registry;
        this.callbacks = callbacks;
        this.planning = planning;
    }

    /**
     * The orchestrator's view of the fleet: each service's health and instances, the planner in use, and how its
     * callers are authenticated ({@code open}, {@code api-keys}, {@code jwt}, {@code api-keys+jwt}).
     */
    public record Health(String status, Map<String, ServiceHealth> services, Planner planner,
                         WorkflowJournal workflowStore, String security) {
    }

    /**
     * Where workflows are journaled: {@code redis} is durable (shared by every orchestrator, which take over each
     * other's workflows); {@code memory} dies with this orchestrator.
     */
    public record WorkflowJournal(String type, boolean durable) {
    }

    /**
     * A service as the orchestrator sees it: its overall health, its instances, and the state of the circuit breaker
     * the orchestrator calls it through ({@code closed}, {@code open}, {@code half_open}, ...; {@code closed} before
     * its first call).
     */
    public record ServiceHealth(String status, List<ServiceInstance> instances, String breaker) {
    }


    public record Accepted(String requestId, String status, String statusUrl) {
    }

    /** The body of an approval decision: why, for the audit trail. */
    public record Decision(String comment) {
    }

    public record PlanResponse(String requestId, WorkflowPlan workflowPlan, String planner, List<String> notes) {
    }

    @GetMapping("/health")
    Health health() {
        Map<String, ServiceHealth> services = new LinkedHashMap<>();
        // a caller without a role of the fleet sees each service's status, not its instances' addresses and errors
        boolean details = Caller.current().seesDetails();
        registry.snapshot().forEach((key, instances) -> {
            List<ServiceInstance> view = !details ? List.of() : instances.stream().map(i -> new ServiceInstance(
                    i.url(), i.status(), i.lastChecked(), i.error(), null)).toList();
            services.put(key, new ServiceHealth(overall(instances), view, breakerState(key)));
        });
        boolean anyHealthy = services.values().stream().anyMatch(s -> s.status().equals("healthy"));
        boolean allHealthy = services.values().stream().allMatch(s -> s.status().equals("healthy"));
        boolean durable = workflows.durable();
        return new Health(allHealthy ? "UP" : anyHealthy ? "DEGRADED" : "DOWN", services, planning.planner(),
                new WorkflowJournal(durable ? "redis" : "memory", durable), security.wireName());
    }

    @GetMapping("/services")
    Map<String, List<ServiceInstance>> services() {
        return registry.snapshot();
    }

    /** Runs a request; {@code 202} with status {@code awaiting_approval} when it paused for a person. */
    @PostMapping("/orchestrate")
    ResponseEntity<OrchestratorResponse> orchestrate(@RequestBody OrchestratorRequest request) {
        return answered(workflows.orchestrate(checked(request), request, Caller.current()));
    }

    /** The same, answering only the summary, for people at a terminal ({@code Accept: text/plain}). */
    @PostMapping(value = "/orchestrate", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> orchestrateText(@RequestBody OrchestratorRequest request) {
        ResponseEntity<OrchestratorResponse> answer = orchestrate(request);
        return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody().finalResult());
    }

    @PostMapping("/orchestrate-async")
    ResponseEntity<Accepted> orchestrateAsync(@RequestBody OrchestratorRequest request) {
        String requestId = checked(request);
        workflows.orchestrateAsync(requestId, request, Caller.current());
        return ResponseEntity.accepted().body(new Accepted(requestId, "accepted", "/workflow/" + requestId));
    }

    @GetMapping("/workflow/{requestId}")
    WorkflowStatus workflow(@PathVariable String requestId) {
        return workflows.find(requestId, Caller.current()).orElseThrow(() -> WorkflowService.unknown(requestId));
    }

    /** Approves a workflow that awaits approval (approver role); it goes on in the background. */
    @PostMapping("/workflow/{requestId}/approve")
    WorkflowStatus approve(@PathVariable String requestId, @RequestBody(required = false) Decision decision) {
        return approvals.approve(requestId, Caller.current(), comment(decision));
    }

    /** Rejects a workflow that awaits approval (approver role): it ends failed, nothing that waited run. */
    @PostMapping("/workflow/{requestId}/reject")
    WorkflowStatus reject(@PathVariable String requestId, @RequestBody(required = false) Decision decision) {
        return approvals.reject(requestId, Caller.current(), comment(decision));
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
        PlanOutcome outcome = workflows.plan(request.userRequest(), request.context(), Caller.current());
        return new PlanResponse(requestId, outcome.plan(), outcome.source(), outcome.notes());
    }

    @PostMapping("/execute-plan")
    ResponseEntity<OrchestratorResponse> executePlan(@RequestBody PlanExecutionRequest request) {
        if (request.workflowPlan() == null) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "workflow_plan: is required");
        }
        return answered(workflows.executePlan(requestId(request.requestId()), request.userRequest(),
                request.workflowPlan(), request.context(), Caller.current()));
    }

    /** A workflow's answer: {@code 202} while it awaits approval (the rest runs once approved), else {@code 200}. */
    private static ResponseEntity<OrchestratorResponse> answered(OrchestratorResponse response) {
        return WorkflowStatus.Stage.AWAITING_APPROVAL.wireName().equals(response.status())
                ? ResponseEntity.accepted().body(response) : ResponseEntity.ok(response);
    }

    private static String comment(Decision decision) {
        String comment = decision == null ? null : decision.comment();
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR,
                    "comment: longer than " + MAX_COMMENT_LENGTH + " characters");
        }
        return comment;
    }

    private String checked(OrchestratorRequest request) {
        return RequestChecks.checked(request, callbacks);
    }

    private static String requestId(String given) {
        return RequestChecks.requestId(given);
    }

    private String breakerState(String service) {
        return breakers.find(service).map(breaker -> breaker.getState().name().toLowerCase(Locale.ROOT))
                .orElse("closed");
    }

    private static String overall(List<ServiceInstance> instances) {
        if (instances.stream().anyMatch(ServiceInstance::healthy)) {
            return "healthy";
        }
        return instances.stream().allMatch(i -> i.status() == ServiceInstance.Health.UNKNOWN) ? "unknown" : "unhealthy";
    }
}

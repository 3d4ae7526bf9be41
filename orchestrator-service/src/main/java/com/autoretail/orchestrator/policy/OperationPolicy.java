package com.autoretail.orchestrator.policy;

import com.autoretail.common.security.Caller;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.RiskTier;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operation policy ({@code orchestrator.policy.*}) applied to a plan before anything of it runs: refuses what
 * the caller's roles do not allow (403) and what nobody may run so (422: test hooks, {@code skip} on a side effect
 * that must not be skipped), and says which steps wait for a person's approval and which read-only steps may run
 * before it. Also says who sees a workflow.
 */
public class OperationPolicy {

    private final OrchestratorProperties.Policy policy;
    private final Optional<RiskTier> approvalFromTier;
    private final ApprovalRules rules;

    public OperationPolicy(OrchestratorProperties.Policy policy) {
        this.policy = policy;
        String tier = policy.approval().fromTier();
        this.approvalFromTier = "none".equals(tier) ? Optional.empty() : Optional.of(RiskTier.fromWire(tier));
        this.rules = new ApprovalRules(policy.approval());
    }

    /** What the policy makes of a plan that it does not refuse. */
    public record Decision(List<WaitingStep> waiting, List<String> runFirst) {

        public boolean needsApproval() {
            return !waiting.isEmpty();
        }
    }

    /** The catalog a planner may plan with: without the test hooks, unless they are allowed. */
    public ServiceCatalog plannable(ServiceCatalog catalog) {
        if (policy.testHooksAllowed()) {
            return catalog;
        }
        Map<String, Capabilities> services = new LinkedHashMap<>();
        catalog.services().forEach((key, caps) -> services.put(key, caps.operations() == null ? caps
                : new Capabilities(caps.serviceName(), caps.serviceKey(), caps.description(), caps.version(),
                caps.operations().stream().filter(op -> !testHook(op.name())).toList(), caps.mcpTools())));
        return new ServiceCatalog(services);
    }

    /**
     * Checks a valid plan for the caller.
     *
     * @throws PolicyRefusal 403 when the caller's roles do not allow an operation, else 422 when a rule refuses a step
     */
    public Decision check(WorkflowPlan plan, ServiceCatalog catalog, Caller caller) {
        List<PolicyRefusal.Violation> forbidden = new ArrayList<>();
        List<PolicyRefusal.Violation> refused = new ArrayList<>();
        Map<String, List<String>> because = new LinkedHashMap<>();
        for (ExecutionStep step : plan.executionSteps()) {
            String name = step.serviceName() + "." + step.operation();
            RiskTier risk = risk(step, catalog);
            if (testHook(step.operation()) && !policy.testHooksAllowed()) {
                refused.add(new PolicyRefusal.Violation(step.stepId(), "test_hook", name
                        + " is a test hook; it runs only where test hooks are allowed"));
            }
            if (!allows(caller, step.serviceName(), step.operation())) {
                forbidden.add(new PolicyRefusal.Violation(step.stepId(), "role_allow_list", name
                        + " is not allowed for the roles " + caller.roles().stream().sorted().toList()));
            }
            if (step.failureHandling() == FailureHandling.SKIP && (risk == RiskTier.IRREVERSIBLE
                    || risk != RiskTier.READ_ONLY && policy.noSkipServices().contains(step.serviceName()))) {
                refused.add(new PolicyRefusal.Violation(step.stepId(), "no_skip_on_side_effect", name + " is "
                        + risk.wireName() + ": failure_handling skip would go on as if it had not happened"));
            }
            List<String> stepRules = new ArrayList<>(rules.of(step));
            approvalFromTier.filter(risk::atLeast).ifPresent(tier -> stepRules.add("risk_tier_" + risk.wireName()));
            if (!stepRules.isEmpty()) {
                because.put(step.stepId(), stepRules);
            }
        }
        if (!forbidden.isEmpty()) {
            throw new PolicyRefusal(true, forbidden);
        }
        if (!refused.isEmpty()) {
            throw new PolicyRefusal(false, refused);
        }
        if (because.isEmpty()) {
            return new Decision(List.of(), plan.executionSteps().stream().map(ExecutionStep::stepId).toList());
        }
        Set<String> first = runFirst(plan, catalog, because.keySet());
        List<WaitingStep> waiting = plan.executionSteps().stream().filter(step -> !first.contains(step.stepId()))
                .map(step -> new WaitingStep(step.stepId(), step.serviceName(), step.operation(), step.parameters(),
                        risk(step, catalog), because.getOrDefault(step.stepId(), List.of()))).toList();
        return new Decision(waiting, List.copyOf(first));
    }

    /** A new, pending approval for what the decision says waits. */
    public Approval approvalFor(Decision decision, Instant now) {
        return new Approval(Approval.State.PENDING, Caller.APPROVER, now, now.plus(policy.approval().timeout()),
                decision.waiting(), decision.runFirst(), List.of());
    }

    /** Whether the caller may decide approvals. */
    public boolean mayApprove(Caller caller) {
        return caller.has(Caller.APPROVER);
    }

    /** Whether the caller sees a workflow of this owner: its own, or any with a role that sees all. */
    public boolean sees(Caller caller, String owner) {
        return policy.seeAll().stream().anyMatch(caller::has) || owner != null && owner.equals(caller.name());
    }

    /**
     * Read-only steps whose dependencies all run first too and that need no approval themselves: they may run before
     * the decision. Everything else waits.
     */
    private static Set<String> runFirst(WorkflowPlan plan, ServiceCatalog catalog, Set<String> needApproval) {
        Set<String> first = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ExecutionStep step : plan.executionSteps()) {
                if (!first.contains(step.stepId()) && !needApproval.contains(step.stepId())
                        && risk(step, catalog) == RiskTier.READ_ONLY && first.containsAll(step.dependencies())) {
                    first.add(step.stepId());
                    grew = true;
                }
            }
        }
        return first;
    }

    private boolean testHook(String operation) {
        return policy.testHooks().contains(operation);
    }

    private boolean allows(Caller caller, String service, String operation) {
        for (String role : caller.roles()) {
            for (String allowed : policy.allowedOperations().getOrDefault(role, List.of())) {
                if (allowed.equals("*") || allowed.equals(service + ".*") || allowed.equals(operation)
                        || allowed.equals(service + "." + operation)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tier its agent publishes; an operation the catalog does not know counts as irreversible. */
    private static RiskTier risk(ExecutionStep step, ServiceCatalog catalog) {
        return catalog.operation(step.serviceName(), step.operation()).map(OperationSpec::risk)
                .filter(Objects::nonNull).orElse(RiskTier.IRREVERSIBLE);
    }
}

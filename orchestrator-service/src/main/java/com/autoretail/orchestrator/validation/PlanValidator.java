package com.autoretail.orchestrator.validation;

import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.plan.PlanGraph;
import com.autoretail.orchestrator.plan.PlanIds;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validation engine: every plan, from the LLM, the rule planner or a caller of {@code /execute-plan}, passes
 * here before anything runs. Checks the services and operations against the catalog of healthy services, the
 * parameters against each operation's schema, step ids, dependencies (known, acyclic), references (only to steps
 * the referencing step depends on, directly or transitively), the bounds of {@code timeout_seconds} and
 * {@code retry_attempts}, and the size of the plan. A step without {@code failure_handling}, {@code timeout_seconds}
 * or {@code retry_attempts} is not an error: {@link #normalize} gives it {@code retry} and the configured defaults.
 * Only {@link #check} makes a {@link ValidatedPlan}, the one type the executor runs.
 */
public final class PlanValidator {

    private static final int MAX_SHOWN = 80;
    private static final int MAX_PLAN_ID_LENGTH = 100;

    private static final Set<String> RISK_LEVELS = Set.of("low", "medium", "high");

    private final int maxSteps;

    private final StepDefaults defaults;

    private final Clock clock;

    private final ParameterSchemaCache schemas = new ParameterSchemaCache();

    /**
     * @param maxSteps the most steps a plan may have
     * @param defaults what a step that names no timeout or retries gets
     */
    public PlanValidator(int maxSteps, StepDefaults defaults, Clock clock) {
        this.maxSteps = maxSteps;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * The plan, normalized, as the one type the executor runs.
     *
     * @throws NoValidPlanException with every error, each naming the step and field, when the plan is not valid
     */
    public ValidatedPlan check(WorkflowPlan plan, ServiceCatalog catalog) {
        if (plan == null) {
            throw new NoValidPlanException("The plan is not valid", List.of("workflow_plan: is missing"));
        }
        WorkflowPlan normalized = normalize(plan);
        List<String> errors = errors(normalized, catalog);
        if (!errors.isEmpty()) {
            throw new NoValidPlanException("The plan is not valid", errors);
        }
        return new ValidatedPlan(normalized);
    }

    /**
     * A plan read back from a workflow's journal, which only ever holds plans that passed {@link #check}: a workflow
     * taken over goes on with the plan it was validated with, whatever services are healthy now.
     */
    public ValidatedPlan fromJournal(WorkflowPlan journaled) {
        return new ValidatedPlan(journaled);
    }

    /** Every error of the plan against the catalog, each naming the step and field; empty when the plan is valid. */
    public List<String> validate(WorkflowPlan plan, ServiceCatalog catalog) {
        if (plan == null) {
            return List.of("workflow_plan: is missing");
        }
        return errors(normalize(plan), catalog);
    }

    /**
     * A copy with the defaults filled in: a {@code plan_id} when blank, {@code step_order} by position,
     * {@code failure_handling} {@code retry}, and the configured {@code timeout_seconds} and {@code retry_attempts}.
     */
    public WorkflowPlan normalize(WorkflowPlan plan) {
        Objects.requireNonNull(plan, "plan");
        List<ExecutionStep> steps = new ArrayList<>(plan.executionSteps().size());
        int position = 0;
        for (ExecutionStep step : plan.executionSteps()) {
            position++;
            steps.add(step == null ? null : normalize(step, position));
        }
        String planId = blank(plan.planId()) ? PlanIds.next(clock) : plan.planId().trim();
        String risk = plan.riskLevel() == null ? null : plan.riskLevel().trim().toLowerCase(Locale.ROOT);
        return new WorkflowPlan(planId, risk, plan.estimatedDurationSeconds(), Collections.unmodifiableList(steps),
                plan.validationSummary(), plan.serviceDependencies());
    }

    private ExecutionStep normalize(ExecutionStep step, int position) {
        return new ExecutionStep(trim(step.stepId()), step.stepOrder() == null ? position : step.stepOrder(),
                trim(step.serviceName()), trim(step.operation()), step.parameters(), step.validationChecks(),
                step.dependencies(), step.parallelGroup(),
                step.failureHandling() == null ? FailureHandling.RETRY : step.failureHandling(),
                step.timeoutSeconds() == null ? defaults.timeoutSeconds() : step.timeoutSeconds(),
                step.retryAttempts() == null ? defaults.retryAttempts() : step.retryAttempts());
    }

    private List<String> errors(WorkflowPlan plan, ServiceCatalog catalog) {
        List<String> errors = new ArrayList<>();
        List<ExecutionStep> steps = plan.executionSteps();
        if (steps.isEmpty()) {
            errors.add("execution_steps: a plan needs at least one step");
        }
        // the plan id is logged and shown in the summary: bounded, and no line break or other control character
        if (plan.planId().length() > MAX_PLAN_ID_LENGTH || plan.planId().chars().anyMatch(Character::isISOControl)) {
            errors.add("plan_id: must be at most " + MAX_PLAN_ID_LENGTH + " characters, without control characters");
        }
        if (steps.size() > maxSteps) {
            errors.add("execution_steps: " + steps.size() + " steps exceed the limit of " + maxSteps);
        }
        if (plan.riskLevel() != null && !RISK_LEVELS.contains(plan.riskLevel())) {
            errors.add("risk_level: must be low, medium or high, was '" + plan.riskLevel() + "'");
        }
        Map<String, ExecutionStep> byId = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ExecutionStep step = steps.get(i);
            if (step == null) {
                errors.add("execution_steps[" + i + "]: is null");
            } else if (blank(step.stepId())) {
                errors.add("step #" + (i + 1) + ": step_id: is missing");
            } else if (!ExecutionStep.validId(step.stepId())) {
                errors.add("step #" + (i + 1) + ": step_id: must be 1 to 64 letters, digits, '_' or '-'");
            } else if (byId.putIfAbsent(step.stepId(), step) != null) {
                errors.add("step " + step.stepId() + ": step_id: is used by more than one step");
            }
        }
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ExecutionStep step = steps.get(i);
            if (step != null) {
                // an invalid id is never echoed: it may hold anything, a line break into the log included
                String label = ExecutionStep.validId(step.stepId()) ? "step " + step.stepId() : "step #" + (i + 1);
                checkStep(step, label, catalog, errors);
                List<String> known = checkDependencies(step, label, byId, errors);
                if (ExecutionStep.validId(step.stepId())) {
                    graph.merge(step.stepId(), known, (a, b) -> a);
                }
            }
        }
        PlanGraph dag = new PlanGraph(graph);
        List<String> cycle = dag.cycle();
        if (!cycle.isEmpty()) {
            errors.add("step " + cycle.get(0) + ": dependencies: form a cycle " + String.join(" -> ", cycle));
        }
        for (ExecutionStep step : byId.values()) {
            checkReferences(step, byId, dag, errors);
        }
        return errors;
    }

    private void checkStep(ExecutionStep step, String label, ServiceCatalog catalog, List<String> errors) {
        String service = step.serviceName();
        if (blank(service)) {
            errors.add(label + ": service_name: is missing");
        } else if (!catalog.services().containsKey(service)) {
            errors.add(label + ": service_name: '" + shown(service) + "' is not an available service (available: "
                    + String.join(", ", new TreeSet<>(catalog.services().keySet())) + ")");
        } else if (blank(step.operation())) {
            errors.add(label + ": operation: is missing");
        } else {
            Optional<OperationSpec> spec = catalog.operation(service, step.operation());
            if (spec.isEmpty()) {
                errors.add(label + ": operation: '" + shown(step.operation()) + "' is not an operation of " + service
                        + " (operations: " + String.join(", ", operationNames(catalog, service)) + ")");
            } else {
                checkParameters(step, spec.get(), label, errors);
            }
        }
        if (step.timeoutSeconds() < ExecutionStep.MIN_TIMEOUT_SECONDS
                || step.timeoutSeconds() > ExecutionStep.MAX_TIMEOUT_SECONDS) {
            errors.add(label + ": timeout_seconds: must be between " + ExecutionStep.MIN_TIMEOUT_SECONDS + " and "
                    + ExecutionStep.MAX_TIMEOUT_SECONDS + ", was " + step.timeoutSeconds());
        }
        if (step.retryAttempts() < 0 || step.retryAttempts() > ExecutionStep.MAX_RETRY_ATTEMPTS) {
            errors.add(label + ": retry_attempts: must be between 0 and " + ExecutionStep.MAX_RETRY_ATTEMPTS + ", was "
                    + step.retryAttempts());
        }
    }

    private void checkParameters(ExecutionStep step, OperationSpec spec, String label, List<String> errors) {
        Set<String> referencePaths = new HashSet<>();
        StepReferences.in(step.parameters()).forEach(found -> referencePaths.add(found.path()));
        for (ParameterSchemaCache.Problem problem : schemas.check(spec.parameters(), step.parameters())) {
            // A reference is only known at run time: it passes for whatever type the schema asks there.
            if (!coveredByReference(problem.field(), referencePaths)) {
                errors.add(label + ": parameters" + (problem.field().isEmpty() ? "" : "." + problem.field()) + ": "
                        + problem.message());
            }
        }
        Object properties = spec.parameters().get("properties");
        // Names outside the schema are refused even where JSON Schema would allow them: they are how an LLM's
        // invented parameter shows, and an agent would ignore it silently.
        if (properties instanceof Map<?, ?> declared && !spec.parameters().containsKey("additionalProperties")) {
            for (String name : step.parameters().keySet()) {
                if (!declared.containsKey(name)) {
                    errors.add(label + ": parameters." + shown(name) + ": is not a parameter of "
                            + step.serviceName() + "." + step.operation() + " (parameters: "
                            + String.join(", ", names(declared)) + ")");
                }
            }
        }
    }

    private static boolean coveredByReference(String field, Set<String> referencePaths) {
        for (String path : referencePaths) {
            if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> checkDependencies(ExecutionStep step, String label, Map<String, ExecutionStep> byId,
                                                  List<String> errors) {
        List<String> known = new ArrayList<>(step.dependencies().size());
        for (String dependency : step.dependencies()) {
            if (blank(dependency)) {
                errors.add(label + ": dependencies: holds a blank step id");
            } else if (dependency.equals(step.stepId())) {
                errors.add(label + ": dependencies: a step cannot depend on itself");
            } else if (!ExecutionStep.validId(dependency)) {
                errors.add(label + ": dependencies: holds an invalid step id");
            } else if (!byId.containsKey(dependency)) {
                errors.add(label + ": dependencies: '" + dependency + "' is not a step of this plan");
            } else {
                known.add(dependency);
            }
        }
        return known;
    }

    private static void checkReferences(ExecutionStep step, Map<String, ExecutionStep> byId, PlanGraph dag,
                                        List<String> errors) {
        List<StepReferences.Found> references = StepReferences.in(step.parameters());
        if (references.isEmpty()) {
            return;
        }
        Set<String> before = dag.ancestors(step.stepId());
        for (StepReferences.Found found : references) {
            String where = "step " + step.stepId() + ": parameters." + shown(found.path()) + ": ";
            if (found.stepId() == null) {
                errors.add(where + "'" + shown(found.text())
                        + "' is not a valid reference (expected ${steps.<step_id>.result.<field>})");
            } else if (!byId.containsKey(found.stepId())) {
                errors.add(where + "references step '" + found.stepId() + "', which is not in the plan");
            } else if (!before.contains(found.stepId())) {
                errors.add(where + "references step '" + found.stepId()
                        + "', which is not among its dependencies (direct or transitive)");
            }
        }
    }

    private static List<String> operationNames(ServiceCatalog catalog, String service) {
        List<OperationSpec> operations = catalog.services().get(service).operations();
        return operations == null ? List.of() : operations.stream().map(OperationSpec::name).sorted().toList();
    }

    private static List<String> names(Map<?, ?> declared) {
        return declared.keySet().stream().map(String::valueOf).toList();
    }

    /** A caller's text as an error may echo it: bounded, without line breaks or other control characters. */
    static String shown(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN) + "…";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }
}

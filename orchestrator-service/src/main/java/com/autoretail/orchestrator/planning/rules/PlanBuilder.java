package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.PlanGraph;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Assembles a rule plan the way the planning prompt asks an LLM to: validations and reads first, in one parallel
 * group without dependencies and aborting on failure; then the state changes, each depending on its validations
 * and retried. Only operations the catalog lists are used: a validation whose service is down is left out, an
 * action whose operation is missing is an error.
 */
final class PlanBuilder {

    static final String VALIDATION_GROUP = "validation_group";
    static final String REPAIR_ORDERS = "repair_orders";
    static final String PARTS = "parts";
    static final String PAYMENT = "payment";
    static final String INVENTORY = "inventory";
    static final String SALES = "sales";

    // A wave of parallel calls, from the architecture document's example: two waves of steps, 45 seconds.
    private static final int SECONDS_PER_WAVE = 15;

    enum Kind { VALIDATION, READ, ACTION, DESTRUCTIVE }

    private record Call(String service, String operation, Map<String, Object> parameters) {
    }

    private record Draft(String id, String service, String operation, Map<String, Object> parameters,
                         List<String> checks, List<String> dependencies, Kind kind) {
    }

    private final ServiceCatalog catalog;
    private final StepDefaults defaults;
    private final List<Draft> early = new ArrayList<>();
    private final List<Draft> late = new ArrayList<>();
    private final Map<Call, String> readsByCall = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Set<String> stepSummaries = new LinkedHashSet<>();
    private final Set<String> extraSummaries = new LinkedHashSet<>();
    private final Map<String, List<String>> changesByRepairOrder = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private Transitions transitions;

    PlanBuilder(ServiceCatalog catalog, StepDefaults defaults) {
        this.catalog = catalog;
        this.defaults = defaults;
    }

    /** A validation step, shared by every action that needs it; null when its operation is not available. */
    String validation(String prefix, String service, String operation, Map<String, Object> parameters,
                      String check, String summary) {
        if (!catalog.has(service, operation)) {
            return null;
        }
        Call call = new Call(service, operation, parameters);
        String known = readsByCall.get(call);
        if (known != null) {
            stepSummaries.add(summary);
            return known;
        }
        String id = nextId(prefix);
        early.add(new Draft(id, service, operation, parameters, List.of(check), List.of(), Kind.VALIDATION));
        readsByCall.put(call, id);
        stepSummaries.add(summary);
        return id;
    }

    /** The step a change to the repair order waits for: its validation, or the step of this plan that creates it. */
    String repairOrderGate(String repairOrder) {
        Matcher created = StepReferences.REFERENCE.matcher(repairOrder);
        if (created.matches()) {
            return created.group(1);
        }
        return validation("validate_ro", REPAIR_ORDERS, "get_repair_order_details",
                parameters("repair_order_id", repairOrder), "check_repair_order_exists",
                "repair_order_" + repairOrder + "_existence_verified");
    }

    /** The step that makes sure a part exists: its details, else its availability; null when parts is down. */
    String partGate(String partNumber) {
        Map<String, Object> part = parameters("part_number", partNumber);
        String summary = "part_" + partNumber + "_availability_confirmed";
        String asked = readsByCall.get(new Call(PARTS, "check_part_availability", part));
        if (asked != null) {
            stepSummaries.add(summary);
            return asked;
        }
        String details = validation("validate_part", PARTS, "get_part_details", part, "check_part_exists", summary);
        return details != null ? details
                : validation("validate_part", PARTS, "check_part_availability", part, "check_part_exists", summary);
    }

    /** A read the user asked for (a validation of the same call serves as well); null when it is not available. */
    String read(Intent intent, String prefix, String service, String operation, Map<String, Object> parameters) {
        if (!available(intent, service, operation)) {
            return null;
        }
        Call call = new Call(service, operation, parameters);
        return readsByCall.computeIfAbsent(call, key -> {
            String id = nextId(prefix);
            early.add(new Draft(id, service, operation, parameters, List.of(), List.of(), Kind.READ));
            return id;
        });
    }

    /** A state change after the given steps (null entries, validations left out, are ignored). */
    String action(Intent intent, String prefix, String service, String operation, Map<String, Object> parameters,
                  List<String> dependencies, Kind kind) {
        if (!available(intent, service, operation)) {
            return null;
        }
        // Two clauses that ask for the same change ("parts arrived, start work") make one step: the second would
        // fail or act twice.
        for (Draft planned : late) {
            if (planned.service.equals(service) && planned.operation.equals(operation)
                    && planned.parameters.equals(parameters)) {
                return planned.id;
            }
        }
        String id = nextId(prefix);
        List<String> after = dependencies.stream().filter(Objects::nonNull).distinct().toList();
        late.add(new Draft(id, service, operation, parameters, List.of(), after, kind));
        return id;
    }

    /** Whether the catalog has the operation; records an error naming the intent when it has not. */
    boolean available(Intent intent, String service, String operation) {
        if (catalog.has(service, operation)) {
            return true;
        }
        errors.add(intent.label + ": " + service + "." + operation + " is not available (the " + service
                + " service is down or does not offer it)");
        return false;
    }

    /** The repair-orders agent's transition matrix, read from the catalog when a clause first needs it. */
    Transitions transitions() {
        if (transitions == null) {
            transitions = Transitions.of(catalog);
        }
        return transitions;
    }

    void missing(Intent intent, String what) {
        errors.add(intent.label + ": needs " + what);
    }

    /** What the request leaves unclear beside any one action ("no wait, $60"). */
    void unclear(String what) {
        errors.add(what);
    }

    void summary(String validation) {
        extraSummaries.add(validation);
    }

    void recordChange(String repairOrder, String stepId) {
        if (stepId != null) {
            changesByRepairOrder.computeIfAbsent(repairOrder, key -> new ArrayList<>()).add(stepId);
        }
    }

    /** The steps already planned that change the repair order (parts reserved for it), to run before its status. */
    List<String> changesOf(String repairOrder) {
        return changesByRepairOrder.getOrDefault(repairOrder, List.of());
    }

    List<String> errors() {
        return errors;
    }

    boolean isEmpty() {
        return early.isEmpty() && late.isEmpty();
    }

    WorkflowPlan build(String planId) {
        List<ExecutionStep> steps = new ArrayList<>(early.size() + late.size());
        Map<String, String> serviceOf = new HashMap<>();
        Map<String, List<String>> graph = new LinkedHashMap<>();
        Map<String, Set<String>> serviceDependencies = new LinkedHashMap<>();
        boolean changes = false;
        boolean destructive = false;
        for (Draft draft : concat(early, late)) {
            boolean first = draft.kind == Kind.VALIDATION || draft.kind == Kind.READ;
            steps.add(new ExecutionStep(draft.id, steps.size() + 1, draft.service, draft.operation, draft.parameters,
                    draft.checks, draft.dependencies, first ? VALIDATION_GROUP : null,
                    first ? FailureHandling.ABORT : FailureHandling.RETRY,
                    defaults.timeoutSeconds(), defaults.retryAttempts()));
            serviceOf.put(draft.id, draft.service);
            graph.put(draft.id, draft.dependencies);
            Set<String> upstream = serviceDependencies.computeIfAbsent(draft.service, key -> new LinkedHashSet<>());
            draft.dependencies.stream().map(serviceOf::get).filter(s -> s != null && !s.equals(draft.service))
                    .forEach(upstream::add);
            changes |= !first;
            destructive |= draft.kind == Kind.DESTRUCTIVE;
        }
        List<String> summary = new ArrayList<>(stepSummaries);
        summary.addAll(extraSummaries);
        Map<String, List<String>> dependsOn = new LinkedHashMap<>();
        serviceDependencies.forEach((service, upstream) -> dependsOn.put(service, List.copyOf(upstream)));
        String risk = destructive ? "high" : changes ? "medium" : "low";
        int duration = SECONDS_PER_WAVE * (new PlanGraph(graph).depth() + 1);
        return new WorkflowPlan(planId, risk, duration, List.copyOf(steps), List.copyOf(summary), dependsOn);
    }

    /** Parameters in the order given, without the null ones: optional parameters the request did not fill. */
    static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    private String nextId(String prefix) {
        return prefix + "_" + counters.merge(prefix, 1, Integer::sum);
    }

    private static List<Draft> concat(List<Draft> first, List<Draft> second) {
        List<Draft> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

package com.autoretail.orchestrator.planning.corpus;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Scores a plan against a {@link CorpusCase}. The label lists what the request asks for, not how a planner guards
 * it, so a plan may carry read-only steps that one of its side effects depends on (the rule planner's
 * {@code get_repair_order_details} before a reservation, {@code check_payment_status} before a refund): such a
 * guard is neither needed nor a mistake, and it may stand for an asked read of the same operation. Every other step
 * must be asked for. Values compare so: a number by value; a free-text parameter ({@link #TEXT}) when the planned
 * text contains the labelled words (case, punctuation and spacing aside); a string starting {@value #STEP_PREFIX}
 * when the planned value references a step of that operation; a vehicle's make and model ({@link #CASELESS}) without
 * regard to case; a list as a multiset; an object key by key; anything else (ids, statuses, emails, currencies)
 * exactly, as written in the request.
 */
public final class CorpusScorer {

    /** A labelled value {@code "$step:repair_orders.create_repair_order"}: a reference to that step's result. */
    public static final String STEP_PREFIX = "$step:";

    /** Free-text parameters, compared by the words they contain. */
    public static final Set<String> TEXT = Set.of("note", "service_description", "message", "part_name");

    /** Names, not ids: "nissan altima" is the same car as "Nissan Altima". */
    public static final Set<String> CASELESS = Set.of("vehicle_make", "vehicle_model");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PlanningService planning;

    private final ServiceCatalog catalog;

    public CorpusScorer(PlanningService planning, ServiceCatalog catalog) {
        this.planning = planning;
        this.catalog = catalog;
    }

    /** Plans the case's request and scores the plan, or the refusal. */
    public CaseScore score(CorpusCase label) {
        List<ExecutionStep> steps;
        try {
            steps = planning.plan(label.request(), catalog).plan().executionSteps();
        } catch (NoValidPlanException refused) {
            String why = refused.errors().isEmpty() ? refused.getMessage() : refused.errors().get(0);
            Map<String, CaseScore.Counts> counts = perOperation(label, List.of());
            return new CaseScore(label, label.noPlan(), true, counts, List.of(), List.of(), "refused: " + why,
                    label.noPlan() ? "" : "refused a request that asks for " + ops(label));
        }
        Map<String, CaseScore.Counts> counts = perOperation(label, steps);
        List<String> unasked = new ArrayList<>();
        counts.forEach((op, count) -> {
            if (sideEffects(op)) {
                for (int i = 0; i < count.falsePositives(); i++) {
                    unasked.add(op);
                }
            }
        });
        Map<String, String> opOfStep = new LinkedHashMap<>();
        steps.forEach(step -> opOfStep.put(step.stepId(), op(step)));
        List<String> strayed = steps.stream().filter(step -> sideEffects(op(step)))
                .filter(step -> label.expect().stream()
                        .noneMatch(e -> e.op().equals(op(step)) && carries(step, e, opOfStep)))
                .map(step -> op(step) + step.parameters()).toList();
        String planned = "planned " + steps.stream().map(s -> s.serviceName() + "." + s.operation() + s.parameters())
                .toList();
        String reason = label.noPlan() ? "planned a request that should get no plan" : mismatch(label, steps, opOfStep);
        return new CaseScore(label, reason.isEmpty(), false, counts, List.copyOf(unasked), strayed, planned, reason);
    }

    /** Empty when every asked operation is planned with its key values and every other step is a guard. */
    private String mismatch(CorpusCase label, List<ExecutionStep> steps, Map<String, String> opOfStep) {
        boolean[] used = new boolean[steps.size()];
        if (!assign(label.expect(), 0, steps, used, opOfStep)) {
            return "no plan step matches every asked operation with its key values " + label.expect();
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!used[i] && !isGuard(steps.get(i), steps)) {
                return "unasked step " + op(steps.get(i)) + steps.get(i).parameters();
            }
        }
        return "";
    }

    /** Backtracks over the steps that could stand for each expectation (plans are small). */
    private boolean assign(List<CorpusCase.Expected> expect, int index, List<ExecutionStep> steps, boolean[] used,
                           Map<String, String> opOfStep) {
        if (index == expect.size()) {
            return true;
        }
        CorpusCase.Expected wanted = expect.get(index);
        for (int i = 0; i < steps.size(); i++) {
            if (!used[i] && op(steps.get(i)).equals(wanted.op()) && carries(steps.get(i), wanted, opOfStep)) {
                used[i] = true;
                if (assign(expect, index + 1, steps, used, opOfStep)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }

    private boolean carries(ExecutionStep step, CorpusCase.Expected wanted, Map<String, String> opOfStep) {
        Map<String, Object> parameters = step.parameters() == null ? Map.of() : step.parameters();
        for (Map.Entry<String, JsonNode> key : wanted.params().entrySet()) {
            if (!parameters.containsKey(key.getKey())
                    || !same(key.getKey(), key.getValue(), MAPPER.valueToTree(parameters.get(key.getKey())),
                    opOfStep)) {
                return false;
            }
        }
        return true;
    }

    static boolean same(String name, JsonNode expected, JsonNode actual, Map<String, String> opOfStep) {
        if (expected.isTextual() && expected.asText().startsWith(STEP_PREFIX)) {
            Matcher reference = StepReferences.REFERENCE.matcher(actual.asText(""));
            return actual.isTextual() && reference.matches()
                    && expected.asText().substring(STEP_PREFIX.length()).equals(opOfStep.get(reference.group(1)));
        }
        if (expected.isTextual() && TEXT.contains(name)) {
            return actual.isTextual() && words(actual.asText()).contains(words(expected.asText()));
        }
        if (expected.isTextual() && CASELESS.contains(name)) {
            return actual.isTextual() && actual.asText().equalsIgnoreCase(expected.asText());
        }
        if (expected.isNumber()) {
            return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isArray()) {
            return actual.isArray() && actual.size() == expected.size()
                    && sameElements(name, expected, actual, opOfStep);
        }
        if (expected.isObject()) {
            if (!actual.isObject() || actual.size() != expected.size()) {
                return false;
            }
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!actual.has(field) || !same(name, expected.get(field), actual.get(field), opOfStep)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean sameElements(String name, JsonNode expected, JsonNode actual, Map<String, String> opOfStep) {
        boolean[] taken = new boolean[actual.size()];
        for (JsonNode wanted : expected) {
            boolean found = false;
            for (int i = 0; i < actual.size() && !found; i++) {
                if (!taken[i] && same(name, wanted, actual.get(i), opOfStep)) {
                    taken[i] = true;
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Operation-level counts: a planned step counts unless it is a guard, and guards count only as far as they
     * stand for asked reads of their operation.
     */
    private Map<String, CaseScore.Counts> perOperation(CorpusCase label, List<ExecutionStep> steps) {
        Map<String, Integer> asked = new TreeMap<>();
        label.expect().forEach(e -> asked.merge(e.op(), 1, Integer::sum));
        Map<String, Integer> plain = new TreeMap<>();
        Map<String, Integer> guards = new TreeMap<>();
        for (ExecutionStep step : steps) {
            (isGuard(step, steps) ? guards : plain).merge(op(step), 1, Integer::sum);
        }
        Set<String> all = new TreeSet<>(asked.keySet());
        all.addAll(plain.keySet());
        all.addAll(guards.keySet());
        Map<String, CaseScore.Counts> counts = new TreeMap<>();
        for (String op : all) {
            int wanted = asked.getOrDefault(op, 0);
            int direct = plain.getOrDefault(op, 0);
            int planned = direct + Math.min(guards.getOrDefault(op, 0), Math.max(0, wanted - direct));
            int hits = Math.min(wanted, planned);
            if (wanted > 0 || planned > 0) {
                counts.put(op, new CaseScore.Counts(hits, planned - hits, wanted - hits));
            }
        }
        return counts;
    }

    /** A read-only step that a side-effecting step of the plan depends on: the plan checks before it acts. */
    private boolean isGuard(ExecutionStep step, List<ExecutionStep> steps) {
        if (sideEffects(op(step))) {
            return false;
        }
        return steps.stream().anyMatch(other -> sideEffects(op(other)) && other.dependencies() != null
                && other.dependencies().contains(step.stepId()));
    }

    /** Whether the operation changes something, per the agents' capabilities. */
    public boolean sideEffects(String op) {
        int dot = op.indexOf('.');
        return dot > 0 && catalog.operation(op.substring(0, dot), op.substring(dot + 1))
                .map(spec -> spec.sideEffects()).orElse(false);
    }

    private static String op(ExecutionStep step) {
        return step.serviceName() + "." + step.operation();
    }

    private static List<String> ops(CorpusCase label) {
        return label.expect().stream().map(CorpusCase.Expected::op).toList();
    }

    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
    }
}

package com.autoretail.orchestrator.validation;

import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a plan that someone other than the user wrote (an LLM) keeps to what the user asked, for every step that
 * changes state (an operation whose capabilities declare side effects). Such a step is refused when
 * <ul>
 *   <li>an id (a parameter named {@code *_id}, {@code *_ids}, {@code *_number(s)}, {@code *_key}, {@code sku},
 *   {@code location}, the keys of a {@code *_map}), an amount ({@code amount}, {@code *_amount}, {@code price}), an
 *   email or a phone number (named so, a {@code recipient}, or written inside free text such as a note) appears
 *   neither in the request nor in its context, compared in the normalised forms of {@link Evidence}, and is not a
 *   {@code ${steps.<id>.result...}} reference to an earlier step's result;</li>
 *   <li>it moves money back or cannot be undone ({@link #ASKED_FOR}) and the request uses none of the words that ask
 *   for it: an injected refund is refused even when its payment id comes from an earlier step;</li>
 *   <li>its {@code failure_handling} is {@code skip}: a side effect that fails and is skipped leaves the workflow
 *   half done without undoing the rest, so the plan must {@code retry} or {@code abort} it.</li>
 * </ul>
 * Unknown services and operations are the validator's to report; this check passes over them. Statuses and
 * quantities are not checked: a planner infers them from the request's words ("car is ready").
 */
public final class GroundingCheck {

    /**
     * The operations that take money back or finish what cannot be undone, and the words that ask for each. Other
     * side effects are covered by their ids and amounts, or are undone by their compensation when a workflow aborts.
     */
    static final Map<String, Pattern> ASKED_FOR = Map.of(
            "process_refund", words("refund|reimburs|money back|charge ?back|pay (?:it |them |him |her )?back"),
            "cancel_payment_link", words("cancel|void|revoke|withdraw|deactivate|invalidate"),
            "release_reservation", words("release|unreserve|un-reserve|cancel|free up|give back|put back"),
            "release_hold", words("release|cancel|free up|let go|drop|remove|give back|put back"),
            "commit_hold", words("commit|finali[sz]e|confirm|complete|check ?out|buy|purchase|order|sell|sale"));

    /** Values of id parameters that are vocabulary, not ids: the inventory's online location. */
    private static final Set<String> NOT_IDS = Set.of("online");

    private enum Kind { ID, AMOUNT, EMAIL, PHONE, CONTACT, TEXT }

    /**
     * Every grounding problem of the plan's state-changing steps, each naming the step and the parameter; empty when
     * the plan keeps to the request.
     *
     * @param context the request's context, whose values count as given like the request's words
     */
    public List<String> problems(WorkflowPlan plan, String request, Map<String, ?> context, ServiceCatalog catalog) {
        Evidence evidence = Evidence.of(request, context == null ? Map.of() : context);
        List<String> problems = new ArrayList<>();
        for (ExecutionStep step : plan.executionSteps()) {
            if (step == null || step.serviceName() == null || step.operation() == null) {
                continue;
            }
            Optional<OperationSpec> spec = catalog.operation(step.serviceName(), step.operation());
            if (spec.isEmpty() || !spec.get().sideEffects()) {
                continue;
            }
            String label = ExecutionStep.validId(step.stepId()) ? "step " + step.stepId() : "a step";
            if (step.failureHandling() == FailureHandling.SKIP) {
                problems.add(label + ": failure_handling: 'skip' is not allowed on " + step.operation()
                        + ", which changes state: a failed side effect must retry or abort the workflow");
            }
            Pattern asks = ASKED_FOR.get(step.operation());
            if (asks != null && !asks.matcher(evidence.text()).find()) {
                problems.add(label + ": operation: the request does not ask for " + step.operation());
            }
            step.parameters().forEach((name, value) -> walk(label, name, name, value, evidence, problems));
        }
        return problems;
    }

    private static void walk(String label, String path, String name, Object value, Evidence evidence,
                             List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String child = path + "." + key;
                if (name.endsWith("_map")) {
                    // quantity_map: {"BRK-2201": 2}, keyed by part number
                    check(label, child, Kind.ID, String.valueOf(key), evidence, problems);
                }
                walk(label, child, String.valueOf(key), item, evidence, problems);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(label, path + "[" + i + "]", name, list.get(i), evidence, problems);
            }
        } else if (value instanceof String text) {
            // what an earlier step's result gives is grounded by that step; the rest of the text is checked
            String written = StepReferences.REFERENCE.matcher(text).replaceAll(" ").strip();
            if (!written.isEmpty()) {
                check(label, path, kind(name), written, evidence, problems);
            }
        } else if (value instanceof Number number) {
            Kind kind = kind(name);
            if (kind == Kind.ID || kind == Kind.AMOUNT) {
                check(label, path, kind, number.toString(), evidence, problems);
            }
        }
    }

    private static void check(String label, String path, Kind kind, String value, Evidence evidence,
                              List<String> problems) {
        String missing = switch (kind) {
            case ID -> NOT_IDS.contains(value.toLowerCase(Locale.ROOT)) || evidence.hasId(value) ? null : value;
            case AMOUNT -> {
                BigDecimal amount = Evidence.amount(value);
                yield amount != null && evidence.hasAmount(amount) ? null : value;
            }
            case EMAIL -> evidence.hasEmail(value) ? null : value;
            case PHONE -> evidence.hasPhone(value) ? null : value;
            case CONTACT -> value.contains("@") ? (evidence.hasEmail(value) ? null : value)
                    : Evidence.digits(value).length() >= Evidence.MIN_PHONE_DIGITS
                    ? (evidence.hasPhone(value) ? null : value)
                    : (evidence.hasId(value) ? null : value);
            case TEXT -> ungroundedContact(value, evidence);
        };
        if (missing != null) {
            problems.add(label + ": parameters." + PlanValidator.shown(path) + ": '" + PlanValidator.shown(missing) + "' is not in the request"
                    + " (a step that changes state may only use the ids, amounts, emails and phone numbers the request"
                    + " gives, or ${steps.<step_id>.result.<field>} of a step it depends on)");
        }
    }

    /** The first email or phone number written in free text that the request does not give, or null. */
    private static String ungroundedContact(String text, Evidence evidence) {
        Matcher email = Evidence.EMAIL.matcher(text);
        while (email.find()) {
            if (!evidence.hasEmail(email.group())) {
                return email.group();
            }
        }
        return Evidence.phonesIn(text).stream().filter(phone -> !evidence.hasPhone(phone)).findFirst().orElse(null);
    }

    private static Kind kind(String parameter) {
        String name = parameter.toLowerCase(Locale.ROOT);
        if (name.contains("email")) {
            return Kind.EMAIL;
        }
        if (name.contains("phone")) {
            return Kind.PHONE;
        }
        if (name.equals("recipient")) {
            return Kind.CONTACT;
        }
        if (name.equals("amount") || name.endsWith("_amount") || name.equals("price")) {
            return Kind.AMOUNT;
        }
        if (name.endsWith("_id") || name.endsWith("_ids") || name.endsWith("_number") || name.endsWith("_numbers")
                || name.endsWith("_key") || name.equals("sku") || name.equals("skus") || name.equals("location")) {
            return Kind.ID;
        }
        return Kind.TEXT;
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")");
    }
}

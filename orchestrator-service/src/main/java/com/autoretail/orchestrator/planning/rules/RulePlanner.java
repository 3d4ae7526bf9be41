package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.plan.PlanIds;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.rules.entities.EntityExtractor;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in planner, used when no LLM is configured and when the LLM fails: reads the request's entities and
 * intents, clause by clause, and emits the kind of plan the planning prompt asks an LLM for (validations first and
 * in parallel, state changes after their validations). A request it cannot fully understand is refused with what it
 * understood and what it needs, never planned in part.
 */
public final class RulePlanner {

    private static final RequestEntities NOTHING = new RequestEntities(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null,
            null);

    // Below this a proposed intent is a guess, and the planner does not act on guesses; the rules are certain, so this
    // matters for the matcher by meaning (Meaning), asked when the rules find nothing in a clause.
    private static final double MIN_CONFIDENCE = 0.5;

    private static final String EXAMPLES = "e.g. 'Add part 1234 to RO 1234', 'Send a payment link of $100 to "
            + "name@example.com for RO 1234', 'Mark RO 1001 as in progress', 'Assign TECH001 to RO 1001', "
            + "'Refund $50 of payment PAY-1009A1', 'Check stock of SKU000001'";

    private final EntityExtractor extractor = new EntityExtractor();

    private final List<IntentMatcher> matchers = List.of(IntentRules.MATCHER);

    private final StepDefaults defaults;

    private final Clock clock;

    private final Meaning meaning;

    /** @param defaults the timeout and retries of the steps it plans */
    public RulePlanner(StepDefaults defaults, Clock clock) {
        this(defaults, clock, Meaning.NONE);
    }

    /** @param meaning asked what a clause means when the rules find nothing in it */
    public RulePlanner(StepDefaults defaults, Clock clock, Meaning meaning) {
        this.defaults = defaults;
        this.clock = clock;
        this.meaning = meaning;
    }

    /** The plan for the request, using only the catalog's operations; throws {@link NoValidPlanException} otherwise. */
    public WorkflowPlan plan(String request, ServiceCatalog catalog) {
        Pieces pieces = new Pieces(extractor);
        List<String> clauses = pieces.of(request);
        // Clauses are cut only before a verb, never inside an entity or a list, so the request's entities are
        // those of its clauses together.
        List<RequestEntities> found = clauses.stream().map(pieces::entities).toList();
        RequestEntities whole = RequestEntities.union(found);
        PlanBuilder plan = new PlanBuilder(catalog, defaults);
        RequestEntities context = NOTHING;
        List<Intent> intents = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<IntentMatcher> byMeaning = List.of(ByMeaning.of(meaning, catalog));
        boolean conditional = false;
        for (int i = 0; i < clauses.size(); i++) {
            RequestEntities own = found.get(i);
            context = context.overlay(own);
            ClauseView view = ClauseView.of(clauses.get(i), own, context, whole);
            Intent intent = IntentMatcher.best(matchers, view, MIN_CONFIDENCE);
            if (intent == null) {
                intent = IntentMatcher.best(byMeaning, view, MIN_CONFIDENCE);
                // "don't close RO 1005 yet" is close in meaning to closing it, and asks the opposite
                if (intent != null && intent.changes && view.declines()) {
                    intent = null;
                }
            }
            if (Asking.corrects(view)) {
                plan.unclear("'" + clauses.get(i) + "' corrects what came before it: say the request again as it"
                        + " should be done");
                continue;
            }
            if (intent != null && intent.changes && Asking.offersAChoice(view)) {
                intents.add(intent);
                plan.missing(intent, "one value where '" + clauses.get(i) + "' offers a choice");
                continue;
            }
            boolean hypothetical = conditional || Asking.hypothetical(view);
            conditional = Asking.conditional(view);
            if (intent != null && intent.changes && hypothetical) {
                intents.add(intent);
                plan.missing(intent, "a request to do it: '" + clauses.get(i) + "' only asks whether to, or makes it"
                        + " hang on what has not happened yet");
                continue;
            }
            // "wipe its history" names the history but asks what no operation does: a read is no answer to it.
            String unsupported = intent == null || !intent.changes ? IntentRules.unsupported(view) : null;
            if (unsupported != null) {
                refused.add("'" + clauses.get(i) + "': the fleet has no operation to " + unsupported);
            }
            if (intent != null) {
                intents.add(intent);
                String created = apply(intent, view, plan);
                if (created != null) {
                    context = context.withRepairOrders(List.of(created));
                }
            }
        }
        Map<String, Object> understood = whole.understood();
        if (!refused.isEmpty()) {
            // Planning the rest would do part of what was asked and leave the advisor thinking it was all done.
            throw new NoValidPlanException("The request asks for something the fleet cannot do, so nothing of it is "
                    + "planned: " + String.join("; ", refused) + ". " + offer(catalog), refused, understood,
                    FleetOffer.of(catalog));
        }
        if (intents.isEmpty()) {
            throw new NoValidPlanException("The rule planner found no action it knows in the request. It understood: "
                    + describe(understood) + ". It needs an action such as: " + EXAMPLES + ". " + offer(catalog),
                    List.of("no known action in the request (" + EXAMPLES + ")"), understood, FleetOffer.of(catalog));
        }
        if (!plan.errors().isEmpty() || plan.isEmpty()) {
            List<String> errors = plan.errors().isEmpty()
                    ? List.of("nothing to do for: " + intents.stream().map(i -> i.label).collect(Collectors.joining(", ")))
                    : plan.errors();
            throw new NoValidPlanException("The rule planner cannot plan the request: " + String.join("; ", errors)
                    + ". It understood: " + describe(understood), errors, understood);
        }
        return plan.build(PlanIds.next(clock));
    }

    /** Adds the intent's steps; returns the reference to a repair order the step creates, if it does. */
    private static String apply(Intent intent, ClauseView clause, PlanBuilder plan) {
        switch (intent) {
            case CREATE_REPAIR_ORDER -> {
                return WorkshopSteps.createRepairOrder(clause, plan);
            }
            case ADD_PART -> WorkshopSteps.addParts(clause, plan);
            case ASSIGN_TECHNICIAN -> WorkshopSteps.assignTechnician(clause, plan);
            case ADD_NOTE -> WorkshopSteps.addNote(clause, plan);
            case STATUS_CHANGE -> WorkshopSteps.changeStatus(clause, plan);
            case REPAIR_ORDER_DETAILS -> WorkshopSteps.showRepairOrder(clause, plan, false);
            case REPAIR_HISTORY -> WorkshopSteps.showRepairOrder(clause, plan, true);
            case PART_DETAILS, PART_AVAILABILITY -> WorkshopSteps.showParts(clause, plan, intent);
            case COMPATIBILITY -> WorkshopSteps.checkCompatibility(clause, plan);
            case ALTERNATIVE_PARTS -> WorkshopSteps.findAlternatives(clause, plan);
            case PART_SEARCH -> WorkshopSteps.searchParts(clause, plan);
            case RELEASE_RESERVATION -> CommerceSteps.releaseReservation(clause, plan);
            case RELEASE_HOLD, COMMIT_HOLD -> CommerceSteps.settleHold(clause, plan, intent);
            case PAYMENT_LINK -> CommerceSteps.sendPaymentLink(clause, plan);
            case PAYMENT_STATUS -> CommerceSteps.checkPaymentStatus(clause, plan);
            case REFUND -> CommerceSteps.refund(clause, plan);
            case CANCEL_PAYMENT_LINK -> CommerceSteps.cancelPaymentLink(clause, plan);
            case PAYMENT_NOTIFICATION -> CommerceSteps.notifyPayment(clause, plan);
            case PAYMENT_METHODS -> CommerceSteps.listPaymentMethods(clause, plan);
            case INVENTORY_STOCK -> CommerceSteps.checkStock(clause, plan);
            case INVENTORY_HOLD -> CommerceSteps.holdStock(clause, plan);
            case SALES_MESSAGE -> CommerceSteps.messageSales(clause, plan);
            case VALIDATE_PAYMENT -> CommerceSteps.validatePaymentData(clause, plan);
            case VALIDATE_PART -> WorkshopSteps.validatePartNumber(clause, plan);
            case VALIDATE_TRANSITION -> WorkshopSteps.validateTransition(clause, plan);
        }
        return null;
    }

    private static String offer(ServiceCatalog catalog) {
        List<String> offer = FleetOffer.of(catalog);
        return offer.isEmpty() ? "No agent is available now." : "The fleet can: " + String.join("; ", offer) + ".";
    }

    private static String describe(Map<String, Object> understood) {
        if (understood.isEmpty()) {
            return "no repair order, part, amount, email or other id";
        }
        return understood.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}

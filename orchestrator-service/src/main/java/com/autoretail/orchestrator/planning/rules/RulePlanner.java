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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    // Intents whose free text runs to the end of what the advisor wrote: a piece after them that asks nothing is theirs
    // ("new RO for CUST012 / VEH014, check engine light on"), and they are not cut by what their text says.
    private static final Set<Intent> FREE_TEXT = EnumSet.of(Intent.ADD_NOTE, Intent.CREATE_REPAIR_ORDER,
            Intent.SALES_MESSAGE);

    // Cutting and joining pieces reads each side again: only for clauses of the length an advisor types, so that a
    // long request stays one linear read.
    private static final int MAX_PIECE = 300;

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
        Map<String, RequestEntities> read = new HashMap<>();
        List<String> clauses = clauses(request, read);
        // Clauses are cut only before a verb, never inside an entity or a list, so the request's entities are
        // those of its clauses together.
        List<RequestEntities> found = clauses.stream().map(clause -> entities(clause, read)).toList();
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
            boolean hypothetical = conditional || IntentRules.hypothetical(view);
            conditional = IntentRules.conditional(view);
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

    /**
     * The request's clauses, one request each: cut before verbs ({@link Clauses}), then also where both sides ask for
     * something the rules know ("history for RO 1009 and payment status of PAY-1009A1"); a piece that asks nothing
     * is the text of the free-text request before it, or else the start of the request after it ("CUST006 dropped
     * off VEH008 for a transmission flush, make an RO").
     */
    private List<String> clauses(String request, Map<String, RequestEntities> read) {
        RequestEntities whole = entities(request, read);
        List<String> pieces = new ArrayList<>();
        for (String clause : Clauses.split(request)) {
            pieces.addAll(cutByIntents(clause, whole, read));
        }
        List<String> clauses = new ArrayList<>();
        Intent last = null;
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            ClauseView view = view(piece, whole, read);
            Intent intent = IntentRules.detect(view);
            if (intent == null && IntentRules.unsupported(view) == null) {
                if (last != null && FREE_TEXT.contains(last)) {
                    clauses.set(clauses.size() - 1, span(request, clauses.get(clauses.size() - 1), piece));
                    continue;
                }
                if (i + 1 < pieces.size() && piece.length() + pieces.get(i + 1).length() < MAX_PIECE) {
                    String joined = span(request, piece, pieces.get(i + 1));
                    if (IntentRules.detect(view(joined, whole, read)) != null) {
                        pieces.set(i + 1, joined);
                        continue;
                    }
                }
            }
            clauses.add(piece);
            last = intent;
        }
        return clauses;
    }

    /**
     * The clause cut where both sides ask for something different, the last such place first ("new RO for CUST003 on
     * VEH005, front suspension noise. add part SUS4410 to it"). Never cut: a question into a change, a change out of
     * a statement ("..., work was never done"), money out of a reason ("..., duplicate charge"), nor one request
     * into two of the same kind ("add 1 x SUS4401 and 2 x SUS4420 to RO 1004", "QC found a leak, send it back").
     */
    private List<String> cutByIntents(String clause, RequestEntities whole, Map<String, RequestEntities> read) {
        if (clause.length() > MAX_PIECE) {
            return List.of(clause);
        }
        ClauseView all = view(clause, whole, read);
        Intent intent = IntentRules.detect(all);
        if (intent == Intent.ADD_NOTE || intent == Intent.SALES_MESSAGE) {
            return List.of(clause);
        }
        boolean question = IntentRules.asks(all);
        List<String> pieces = new ArrayList<>();
        String rest = clause;
        boolean cut = true;
        while (cut) {
            cut = false;
            List<int[]> cuts = Clauses.cuts(rest);
            for (int c = cuts.size() - 1; c >= 0; c--) {
                int[] at = cuts.get(c);
                String left = rest.substring(0, at[0]).strip();
                String right = rest.substring(at[1]).strip();
                if (left.isEmpty() || right.isEmpty()) {
                    continue;
                }
                ClauseView second = view(right, whole, read);
                Intent after = IntentRules.detect(second);
                if (after == null) {
                    continue;
                }
                ClauseView first = view(left, whole, read);
                Intent before = IntentRules.detect(first);
                if (before != null && before != after && !IntentRules.bareReference(first)
                        && !IntentRules.bareReference(second)
                        && !(after.changes && (question || IntentRules.negated(second)))
                        && !(after == Intent.STATUS_CHANGE && !second.status().clear())
                        && !((after == Intent.PAYMENT_LINK || after == Intent.REFUND) && second.own().amounts().isEmpty())) {
                    pieces.add(0, right);
                    rest = left;
                    cut = true;
                    break;
                }
            }
        }
        pieces.add(0, rest);
        return pieces;
    }

    private ClauseView view(String text, RequestEntities whole, Map<String, RequestEntities> read) {
        return ClauseView.of(text, entities(text, read), whole, whole);
    }

    private RequestEntities entities(String text, Map<String, RequestEntities> read) {
        return read.computeIfAbsent(text, extractor::extract);
    }

    /** The request's text from the first piece to the end of the second, as written. */
    private static String span(String request, String first, String second) {
        int start = request.indexOf(first);
        int end = start < 0 ? -1 : request.indexOf(second, start + 1);
        return start < 0 || end < 0 ? first + ", " + second : request.substring(start, end + second.length()).strip();
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

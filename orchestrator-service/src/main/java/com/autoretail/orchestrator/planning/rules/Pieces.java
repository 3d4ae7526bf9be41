package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.planning.rules.entities.EntityExtractor;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request in the pieces the planner plans one by one, each asking for one thing, and the entities of each piece,
 * read once. For one request: it remembers what it read.
 */
final class Pieces {

    // Intents whose free text runs to the end of what the advisor wrote: a piece after them that asks nothing is theirs
    // ("new RO for CUST012 / VEH014, check engine light on"), and they are not cut by what their text says.
    private static final Set<Intent> FREE_TEXT = EnumSet.of(Intent.ADD_NOTE, Intent.CREATE_REPAIR_ORDER,
            Intent.SALES_MESSAGE);

    // Cutting and joining pieces reads each side again: only for clauses of the length an advisor types, so that a
    // long request stays one linear read.
    private static final int MAX_PIECE = 300;

    private final EntityExtractor extractor;

    private final Map<String, RequestEntities> read = new HashMap<>();

    Pieces(EntityExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * The request's clauses, one request each: cut before verbs ({@link Clauses}), then also where both sides ask for
     * something the rules know ("history for RO 1009 and payment status of PAY-1009A1"); a piece that asks nothing
     * is the text of the free-text request before it, or else the start of the request after it ("CUST006 dropped
     * off VEH008 for a transmission flush, make an RO").
     */
    List<String> of(String request) {
        RequestEntities whole = entities(request);
        List<String> pieces = new ArrayList<>();
        for (String clause : Clauses.split(request)) {
            pieces.addAll(cutByIntents(clause, whole));
        }
        List<String> clauses = new ArrayList<>();
        Intent last = null;
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            ClauseView view = view(piece, whole);
            Intent intent = IntentRules.detect(view);
            if (intent == null && IntentRules.unsupported(view) == null) {
                if (last != null && FREE_TEXT.contains(last)) {
                    clauses.set(clauses.size() - 1, span(request, clauses.get(clauses.size() - 1), piece));
                    continue;
                }
                if (i + 1 < pieces.size() && piece.length() + pieces.get(i + 1).length() < MAX_PIECE) {
                    String joined = span(request, piece, pieces.get(i + 1));
                    Intent together = IntentRules.detect(view(joined, whole));
                    // a question after the piece stays one: "any news on RO 1016, is it ready" changes nothing
                    boolean asked = Asking.asks(view(pieces.get(i + 1), whole)) || Asking.asks(view);
                    if (together != null && !(together.changes && asked)) {
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
    private List<String> cutByIntents(String clause, RequestEntities whole) {
        if (clause.length() > MAX_PIECE) {
            return List.of(clause);
        }
        ClauseView all = view(clause, whole);
        Intent intent = IntentRules.detect(all);
        if (intent == Intent.ADD_NOTE || intent == Intent.SALES_MESSAGE) {
            return List.of(clause);
        }
        boolean question = Asking.asks(all);
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
                ClauseView second = view(right, whole);
                Intent after = IntentRules.detect(second);
                if (after == null) {
                    continue;
                }
                ClauseView first = view(left, whole);
                Intent before = IntentRules.detect(first);
                // a new repair order's description runs on until a verb starts the next request: "...: noise when
                // braking, customer wants it ready by Friday" is all description
                boolean describes = before == Intent.CREATE_REPAIR_ORDER && !Clauses.startsWithVerb(right);
                // two of a kind are two requests only for two orders: "parts for RO 1022 came in, and RO 1023 passed QC"
                boolean twoOrders = !first.own().repairOrderIds().isEmpty() && !second.own().repairOrderIds().isEmpty()
                        && !first.own().repairOrderIds().equals(second.own().repairOrderIds());
                if (before != null && (before != after || twoOrders) && !describes && !IntentRules.bareReference(first)
                        && !IntentRules.bareReference(second)
                        && !(after.changes && (question || Asking.negated(second)))
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

    private ClauseView view(String text, RequestEntities whole) {
        return ClauseView.of(text, entities(text), whole, whole);
    }

    /** The entities of a text, read once per text of the request. */
    RequestEntities entities(String text) {
        return read.computeIfAbsent(text, extractor::extract);
    }

    /** The request's text from the first piece to the end of the second, as written. */
    private static String span(String request, String first, String second) {
        int start = request.indexOf(first);
        int end = start < 0 ? -1 : request.indexOf(second, start + 1);
        return start < 0 || end < 0 ? first + ", " + second : request.substring(start, end + second.length()).strip();
    }
}

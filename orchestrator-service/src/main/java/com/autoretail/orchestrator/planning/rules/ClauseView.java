package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.Money;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.StatusGoal;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.Vehicle;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clause of a request, with its entities resolved: what the clause names itself, else what an earlier clause
 * named ("... and send the payment link" uses the RO of "Add part 1234 to RO 1234"), else what the request names
 * anywhere (a later clause). Repair orders are only borrowed from a later clause when the request names exactly one.
 *
 * @param lower   the clause lower-cased, its misspellings mended ({@link Typos}): what the intent rules read
 * @param own     the entities the clause itself names
 * @param context the entities of this and the earlier clauses, the newest winning
 * @param request the entities of the whole request
 */
record ClauseView(String text, String lower, RequestEntities own, RequestEntities context, RequestEntities request) {

    /** What stands in {@link #lower} for an action the clause declines: "don't refund" asks no refund. */
    static final String DECLINED = "(declined)";

    // "don't refund PAY-1003A9", "no need to cancel the link", "do not close RO 1005 yet"
    private static final Pattern NEGATED_ACTION = Pattern.compile("\\b((?:don['’]?t|do\\s+not|dont|never|no\\s+need\\s+to"
            + "|not\\s+to)\\s+(?:please\\s+|yet\\s+)?)(?:refund|cancel|release|assign|send|charge|bill|create|open|add"
            + "|reserve|hold|mark|move|close|void|e-?mail|text|notify|remind|book|commit|update|change|set|put|start"
            + "|invoice|kill|scrap)\\b");

    static ClauseView of(String text, RequestEntities own, RequestEntities context, RequestEntities request) {
        String lower = Typos.mend(text.toLowerCase(Locale.ROOT));
        lower = NEGATED_ACTION.matcher(lower).replaceAll("$1" + Matcher.quoteReplacement(DECLINED));
        return new ClauseView(text, lower, own, context, request);
    }

    /** Whether the clause declines an action ("don't close RO 1005 yet"): it then changes nothing by its status. */
    boolean declines() {
        return lower.contains(DECLINED);
    }

    List<String> repairOrders() {
        if (!context.repairOrderIds().isEmpty()) {
            return context.repairOrderIds();
        }
        return request.repairOrderIds().size() == 1 ? request.repairOrderIds() : List.of();
    }

    List<String> parts() {
        return resolve(RequestEntities::partNumbers);
    }

    /** Every amount the clause names, else those of the context or the request: one action takes only one. */
    List<Money> amounts() {
        return resolve(RequestEntities::amounts);
    }

    List<String> emails() {
        return resolve(RequestEntities::emails);
    }

    List<String> skus() {
        return resolve(RequestEntities::skus);
    }

    List<String> technicians() {
        return resolve(RequestEntities::technicianIds);
    }

    List<String> payments() {
        return resolve(RequestEntities::paymentIds);
    }

    List<String> reservations() {
        return resolve(RequestEntities::reservationIds);
    }

    List<String> holds() {
        return resolve(RequestEntities::holdIds);
    }

    String customer() {
        List<String> customers = resolve(RequestEntities::customerIds);
        return customers.isEmpty() ? null : customers.get(0);
    }

    String vehicleId() {
        List<String> vehicles = resolve(RequestEntities::vehicleIds);
        return vehicles.isEmpty() ? null : vehicles.get(0);
    }

    Vehicle vehicle() {
        return context.vehicle() != null ? context.vehicle() : request.vehicle();
    }

    /** A target status, only from the clause itself: statuses are what a clause asks for, never carried over. */
    StatusGoal status() {
        return own.statuses().isEmpty() ? null : own.statuses().get(own.statuses().size() - 1);
    }

    /** The count the clause asks for, 1 when it names none; one below 1 ("0", "-2", "2.5") is kept, to be refused. */
    int quantity() {
        Integer quantity = own.quantity() != null ? own.quantity() : context.quantity();
        return quantity == null ? 1 : quantity;
    }

    Integer ownQuantity() {
        return own.quantity();
    }

    String location() {
        return context.location() != null ? context.location() : request.location();
    }

    Integer ttlSeconds() {
        return own.ttlSeconds();
    }

    private <T> List<T> resolve(Function<RequestEntities, List<T>> field) {
        List<T> known = field.apply(context);
        return known.isEmpty() ? field.apply(request) : known;
    }
}

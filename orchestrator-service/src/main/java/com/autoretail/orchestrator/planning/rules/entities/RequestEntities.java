package com.autoretail.orchestrator.planning.rules.entities;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the rule planner read from (part of) a request. Lists keep the order of mention; a null means not found.
 *
 * @param quantity   the count asked for ("2 units", "qty 3", "x2", "two"), applied to every part or SKU named
 * @param location   an inventory location: {@code online} or a store id ({@code STORE_001})
 * @param ttlSeconds how long a hold should last ("for 10 minutes")
 */
public record RequestEntities(
        List<String> repairOrderIds,
        List<String> partNumbers,
        List<Money> amounts,
        List<String> emails,
        List<String> skus,
        List<StatusGoal> statuses,
        List<String> technicianIds,
        List<String> paymentIds,
        List<String> reservationIds,
        List<String> holdIds,
        List<String> customerIds,
        List<String> vehicleIds,
        Vehicle vehicle,
        Integer quantity,
        String location,
        Integer ttlSeconds) {

    /** An amount of money; {@code currency} is null when the request named none. */
    public record Money(BigDecimal value, String currency) {

        public String currencyOr(String fallback) {
            return currency == null ? fallback : currency;
        }

        /** {@code 100}, {@code 1250.5}: the value as the plan's summary spells it. */
        public String plain() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * A status a clause asks for: {@code status} itself, or, when {@code after} is set, the status a repair order moves
     * on to from {@code status} ("passed quality check" is the status after quality_check), which only the
     * repair-orders agent's transition matrix can tell.
     */
    public record StatusGoal(String status, boolean after) {

        static StatusGoal of(String status) {
            return new StatusGoal(status, false);
        }

        static StatusGoal after(String status) {
            return new StatusGoal(status, true);
        }

        /** "done", "finished": a step is over, but which one only the advisor knows. */
        static StatusGoal unclear() {
            return new StatusGoal(null, false);
        }

        public boolean clear() {
            return status != null;
        }

        @Override
        public String toString() {
            return !clear() ? "done (which status?)" : after ? "the status after " + status : status;
        }
    }

    /** A vehicle as far as the request describes it; any part may be null. */
    public record Vehicle(String make, String model, Integer year) {
    }

    /** These entities with every field that {@code newer} has replaced by newer's: the context of a later clause. */
    public RequestEntities overlay(RequestEntities newer) {
        return new RequestEntities(
                pick(newer.repairOrderIds, repairOrderIds), pick(newer.partNumbers, partNumbers),
                pick(newer.amounts, amounts), pick(newer.emails, emails), pick(newer.skus, skus),
                pick(newer.statuses, statuses), pick(newer.technicianIds, technicianIds),
                pick(newer.paymentIds, paymentIds), pick(newer.reservationIds, reservationIds),
                pick(newer.holdIds, holdIds), pick(newer.customerIds, customerIds),
                pick(newer.vehicleIds, vehicleIds), newer.vehicle != null ? newer.vehicle : vehicle,
                newer.quantity != null ? newer.quantity : quantity, newer.location != null ? newer.location : location,
                newer.ttlSeconds != null ? newer.ttlSeconds : ttlSeconds);
    }

    /** The entities of a whole request from those of its clauses: lists joined in order, the first of the others. */
    public static RequestEntities union(List<RequestEntities> clauses) {
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        return new RequestEntities(join(clauses, RequestEntities::repairOrderIds), join(clauses, RequestEntities::partNumbers),
                join(clauses, RequestEntities::amounts), join(clauses, RequestEntities::emails),
                join(clauses, RequestEntities::skus), join(clauses, RequestEntities::statuses),
                join(clauses, RequestEntities::technicianIds), join(clauses, RequestEntities::paymentIds),
                join(clauses, RequestEntities::reservationIds), join(clauses, RequestEntities::holdIds),
                join(clauses, RequestEntities::customerIds), join(clauses, RequestEntities::vehicleIds),
                first(clauses, RequestEntities::vehicle), first(clauses, RequestEntities::quantity),
                first(clauses, RequestEntities::location), first(clauses, RequestEntities::ttlSeconds));
    }

    private static <T> List<T> join(List<RequestEntities> clauses, Function<RequestEntities, List<T>> field) {
        Set<T> joined = new LinkedHashSet<>();
        clauses.forEach(clause -> joined.addAll(field.apply(clause)));
        return List.copyOf(joined);
    }

    private static <T> T first(List<RequestEntities> clauses, Function<RequestEntities, T> field) {
        for (RequestEntities clause : clauses) {
            T value = field.apply(clause);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public RequestEntities withRepairOrders(List<String> ids) {
        return new RequestEntities(ids, partNumbers, amounts, emails, skus, statuses, technicianIds, paymentIds,
                reservationIds, holdIds, customerIds, vehicleIds, vehicle, quantity, location, ttlSeconds);
    }

    /** The entities found, by name, for a message that says what the planner understood. */
    public Map<String, Object> understood() {
        Map<String, Object> found = new LinkedHashMap<>();
        put(found, "repair_orders", repairOrderIds);
        put(found, "parts", partNumbers);
        put(found, "amounts", amounts.stream().map(m -> m.plain() + " " + m.currencyOr("(no currency)")).toList());
        put(found, "emails", emails);
        put(found, "skus", skus);
        put(found, "statuses", statuses.stream().map(StatusGoal::toString).toList());
        put(found, "technicians", technicianIds);
        put(found, "payments", paymentIds);
        put(found, "reservations", reservationIds);
        put(found, "holds", holdIds);
        put(found, "customers", customerIds);
        put(found, "vehicle_ids", vehicleIds);
        if (vehicle != null) {
            found.put("vehicle", String.join(" ", Stream.of(
                    vehicle.year == null ? null : vehicle.year.toString(), vehicle.make, vehicle.model)
                    .filter(Objects::nonNull).toList()));
        }
        if (quantity != null) {
            found.put("quantity", quantity);
        }
        if (location != null) {
            found.put("location", location);
        }
        return found;
    }

    private static void put(Map<String, Object> found, String name, List<?> values) {
        if (!values.isEmpty()) {
            found.put(name, values);
        }
    }

    private static <T> List<T> pick(List<T> newer, List<T> older) {
        return newer.isEmpty() ? older : newer;
    }
}

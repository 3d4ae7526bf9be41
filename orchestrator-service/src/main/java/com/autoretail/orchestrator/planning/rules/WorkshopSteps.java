package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.planning.rules.PlanBuilder.Kind;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.StatusGoal;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.Vehicle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.autoretail.orchestrator.planning.rules.PlanBuilder.PARTS;
import static com.autoretail.orchestrator.planning.rules.PlanBuilder.REPAIR_ORDERS;
import static com.autoretail.orchestrator.planning.rules.PlanBuilder.parameters;

/** The steps of the repair-order and parts intents, with the operation and parameter names of docs/CONTRACT.md. */
final class WorkshopSteps {

    private static final String RO_NUMBER = "the repair order number (e.g. RO 1234)";

    private WorkshopSteps() {
    }

    /** Parts are checked and the repair order too before the reservation, which also lowers the part's stock. */
    static void addParts(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.ADD_PART;
        List<String> repairOrders = clause.repairOrders();
        if (repairOrders.isEmpty()) {
            plan.missing(intent, RO_NUMBER);
            return;
        }
        List<String> parts = clause.parts();
        if (parts.isEmpty()) {
            plan.missing(intent, "the part number(s) (e.g. part 1234)");
            return;
        }
        if (!plan.available(intent, PARTS, "reserve_parts")) {
            return;
        }
        Map<String, Object> quantities = new LinkedHashMap<>();
        parts.forEach(part -> quantities.put(part, PartQuantities.of(clause.text(), part, clause.quantity())));
        if (quantities.values().stream().anyMatch(count -> (int) count < 1)) {
            plan.missing(intent, CommerceSteps.WHOLE_COUNT);
            return;
        }
        for (String repairOrder : repairOrders) {
            List<String> gates = new ArrayList<>();
            gates.add(plan.repairOrderGate(repairOrder));
            parts.forEach(part -> gates.add(plan.partGate(part)));
            String reserved = plan.action(intent, "reserve_part", PARTS, "reserve_parts",
                    parameters("part_numbers", parts, "repair_order_id", repairOrder, "quantity_map", quantities),
                    gates, Kind.ACTION);
            plan.recordChange(repairOrder, reserved);
        }
    }

    /** Returns the reference to the new repair order's number, for the clauses after this one. */
    static String createRepairOrder(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.CREATE_REPAIR_ORDER;
        String customer = clause.customer();
        String vehicle = clause.vehicleId();
        String description = TextDetails.serviceDescription(clause.text());
        if (customer == null) {
            plan.missing(intent, "the customer id (e.g. customer CUST008)");
        }
        if (vehicle == null) {
            plan.missing(intent, "the vehicle id (e.g. VEH001) or VIN");
        }
        if (description == null) {
            plan.missing(intent, "a service description (e.g. 'for front brake pads replacement')");
        }
        if (customer == null || vehicle == null || description == null) {
            return null;
        }
        String id = plan.action(intent, "create_ro", REPAIR_ORDERS, "create_repair_order",
                parameters("customer_id", customer, "vehicle_id", vehicle, "service_description", description),
                List.of(), Kind.ACTION);
        return id == null ? null : "${steps." + id + ".result.repair_order_id}";
    }

    static void assignTechnician(ClauseView clause, PlanBuilder plan) {
        // "TECH-001 to RO 1006, TECH-002 to RO 1007" pairs them; every technician on every order is not what it asks
        if (clause.technicians().size() > 1 && clause.repairOrders().size() > 1) {
            plan.missing(Intent.ASSIGN_TECHNICIAN, "one technician and one repair order per request (e.g. assign "
                    + clause.technicians().get(0) + " to RO " + clause.repairOrders().get(0) + ", then assign "
                    + clause.technicians().get(1) + " to RO " + clause.repairOrders().get(1) + ")");
            return;
        }
        for (String repairOrder : repairOrders(Intent.ASSIGN_TECHNICIAN, clause, plan)) {
            for (String technician : clause.technicians()) {
                plan.action(Intent.ASSIGN_TECHNICIAN, "assign_technician", REPAIR_ORDERS, "assign_technician",
                        parameters("repair_order_id", repairOrder, "technician_id", technician),
                        Arrays.asList(plan.repairOrderGate(repairOrder)), Kind.ACTION);
            }
        }
    }

    static void addNote(ClauseView clause, PlanBuilder plan) {
        String note = TextDetails.note(clause.text());
        if (note == null) {
            plan.missing(Intent.ADD_NOTE, "the note's text, after a colon or in quotes (add a note to RO 1234: ...)");
            return;
        }
        for (String repairOrder : repairOrders(Intent.ADD_NOTE, clause, plan)) {
            plan.action(Intent.ADD_NOTE, "add_note", REPAIR_ORDERS, "add_repair_notes",
                    parameters("repair_order_id", repairOrder, "note", note),
                    Arrays.asList(plan.repairOrderGate(repairOrder)), Kind.ACTION);
        }
    }

    /** The transition is validated first; parts reserved for the same order in this plan go before its status. */
    static void changeStatus(ClauseView clause, PlanBuilder plan) {
        String status = target(clause.status(), plan);
        if (status == null) {
            return;
        }
        Kind kind = "cancelled".equals(status) ? Kind.DESTRUCTIVE : Kind.ACTION;
        for (String repairOrder : repairOrders(Intent.STATUS_CHANGE, clause, plan)) {
            List<String> gates = new ArrayList<>();
            gates.add(plan.repairOrderGate(repairOrder));
            if (!StepReferences.isReference(repairOrder)) {
                gates.add(plan.validation("validate_transition", REPAIR_ORDERS, "validate_repair_order_transition",
                        parameters("repair_order_id", repairOrder, "new_status", status),
                        "check_status_transition_allowed",
                        "repair_order_" + repairOrder + "_transition_to_" + status + "_validated"));
            }
            gates.addAll(plan.changesOf(repairOrder));
            plan.action(Intent.STATUS_CHANGE, "update_status", REPAIR_ORDERS, "update_repair_order_status",
                    parameters("repair_order_id", repairOrder, "new_status", status), gates, kind);
        }
    }

    /**
     * Whether the order may move to the status asked about, and nothing more: "can RO 1005 go to quality check?".
     * Without an order, "from scheduled to completed" asks about the move between two statuses.
     */
    static void validateTransition(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.VALIDATE_TRANSITION;
        String status = target(clause.status(), plan);
        if (status == null) {
            return;
        }
        List<StatusGoal> named = clause.own().statuses();
        String from = named.size() > 1 && !named.get(0).after() ? named.get(0).status() : null;
        List<String> repairOrders = clause.repairOrders().stream().filter(ro -> !StepReferences.isReference(ro))
                .toList();
        if (repairOrders.isEmpty() && from == null) {
            plan.missing(intent, RO_NUMBER + " or the status it moves from");
            return;
        }
        if (repairOrders.isEmpty()) {
            plan.read(intent, "validate_transition", REPAIR_ORDERS, "validate_repair_order_transition",
                    parameters("current_status", from, "new_status", status));
        }
        for (String repairOrder : repairOrders) {
            plan.read(intent, "validate_transition", REPAIR_ORDERS, "validate_repair_order_transition",
                    parameters("repair_order_id", repairOrder, "new_status", status));
        }
    }

    static void validatePartNumber(ClauseView clause, PlanBuilder plan) {
        for (String part : clause.own().partNumbers()) {
            plan.read(Intent.VALIDATE_PART, "validate_part_number", PARTS, "validate_part_number",
                    parameters("part_number", part));
        }
    }

    /**
     * The status to move to: the one named, or the one after the step the clause says is over, from the
     * repair-orders agent's transition matrix; null, with what is missing, when the matrix does not tell.
     */
    private static String target(StatusGoal goal, PlanBuilder plan) {
        if (goal == null) {
            plan.missing(Intent.STATUS_CHANGE, "the status to move to (e.g. mark RO 1234 as in progress)");
            return null;
        }
        if (!goal.clear()) {
            plan.missing(Intent.STATUS_CHANGE, "the status to move to: 'done' may mean ready for quality check, "
                    + "ready for pickup or completed (e.g. mark RO 1234 as quality check)");
            return null;
        }
        if (!goal.after()) {
            return goal.status();
        }
        Transitions transitions = plan.transitions();
        String next = transitions.next(goal.status());
        if (next == null) {
            plan.missing(Intent.STATUS_CHANGE, "the status to move to after " + goal.status() + " (e.g. mark RO 1234 "
                    + "as ready for pickup): " + (transitions.published()
                    ? "the repair-orders agent's transition matrix names no single next status"
                    : "the repair-orders agent is down or does not publish its transition matrix"));
        }
        return next;
    }

    static void showRepairOrder(ClauseView clause, PlanBuilder plan, boolean history) {
        Intent intent = history ? Intent.REPAIR_HISTORY : Intent.REPAIR_ORDER_DETAILS;
        for (String repairOrder : repairOrders(intent, clause, plan)) {
            if (!StepReferences.isReference(repairOrder)) {
                plan.read(intent, history ? "ro_history" : "ro_details", REPAIR_ORDERS,
                        history ? "get_repair_history" : "get_repair_order_details",
                        parameters("repair_order_id", repairOrder));
            }
        }
    }

    static void showParts(ClauseView clause, PlanBuilder plan, Intent intent) {
        boolean availability = intent == Intent.PART_AVAILABILITY;
        for (String part : clause.parts()) {
            plan.read(intent, availability ? "part_availability" : "part_details", PARTS,
                    availability ? "check_part_availability" : "get_part_details", parameters("part_number", part));
        }
    }

    static void checkCompatibility(ClauseView clause, PlanBuilder plan) {
        Vehicle vehicle = clause.vehicle();
        if (vehicle == null || vehicle.model() == null || vehicle.year() == null) {
            plan.missing(Intent.COMPATIBILITY, "the vehicle's model and year (e.g. 2021 Toyota Camry)");
            return;
        }
        for (String part : clause.parts()) {
            plan.read(Intent.COMPATIBILITY, "check_compatibility", PARTS, "check_vehicle_compatibility",
                    parameters("part_number", part, "vehicle_model", vehicle.model(), "vehicle_year", vehicle.year(),
                            "vehicle_make", vehicle.make()));
        }
    }

    static void findAlternatives(ClauseView clause, PlanBuilder plan) {
        Vehicle vehicle = clause.vehicle();
        for (String part : clause.parts()) {
            plan.read(Intent.ALTERNATIVE_PARTS, "alternative_parts", PARTS, "get_alternative_parts",
                    parameters("part_number", part, "vehicle_make", vehicle == null ? null : vehicle.make(),
                            "vehicle_model", vehicle == null ? null : vehicle.model(),
                            "vehicle_year", vehicle == null ? null : vehicle.year()));
        }
    }

    static void searchParts(ClauseView clause, PlanBuilder plan) {
        String name = TextDetails.partName(clause.text());
        if (name == null) {
            plan.missing(Intent.PART_SEARCH, "what to search for (e.g. find brake pads for a 2021 Toyota Camry)");
            return;
        }
        Vehicle vehicle = clause.vehicle();
        plan.read(Intent.PART_SEARCH, "search_parts", PARTS, "search_parts", parameters("part_name", name,
                "vehicle_make", vehicle == null ? null : vehicle.make(),
                "vehicle_model", vehicle == null ? null : vehicle.model(),
                "vehicle_year", vehicle == null ? null : vehicle.year()));
    }

    private static List<String> repairOrders(Intent intent, ClauseView clause, PlanBuilder plan) {
        List<String> repairOrders = clause.repairOrders();
        if (repairOrders.isEmpty()) {
            plan.missing(intent, RO_NUMBER);
        }
        return repairOrders;
    }
}

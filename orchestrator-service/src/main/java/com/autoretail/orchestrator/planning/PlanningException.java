package com.autoretail.orchestrator.planning;

import java.util.List;
import java.util.Map;

/**
 * No valid plan can be made for a request (the API answers 422). Carries every error seen along the way and, when
 * the rule planner gave up, the entities it did understand, so that the caller knows what to add.
 */
public class PlanningException extends RuntimeException {

    private final List<String> errors;

    private final Map<String, Object> understood;

    public PlanningException(String message, List<String> errors) {
        this(message, errors, Map.of());
    }

    public PlanningException(String message, List<String> errors, Map<String, Object> understood) {
        super(message);
        this.errors = List.copyOf(errors);
        this.understood = Map.copyOf(understood);
    }

    /** Every reason, e.g. {@code step reserve_part_1: parameters.part_numbers: is missing but it is required}. */
    public List<String> errors() {
        return errors;
    }

    /** What the rule planner read from the request (e.g. {@code repair_orders=[1234]}); empty when not relevant. */
    public Map<String, Object> understood() {
        return understood;
    }
}

package com.autoretail.orchestrator.plan;

import com.autoretail.common.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No valid plan can be made for a request, or a caller's plan is not valid: answered 422 "No valid plan". Carries
 * every error seen along the way and, when the rule planner gave up, the entities it did understand, so that the
 * caller knows what to add.
 */
public class NoValidPlanException extends ProblemException {

    private final List<String> errors;

    private final Map<String, Object> understood;

    private final List<String> capabilities;

    public NoValidPlanException(String message, List<String> errors) {
        this(message, errors, Map.of());
    }

    public NoValidPlanException(String message, List<String> errors, Map<String, Object> understood) {
        this(message, errors, understood, List.of());
    }

    /**
     * @param capabilities what the fleet can do, for a request that asks nothing it can (e.g. {@code "parts: Parts
     *                     catalogue, availability, reservations and vehicle compatibility"}); empty otherwise
     */
    public NoValidPlanException(String message, List<String> errors, Map<String, Object> understood,
                                List<String> capabilities) {
        super(message, null);
        this.errors = List.copyOf(errors);
        this.understood = Map.copyOf(understood);
        this.capabilities = List.copyOf(capabilities);
    }

    /** Every reason, e.g. {@code step reserve_part_1: parameters.part_numbers: is missing but it is required}. */
    public List<String> errors() {
        return errors;
    }

    /** What the rule planner read from the request (e.g. {@code repair_orders=[1234]}); empty when not relevant. */
    public Map<String, Object> understood() {
        return understood;
    }

    /** What the fleet can do, when the request asked nothing it can; empty otherwise. */
    public List<String> capabilities() {
        return capabilities;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }

    @Override
    public String title() {
        return "No valid plan";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", errors);
        if (!understood.isEmpty()) {
            properties.put("understood", understood);
        }
        if (!capabilities.isEmpty()) {
            properties.put("capabilities", capabilities);
        }
        return properties;
    }
}

package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * One operation of an agent, as listed in {@code /capabilities}.
 *
 * @param parameters   the JSON schema of the operation's parameters
 * @param sideEffects  whether the operation changes state (it is then idempotent by request_id)
 * @param compensation the operation that undoes this one, null when there is none
 * @param risk         its risk tier; when not given (an agent that does not publish it), derived from
 *                     {@code side_effects} and {@code compensation} by {@link RiskTier#of}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationSpec(
        String name,
        String description,
        OperationSource source,
        Map<String, Object> parameters,
        boolean sideEffects,
        String compensation,
        RiskTier risk) {

    public OperationSpec {
        parameters = parameters == null ? Map.of("type", "object") : parameters;
        risk = !sideEffects ? RiskTier.READ_ONLY
                : risk == null || risk == RiskTier.READ_ONLY ? RiskTier.of(true, compensation) : risk;
    }

    /** An operation whose risk tier follows from its side effects and compensation. */
    public OperationSpec(String name, String description, OperationSource source, Map<String, Object> parameters,
                         boolean sideEffects, String compensation) {
        this(name, description, source, parameters, sideEffects, compensation, null);
    }

    public static OperationSpec local(String name, String description, Map<String, Object> parameters) {
        return new OperationSpec(name, description, OperationSource.LOCAL, parameters, false, null);
    }

    public static OperationSpec composite(String name, String description, Map<String, Object> parameters) {
        return new OperationSpec(name, description, OperationSource.COMPOSITE, parameters, false, null);
    }

    public OperationSpec withSideEffects(boolean changesState, String compensatingOperation) {
        return new OperationSpec(name, description, source, parameters, changesState, compensatingOperation);
    }

    /** The same operation with a risk tier its MCP server's annotations say (read-only ops stay read-only). */
    public OperationSpec withRisk(RiskTier tier) {
        return new OperationSpec(name, description, source, parameters, sideEffects, compensation, tier);
    }

    public OperationSpec withParameters(Map<String, Object> schema) {
        return new OperationSpec(name, description, source, schema, sideEffects, compensation, risk);
    }
}

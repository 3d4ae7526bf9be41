package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The body of {@code POST /execute} and {@code POST /execute-async}.
 *
 * @param requestId   the idempotency key of a side-effecting operation; generated when absent
 * @param operation   one of the operations in {@code /capabilities}
 * @param parameters  the operation's parameters, checked against its JSON schema
 * @param context     business context (tenant, workflow, attempt), passed through
 * @param timeout     seconds the operation may run; the agent's default when absent
 * @param callbackUrl where {@code /execute-async} POSTs the final response
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentServiceRequest(
        String requestId,
        String operation,
        Map<String, Object> parameters,
        Map<String, Object> context,
        Integer timeout,
        String callbackUrl) {

    public AgentServiceRequest {
        parameters = parameters == null ? Map.of() : parameters;
        context = context == null ? Map.of() : context;
    }

    /** A request with the given parameters and no context, timeout or callback. */
    public static AgentServiceRequest of(String requestId, String operation, Map<String, Object> parameters) {
        return new AgentServiceRequest(requestId, operation, parameters, Map.of(), null, null);
    }

    public AgentServiceRequest withRequestId(String newRequestId) {
        return new AgentServiceRequest(newRequestId, operation, parameters, context, timeout, callbackUrl);
    }

    public AgentServiceRequest withTimeout(Integer newTimeout) {
        return new AgentServiceRequest(requestId, operation, parameters, context, newTimeout, callbackUrl);
    }
}

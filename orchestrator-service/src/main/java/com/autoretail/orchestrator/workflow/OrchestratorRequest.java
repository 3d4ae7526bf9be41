package com.autoretail.orchestrator.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The body of the orchestrator's {@code POST /orchestrate}, {@code /orchestrate-async} and {@code /plan}.
 *
 * @param requestId   the workflow's id (generated when absent); step calls use {@code {request_id}:{step_id}}
 * @param userRequest the request in plain language
 * @param priority    1 (normal) and up; recorded, not yet used for scheduling
 * @param callbackUrl where {@code /orchestrate-async} POSTs the final response
 * @param context     business context passed to every agent call
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrchestratorRequest(
        String requestId,
        String userRequest,
        Integer priority,
        String callbackUrl,
        Map<String, Object> context) {

    public OrchestratorRequest {
        context = context == null ? Map.of() : context;
    }

    public static OrchestratorRequest of(String userRequest) {
        return new OrchestratorRequest(null, userRequest, null, null, null);
    }
}

package com.autoretail.orchestrator.api;

import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.workflow.OrchestratorRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a request must be to become a workflow, whichever way it came ({@code /orchestrate}, A2A): a request in plain
 * language of bounded length, a priority in range, an allowed callback, a well-formed request_id.
 */
public final class RequestChecks {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");
    private static final int MAX_REQUEST_LENGTH = 4000;

    private RequestChecks() {
    }

    /**
     * Checks a request and answers its request_id (generated when it has none).
     *
     * @throws AgentException {@code VALIDATION_ERROR} naming the field
     */
    public static String checked(OrchestratorRequest request, CallbackPolicy callbacks) {
        if (request.userRequest() == null || request.userRequest().isBlank()) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "user_request: is required and must not be blank");
        }
        if (request.userRequest().length() > MAX_REQUEST_LENGTH) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR,
                    "user_request: longer than " + MAX_REQUEST_LENGTH + " characters");
        }
        if (request.priority() != null && (request.priority() < 1 || request.priority() > 10)) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "priority: must be between 1 and 10");
        }
        if (request.callbackUrl() != null) {
            callbacks.refusal(request.callbackUrl()).ifPresent(refusal -> {
                throw new AgentException(ErrorCode.VALIDATION_ERROR, "callback_url: " + refusal);
            });
        }
        return requestId(request.requestId());
    }

    /** The request_id given, checked, or a new one. */
    public static String requestId(String given) {
        if (given == null || given.isBlank()) {
            return "req-" + UUID.randomUUID();
        }
        if (!REQUEST_ID.matcher(given).matches()) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR,
                    "request_id: 1 to 100 letters, digits, '_', '.', ':' or '-'");
        }
        return given;
    }
}

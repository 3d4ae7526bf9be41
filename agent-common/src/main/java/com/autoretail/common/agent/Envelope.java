package com.autoretail.common.agent;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the response envelope of one request. */
final class Envelope {

    private static final Logger log = LoggerFactory.getLogger(Envelope.class);

    private final AgentServiceRequest request;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final long start;

    Envelope(AgentServiceRequest request, String service, long start) {
        this.request = request;
        this.start = start;
        metadata.put("service", service);
        metadata.put("operation", request.operation());
        metadata.put("source", null);
        Object attempt = request.context().get("attempt");
        metadata.put("attempt", attempt instanceof Number n ? n.intValue() : 1);
        metadata.put("replayed", false);
    }

    void source(String source) {
        metadata.put("source", source);
    }

    AgentServiceResponse success(Object result) {
        return AgentServiceResponse.success(request.requestId(), result, elapsed(), Map.copyOf(nonNull()));
    }

    AgentServiceResponse invalid(List<FieldError> errors) {
        String message = "Invalid parameters for " + request.operation() + ": "
                + String.join("; ", errors.stream().map(FieldError::toString).toList());
        return AgentServiceResponse.failure(request.requestId(), ErrorCode.VALIDATION_ERROR, message,
                Map.of("errors", errors), elapsed(), nonNull());
    }

    AgentServiceResponse failure(Throwable failure) {
        if (failure instanceof AgentException e) {
            return AgentServiceResponse.failure(request.requestId(), e.code(), e.getMessage(), e.details(),
                    elapsed(), nonNull());
        }
        log.error("Operation {} failed (request_id {})", request.operation(), request.requestId(), failure);
        return AgentServiceResponse.failure(request.requestId(), ErrorCode.INTERNAL,
                "Internal error; see the agent's log for request_id " + request.requestId(), null,
                elapsed(), nonNull());
    }

    private Map<String, Object> nonNull() {
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}

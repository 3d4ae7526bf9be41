package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The envelope every {@code /execute} answers, success or not.
 *
 * @param result        the operation's result; on a failure, details of it (e.g. {@code errors}) or null
 * @param error         a human readable message naming what failed, null on success
 * @param errorCode     the contract's error code, null on success
 * @param executionTime seconds spent, as a decimal
 * @param metadata      service, operation, source, attempt, replayed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentServiceResponse(
        String requestId,
        boolean success,
        Object result,
        String error,
        ErrorCode errorCode,
        double executionTime,
        Map<String, Object> metadata,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp) {

    public AgentServiceResponse {
        metadata = metadata == null ? Map.of() : metadata;
    }

    public static AgentServiceResponse success(String requestId, Object result, double executionTime,
                                               Map<String, Object> metadata) {
        return new AgentServiceResponse(requestId, true, result, null, null, executionTime, metadata, Instant.now());
    }

    public static AgentServiceResponse failure(String requestId, ErrorCode code, String error, Object details,
                                               double executionTime, Map<String, Object> metadata) {
        return new AgentServiceResponse(requestId, false, details, error, code, executionTime, metadata, Instant.now());
    }

    /** The same response with one metadata entry set, e.g. {@code replayed}. */
    public AgentServiceResponse withMetadata(String key, Object value) {
        Map<String, Object> copy = new HashMap<>(metadata);
        copy.put(key, value);
        return new AgentServiceResponse(requestId, success, result, error, errorCode, executionTime, copy, timestamp);
    }
}

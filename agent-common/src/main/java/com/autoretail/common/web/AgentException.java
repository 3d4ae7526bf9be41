package com.autoretail.common.web;

import com.autoretail.common.wire.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with a contract error code. Thrown by operations (and by the MCP client) and answered as the
 * envelope's {@code error_code}, {@code error} and, when given, {@code result} details; outside {@code /execute} as a
 * problem with the code's status and {@code error_code}.
 */
public class AgentException extends ProblemException {

    private final ErrorCode code;
    private final transient Object details;

    public AgentException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public AgentException(ErrorCode code, String message, Object details) {
        this(code, message, details, null);
    }

    public AgentException(ErrorCode code, String message, Object details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    /** Structured details for the caller (e.g. {@code allowed_transitions}), or null. */
    public Object details() {
        return details;
    }

    @Override
    public HttpStatus status() {
        return code.httpStatus();
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("error_code", code.name());
        if (details instanceof Map<?, ?> map && map.get("errors") != null) {
            // field errors stand at the top, where every validation problem of the fleet has them
            properties.put("errors", map.get("errors"));
        } else if (details != null) {
            properties.put("details", details);
        }
        return properties;
    }
}

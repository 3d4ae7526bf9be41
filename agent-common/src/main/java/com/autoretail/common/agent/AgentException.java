package com.autoretail.common.agent;

import com.autoretail.common.wire.ErrorCode;

/**
 * A failure with a contract error code. Thrown by operations (and by the MCP client) and answered as the
 * envelope's {@code error_code}, {@code error} and, when given, {@code result} details.
 */
public class AgentException extends RuntimeException {

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
}

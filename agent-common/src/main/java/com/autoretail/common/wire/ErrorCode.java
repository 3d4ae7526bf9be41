package com.autoretail.common.wire;

import org.springframework.http.HttpStatus;

/**
 * The error codes of the agent contract, each with the HTTP status it is answered with and whether a
 * caller may retry the same request.
 */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST, false),
    UNKNOWN_OPERATION(HttpStatus.BAD_REQUEST, false),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, false),
    /** A known credential without the role the endpoint needs. */
    FORBIDDEN(HttpStatus.FORBIDDEN, false),
    NOT_FOUND(HttpStatus.NOT_FOUND, false),
    CONFLICT(HttpStatus.CONFLICT, false),
    /** The request_id was already used for another operation or other parameters: a caller's bug, never retried. */
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, false),
    /** The first request with this request_id is still being processed: retrying later gets its outcome. */
    IN_PROGRESS(HttpStatus.CONFLICT, true),
    UPSTREAM_ERROR(HttpStatus.BAD_GATEWAY, true),
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, true),
    TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, true),
    /** The agent holds as much unfinished work (claims, async tasks) as it may keep; retrying later may succeed. */
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, true),
    /** A quota of the caller (units or holds per session or customer) is used up; it frees when a hold ends. */
    QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, false),
    /** The caller sent more requests than its rate allows; retrying after {@code Retry-After} may succeed. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, true),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, false);

    private final HttpStatus httpStatus;
    private final boolean retryable;

    ErrorCode(HttpStatus httpStatus, boolean retryable) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    public HttpStatus httpStatus() {
        return httpStatus;
    }

    /** Whether the same request may succeed when sent again (the failure was not the request's fault). */
    public boolean retryable() {
        return retryable;
    }

    /** The code for an error code name read from a peer, {@code fallback} when the name is unknown. */
    public static ErrorCode fromName(String name, ErrorCode fallback) {
        if (name != null) {
            for (ErrorCode code : values()) {
                if (code.name().equalsIgnoreCase(name)) {
                    return code;
                }
            }
        }
        return fallback;
    }
}

package com.autoretail.common.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A failure that {@link ProblemAdvice} answers as RFC 9457 {@code application/problem+json}: the exception says its
 * status, title and extra members, the advice adds {@code detail} (the message) and {@code request_id}. One handler
 * for every such failure of the fleet, so that each service's errors have one shape.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status of the answer. */
    public abstract HttpStatus status();

    /** The problem's title; null for the status's reason phrase. */
    public String title() {
        return null;
    }

    /** Members of the problem beside {@code type}, {@code title}, {@code status}, {@code detail} and {@code request_id}. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}

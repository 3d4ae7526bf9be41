package com.autoretail.inventory;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameters that fail validation, each failing field named. {@code VALIDATION_ERROR} on {@code /execute}
 * (with {@code result.errors}), a 400 problem with {@code errors} on the REST API.
 */
public class InvalidRequestException extends AgentException {

    private final transient List<FieldError> errors;

    InvalidRequestException(List<FieldError> errors) {
        super(ErrorCode.VALIDATION_ERROR, "Invalid request: "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")),
                Map.of("errors", List.copyOf(errors)));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.ErrorCode;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Locale;

/**
 * The outcome of one workflow step.
 *
 * @param attempts      how many times the step's agent was called (0 when the step never ran)
 * @param compensation  how the step was undone when the workflow aborted, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepResult(
        Status status,
        String serviceName,
        String operation,
        Object result,
        String error,
        ErrorCode errorCode,
        int attempts,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant startedAt,
        double executionTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) Compensation compensation) {

    /** Where a step ended. */
    public enum Status {
        COMPLETED, FAILED, SKIPPED, NOT_RUN, COMPENSATED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The compensating call made for a completed side effect. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compensation(String operation, boolean success, Object result, String error) {
    }

    public StepResult withCompensation(Compensation undo) {
        return new StepResult(undo.success() ? Status.COMPENSATED : status, serviceName, operation, result, error,
                errorCode, attempts, startedAt, executionTime, undo);
    }
}

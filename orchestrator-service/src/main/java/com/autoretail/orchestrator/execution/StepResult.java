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
 * @param attempts     how many times the step's agent was called (0 when the step never ran)
 * @param inDoubt      a failed step that may have happened all the same (a timeout, a connection lost after
 *                     sending, an orchestrator that stopped while it ran): resolved before the workflow is undone
 * @param compensation how the step was undone when the workflow aborted, or null
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
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean inDoubt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Compensation compensation) {

    /** Where a step is: {@code running} while its call is out, then where it ended. */
    public enum Status {
        RUNNING, COMPLETED, FAILED, SKIPPED, NOT_RUN, COMPENSATED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The compensating call made for a completed side effect.
     *
     * @param success        the side effect is undone
     * @param attempts       how many times the compensation was tried
     * @param needsAttention the compensation gave up: a person must undo the side effect
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compensation(String operation, boolean success, Object result, String error, int attempts,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean needsAttention) {
    }

    /** A step whose first call goes out. */
    static StepResult running(String serviceName, String operation, Instant startedAt) {
        return running(serviceName, operation, startedAt, 0, null);
    }

    /**
     * A step whose call goes out: {@code attempts} counts the calls made before it (by this orchestrator or, for a
     * step started again after a takeover, by the one before it), {@code error} says why the last one failed.
     */
    static StepResult running(String serviceName, String operation, Instant startedAt, int attempts, String error) {
        return new StepResult(Status.RUNNING, serviceName, operation, null, error, null, attempts, startedAt, 0, false,
                null);
    }

    /** The same running step, about to be called again after {@code failedAttempts} calls failed. */
    StepResult retrying(int failedAttempts, String lastError) {
        return running(serviceName, operation, startedAt, failedAttempts, lastError);
    }

    static StepResult notRun(String serviceName, String operation, Status status, String reason) {
        return new StepResult(status, serviceName, operation, null, reason, null, 0, null, 0, false, null);
    }

    public StepResult withCompensation(Compensation undo) {
        return new StepResult(undo.success() ? Status.COMPENSATED : status, serviceName, operation, result, error,
                errorCode, attempts, startedAt, executionTime, inDoubt, undo);
    }

    /** A step in doubt, resolved: it happened with this result, or it did not. */
    StepResult resolved(boolean happened, Object happenedResult, String why) {
        return happened
                ? new StepResult(Status.COMPLETED, serviceName, operation, happenedResult, null, null, attempts,
                startedAt, executionTime, false, null)
                : new StepResult(Status.FAILED, serviceName, operation, null, why, errorCode, attempts, startedAt,
                executionTime, false, null);
    }

    /** A step in doubt that could not be resolved: a person must find out whether it happened. */
    StepResult unresolved(String why) {
        return new StepResult(status, serviceName, operation, result, why, errorCode, attempts, startedAt,
                executionTime, true, new Compensation(null, false, null, why, 0, true));
    }
}

package com.autoretail.orchestrator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One step of a workflow plan, in the shape of the architecture document's planning prompt.
 *
 * @param serviceName   the service's key in plans: {@code payment}, {@code parts}, {@code repair_orders}, ...
 * @param parameters    the operation's parameters; a value may be {@code ${steps.<step_id>.result.<path>}}
 * @param dependencies  step ids that must complete first
 * @param parallelGroup a label for steps meant to run together, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionStep(
        String stepId,
        Integer stepOrder,
        String serviceName,
        String operation,
        Map<String, Object> parameters,
        List<String> validationChecks,
        List<String> dependencies,
        String parallelGroup,
        FailureHandling failureHandling,
        Integer timeoutSeconds,
        Integer retryAttempts) {

    /** The bounds of {@code timeout_seconds} and {@code retry_attempts} that a valid plan keeps. */
    public static final int MIN_TIMEOUT_SECONDS = 1;
    public static final int MAX_TIMEOUT_SECONDS = 300;
    public static final int MAX_RETRY_ATTEMPTS = 5;

    /**
     * What a step id may be: it is joined into request ids ({@code <request_id>:<step_id>}), journal keys and log
     * lines, so no separator, no space, no control character, and bounded.
     */
    public static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    public static boolean validId(String stepId) {
        return stepId != null && STEP_ID.matcher(stepId).matches();
    }

    public ExecutionStep {
        parameters = parameters == null ? Map.of() : parameters;
        validationChecks = validationChecks == null ? List.of() : validationChecks;
        dependencies = dependencies == null ? List.of() : dependencies;
    }
}

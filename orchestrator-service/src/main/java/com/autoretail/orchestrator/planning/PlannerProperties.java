package com.autoretail.orchestrator.planning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the orchestrator plans ({@code orchestrator.planner.*}).
 *
 * @param maxSteps            the most steps a plan may have, LLM or rules
 * @param llmTimeout          how long one LLM call may take before the rule planner takes over
 * @param repairAttempts      how many times an LLM plan that fails parsing or validation is sent back with its errors
 * @param stepTimeoutSeconds  the {@code timeout_seconds} of a step that gives none
 * @param stepRetryAttempts   the {@code retry_attempts} of a step that gives none
 */
@Validated
@ConfigurationProperties("orchestrator.planner")
public record PlannerProperties(
        @DefaultValue("20") @Min(1) @Max(100) int maxSteps,
        @DefaultValue("60s") @NotNull Duration llmTimeout,
        @DefaultValue("1") @Min(0) @Max(3) int repairAttempts,
        @DefaultValue("30") @Min(PlanValidator.MIN_TIMEOUT_SECONDS) @Max(PlanValidator.MAX_TIMEOUT_SECONDS)
        int stepTimeoutSeconds,
        @DefaultValue("2") @Min(0) @Max(PlanValidator.MAX_RETRY_ATTEMPTS) int stepRetryAttempts) {

    /** The defaults, for code that builds planning parts without Spring. */
    public static PlannerProperties defaults() {
        return new PlannerProperties(20, Duration.ofSeconds(60), 1, 30, 2);
    }
}

package com.autoretail.orchestrator.plan;

/**
 * A step's {@code timeout_seconds} and {@code retry_attempts} when its plan names none
 * ({@code orchestrator.execution.step-timeout-seconds}, {@code step-retry-attempts}).
 */
public record StepDefaults(int timeoutSeconds, int retryAttempts) {
}

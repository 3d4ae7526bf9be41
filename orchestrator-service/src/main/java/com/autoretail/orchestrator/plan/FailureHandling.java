package com.autoretail.orchestrator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a workflow does when a step fails: {@code retry} it (then abort the workflow), {@code skip} it and go on,
 * or {@code abort} at once.
 */
public enum FailureHandling {
    RETRY, SKIP, ABORT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FailureHandling fromWire(String value) {
        return value == null ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

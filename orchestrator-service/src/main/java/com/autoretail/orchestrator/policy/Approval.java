package com.autoretail.orchestrator.policy;

import com.autoretail.common.security.Caller;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workflow's approval, kept in its journal entry: what waits ({@code steps}), for whom ({@code required_role}),
 * until when, which steps ran before it ({@code run_first}: read-only steps whose dependencies are read-only too, so
 * that the approver sees real data), and the audit trail of every decision with what the decider saw.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Approval(
        State state,
        String requiredRole,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant requestedAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt,
        List<WaitingStep> steps,
        List<String> runFirst,
        List<AuditEntry> audit) {

    /** {@code pending} until someone decides or it expires. */
    public enum State {
        PENDING, APPROVED, REJECTED, EXPIRED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One entry of the audit trail.
     *
     * @param by       the caller's name ({@code system} for an expiry)
     * @param roles    the roles it held
     * @param decision {@code approved}, {@code rejected} or {@code expired}
     * @param seen     the waiting steps and their parameters as the decider was shown them
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditEntry(String by, List<String> roles, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant at,
                             State decision, String comment, List<WaitingStep> seen) {
    }

    public Approval {
        steps = steps == null ? List.of() : List.copyOf(steps);
        runFirst = runFirst == null ? List.of() : List.copyOf(runFirst);
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    public boolean expiredAt(Instant now) {
        return pending() && !now.isBefore(expiresAt);
    }

    /** The decision of a caller, recorded with what it saw. */
    public Approval decided(State decision, Caller caller, String comment, Instant at) {
        List<AuditEntry> trail = new ArrayList<>(audit);
        trail.add(new AuditEntry(caller.name(), caller.roles().stream().sorted().toList(), at, decision, comment,
                steps));
        return new Approval(decision, requiredRole, requestedAt, expiresAt, steps, runFirst, trail);
    }

    /** Nobody decided in time. */
    public Approval expired(Instant at) {
        List<AuditEntry> trail = new ArrayList<>(audit);
        trail.add(new AuditEntry("system", List.of(), at, State.EXPIRED,
                "nobody decided before " + expiresAt, steps));
        return new Approval(State.EXPIRED, requiredRole, requestedAt, expiresAt, steps, runFirst, trail);
    }

    /** What waits for whom, in one line for the summary. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (WaitingStep step : steps) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(step.stepId()).append(" (").append(step.serviceName()).append('.').append(step.operation());
            if (!step.rules().isEmpty()) {
                text.append(": ").append(String.join(", ", step.rules()));
            }
            text.append(')');
        }
        return text.toString();
    }
}

package com.autoretail.orchestrator.policy;

import com.autoretail.common.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy refuses a plan: {@code 403} when the caller's roles do not allow one of its operations, {@code 422}
 * when no caller may run it so (a test hook, {@code skip} on a side effect that must not be skipped). Nothing ran.
 * Each error names the step and the rule.
 */
public class PolicyRefusal extends ProblemException {

    /** One refused step: its id, the rule that refuses it and why. */
    public record Violation(String stepId, String rule, String reason) {

        String text() {
            return "step " + stepId + ": " + reason + " (rule " + rule + ")";
        }
    }

    private final boolean forbidden;
    private final List<Violation> violations;

    PolicyRefusal(boolean forbidden, List<Violation> violations) {
        super((forbidden ? "The caller's roles do not allow this plan: " : "The operation policy refuses this plan: ")
                + violations.getFirst().text(), null);
        this.forbidden = forbidden;
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public HttpStatus status() {
        return forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY;
    }

    @Override
    public String title() {
        return forbidden ? "Operation not allowed" : "Refused by the operation policy";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("error_code", forbidden ? "OPERATION_NOT_ALLOWED" : "POLICY_REFUSED");
        properties.put("errors", violations.stream().map(Violation::text).toList());
        properties.put("rules", violations.stream().map(Violation::rule).distinct().toList());
        return properties;
    }
}

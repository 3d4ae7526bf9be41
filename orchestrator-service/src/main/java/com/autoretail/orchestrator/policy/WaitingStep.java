package com.autoretail.orchestrator.policy;

import com.autoretail.common.wire.RiskTier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * A step that waits for the approval, as the approver sees it: what it will call with which parameters (a reference
 * to an earlier step's result stays as written), its risk tier, and the rules that made the workflow wait (empty for
 * a step that waits only because it comes after, or is not read-only).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitingStep(String stepId, String serviceName, String operation, Map<String, Object> parameters,
                          RiskTier risk, List<String> rules) {

    public WaitingStep {
        parameters = parameters == null ? Map.of() : parameters;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

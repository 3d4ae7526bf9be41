package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes the completed side effects of an aborted workflow, the last completed first, through each
 * operation's declared {@code compensation} ({@code reserve_parts} → {@code release_reservation},
 * {@code create_hold} → {@code release_hold}, {@code create_payment_link} → {@code cancel_payment_link}).
 * The compensation's required parameters are taken from the step's result by name (e.g. {@code reservation_id}),
 * else from the step's own parameters.
 */
public class Compensator {

    private static final Logger log = LoggerFactory.getLogger(Compensator.class);
    private static final int ATTEMPTS = 3;

    private final StepCaller caller;
    private final int timeoutSeconds;

    public Compensator(StepCaller caller, int timeoutSeconds) {
        this.caller = caller;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** @return the ids of the steps that were compensated */
    List<String> undo(WorkflowExecutor.Run run, ServiceCatalog catalog) {
        List<String> compensated = new ArrayList<>();
        for (ExecutionStep step : run.completedNewestFirst()) {
            OperationSpec spec = catalog.operation(step.serviceName(), step.operation()).orElse(null);
            if (spec == null || !spec.sideEffects() || spec.compensation() == null) {
                continue;
            }
            StepResult.Compensation undo = compensate(run, step, spec.compensation(), catalog);
            run.compensated(step.stepId(), undo);
            if (undo.success()) {
                compensated.add(step.stepId());
            } else {
                log.error("Could not compensate step {} with {}: {}", step.stepId(), spec.compensation(), undo.error());
            }
        }
        return compensated;
    }

    private StepResult.Compensation compensate(WorkflowExecutor.Run run, ExecutionStep step, String operation,
                                               ServiceCatalog catalog) {
        OperationSpec compensation = catalog.operation(step.serviceName(), operation).orElse(null);
        if (compensation == null) {
            return new StepResult.Compensation(operation, false, null,
                    step.serviceName() + " does not offer " + operation + " now");
        }
        Map<String, Object> parameters = parameters(compensation, run.resultOf(step.stepId()), step.parameters());
        AgentServiceRequest request = new AgentServiceRequest(run.requestId() + ":" + step.stepId() + ":compensate",
                operation, parameters, run.context(), timeoutSeconds, null);
        AgentServiceResponse response = caller.call(step.serviceName(), request, ATTEMPTS).response();
        return new StepResult.Compensation(operation, response.success(), response.result(), response.error());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(OperationSpec compensation, Object result,
                                                  Map<String, Object> stepParameters) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Object required = compensation.parameters().get("required");
        if (!(required instanceof List<?> names)) {
            return parameters;
        }
        Map<String, Object> fromResult = result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        for (Object name : names) {
            String key = String.valueOf(name);
            Object value = fromResult.containsKey(key) ? fromResult.get(key) : stepParameters.get(key);
            if (value != null) {
                parameters.put(key, value);
            }
        }
        return parameters;
    }
}

package com.autoretail.bench.dag;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan, as an executor needs it.
 *
 * @param id             the step's id, unique in its plan
 * @param service        the service key of the agent that runs it ({@code repair_orders}, {@code parts}, ...)
 * @param operation      the agent operation
 * @param parameters     the operation's parameters, as the plan gives them
 * @param dependencies   the ids of the steps that must have succeeded before it starts
 * @param timeoutSeconds what the step may take, sent to the agent as the request's {@code timeout}
 */
public record DagStep(String id, String service, String operation, Map<String, Object> parameters,
                      List<String> dependencies, int timeoutSeconds) {

    public DagStep {
        parameters = Map.copyOf(parameters);
        dependencies = List.copyOf(dependencies);
    }
}

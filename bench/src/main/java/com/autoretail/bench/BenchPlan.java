package com.autoretail.bench;

import com.autoretail.bench.dag.DagStep;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The benchmarks' 4-step plan, the example plan's DAG with side effects that never run out (see
 * {@code bench/parallel-plan.json}): validate_ro_1 ∥ validate_part_1, then assign_technician_1 (after both) and
 * create_payment_1 (after validate_ro_1). Sent to {@code POST /execute-plan} under a fresh request_id each time.
 */
final class BenchPlan {

    /** A step: its id, operation and dependencies. */
    record Step(String id, String operation, List<String> dependencies) {
    }

    /** A workflow that succeeded: its wall time as the client saw it, each step's own time, in seconds. */
    record Run(double wallSeconds, Map<String, Double> stepSeconds) {
    }

    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() { };

    private final ObjectMapper mapper;
    private final JsonNode plan;
    private final List<Step> steps;
    private final String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong sequence = new AtomicLong();

    BenchPlan(ObjectMapper mapper) {
        this.mapper = mapper;
        try (InputStream json = BenchPlan.class.getResourceAsStream("/bench/parallel-plan.json")) {
            this.plan = mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Step> read = new ArrayList<>();
        for (JsonNode step : plan.get("execution_steps")) {
            List<String> dependencies = new ArrayList<>();
            step.get("dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
            read.add(new Step(step.get("step_id").asText(), step.get("operation").asText(), dependencies));
        }
        this.steps = List.copyOf(read);
    }

    List<Step> steps() {
        return steps;
    }

    /** The steps as the peer executors run them: service, operation, parameters, dependencies, timeout. */
    List<DagStep> dagSteps() {
        List<DagStep> dagSteps = new ArrayList<>();
        for (JsonNode step : plan.get("execution_steps")) {
            List<String> dependencies = new ArrayList<>();
            step.get("dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
            Map<String, Object> parameters = mapper.convertValue(step.get("parameters"), PARAMETERS);
            dagSteps.add(new DagStep(step.get("step_id").asText(), step.get("service_name").asText(),
                    step.get("operation").asText(), parameters, dependencies, step.get("timeout_seconds").asInt()));
        }
        return dagSteps;
    }

    /** The steps' services' operations, by step id: {@code service.operation}. */
    Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        plan.get("execution_steps").forEach(step -> services.put(step.get("step_id").asText(),
                step.get("service_name").asText()));
        return services;
    }

    /**
     * Runs a new workflow of the plan through the orchestrator's {@code /execute-plan}; empty unless it succeeded
     * with every step completed.
     */
    Optional<Run> run(FleetHttp http, String orchestrator) throws IOException, InterruptedException {
        return run(http, orchestrator, nextRequestId());
    }

    /** As {@link #run(FleetHttp, String)}, under a request_id the caller took from {@link #nextRequestId()}. */
    Optional<Run> run(FleetHttp http, String orchestrator, String requestId) throws IOException, InterruptedException {
        long start = System.nanoTime();
        FleetHttp.Answer answer = http.post(orchestrator + "/execute-plan", request(requestId));
        double wall = (System.nanoTime() - start) / 1e9;
        if (!answer.ok()) {
            return Optional.empty();
        }
        JsonNode response = http.json(answer);
        Map<String, Double> steps = stepSeconds(response);
        if (!response.path("success").asBoolean() || steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Run(wall, steps));
    }

    /** A request_id no workflow of this run has had. */
    String nextRequestId() {
        return prefix + sequence.incrementAndGet();
    }

    /** The {@code /execute-plan} body of a new workflow. */
    private String request(String requestId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("request_id", requestId);
        body.set("workflow_plan", plan);
        body.put("user_request", "Benchmark plan: validate RO 1234 and part 1234, assign TECH001, send a payment link");
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps' {@code execution_time} in seconds from an orchestrator response; empty unless all completed. */
    private Map<String, Double> stepSeconds(JsonNode response) {
        Map<String, Double> seconds = new HashMap<>();
        JsonNode results = response.path("execution_results").path("steps");
        for (Step step : steps) {
            JsonNode result = results.path(step.id());
            if (!"completed".equals(result.path("status").asText())) {
                return Map.of();
            }
            seconds.put(step.id(), result.path("execution_time").asDouble());
        }
        return seconds;
    }

    /** The longest path through the DAG, each step weighing what {@code weight} says. */
    double criticalPath(ToDoubleFunction<Step> weight) {
        Map<String, Double> finish = new HashMap<>();
        double longest = 0;
        for (Step step : steps) {   // the plan lists every step after its dependencies
            double start = step.dependencies().stream().mapToDouble(finish::get).max().orElse(0);
            finish.put(step.id(), start + weight.applyAsDouble(step));
            longest = Math.max(longest, finish.get(step.id()));
        }
        return longest;
    }

    /** The sum of every step's weight: the time of an executor that runs one step at a time. */
    double sequential(ToDoubleFunction<Step> weight) {
        return steps.stream().mapToDouble(weight).sum();
    }
}

package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Undoes what an aborted workflow did, and does not give up at the first refusal. First the side effects whose
 * outcome is unknown are resolved: the step is sent again with its own request_id, and the agent answers the first
 * outcome (it never runs a side effect twice under one key); one that happened is then undone like the others.
 * Then the completed side effects are undone, the last completed first, through each operation's declared
 * {@code compensation} ({@code reserve_parts} → {@code release_reservation}, {@code create_hold} →
 * {@code release_hold}, {@code create_payment_link} → {@code cancel_payment_link}), its required parameters taken
 * from the step's result by name, else from the step's own parameters. Every call is retried with backoff past the
 * service's circuit breaker (which is likely open: a workflow aborts because a service fails) until it succeeds or
 * its window ends; then the step {@code needs_attention}, in the workflow, the log and the metric
 * {@code orchestrator.compensations}. A completed side effect without a compensation is listed as not undone.
 * Every attempt is written to the journal, so another orchestrator goes on from there.
 */
public class Compensator {

    private static final Logger log = LoggerFactory.getLogger(Compensator.class);

    private final AgentClient client;
    private final CompensationPolicy policy;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    static final String OBSERVATION = "workflow.compensation";
    static final String STEP_OBSERVATION = "workflow.compensation.step";

    /**
     * How compensations and resolutions are tried.
     *
     * @param timeoutSeconds the timeout of one call
     * @param retryFor       how long one step's compensation is retried before it needs attention
     * @param firstBackoff   the wait after the first failed try; it doubles up to {@code maxBackoff}
     */
    public record CompensationPolicy(int timeoutSeconds, Duration retryFor, Duration firstBackoff,
                                     Duration maxBackoff) {
    }

    public Compensator(AgentClient client, CompensationPolicy policy, MeterRegistry meters) {
        this(client, policy, meters, ObservationRegistry.NOOP);
    }

    /**
     * @param observations the undo of an aborted workflow is a span ({@value #OBSERVATION}), each step's compensation
     *                     and each resolution of a step in doubt one under it ({@value #STEP_OBSERVATION})
     */
    public Compensator(AgentClient client, CompensationPolicy policy, MeterRegistry meters,
                       ObservationRegistry observations) {
        this.observations = observations;
        this.client = client;
        this.policy = policy;
        this.meters = meters;
    }

    void undo(WorkflowRun run, ServiceCatalog catalog) {
        Observation.createNotStarted(OBSERVATION, observations).contextualName("compensate")
                .highCardinalityKeyValue("workflow_id", run.requestId())
                .observe(() -> undoObserved(run, catalog));
    }

    private void undoObserved(WorkflowRun run, ServiceCatalog catalog) {
        for (String stepId : run.inDoubt()) {
            if (sideEffect(run.step(stepId), catalog) != null) {
                observeStep("resolve", run, stepId, () -> resolve(run, stepId));
            }
        }
        for (String stepId : run.completedNewestFirst()) {
            StepResult done = run.outcome(stepId);
            OperationSpec spec = sideEffect(run.step(stepId), catalog);
            if (spec == null || done.status() == StepResult.Status.COMPENSATED
                    || (done.compensation() != null && done.compensation().needsAttention())) {
                continue;
            }
            if (spec.compensation() == null) {
                log.warn("Step {} ({}) has no compensation: it stays done", stepId, spec.name());
                run.notUndone(stepId);
                run.write();
                continue;
            }
            observeStep(spec.compensation(), run, stepId,
                    () -> compensate(run, stepId, spec.compensation(), catalog));
        }
    }

    private void observeStep(String action, WorkflowRun run, String stepId, Runnable work) {
        ExecutionStep step = run.step(stepId);
        Observation.createNotStarted(STEP_OBSERVATION, observations)
                .contextualName(action + " " + stepId)
                .lowCardinalityKeyValue("service", step.serviceName())
                .lowCardinalityKeyValue("operation", action)
                .highCardinalityKeyValue("step_id", stepId)
                .observe(work);
    }

    /** Finds out whether a step of unknown outcome happened, by sending it again under its own request_id. */
    private void resolve(WorkflowRun run, String stepId) {
        ExecutionStep step = run.step(stepId);
        StepResult doubt = run.outcome(stepId);
        Map<String, Object> parameters;
        try {
            parameters = StepReferences.resolve(step.parameters(), run.results());
        } catch (StepReferences.UnresolvedReference e) {
            run.update(stepId, doubt.resolved(false, null, e.getMessage()));   // never sent
            run.write();
            return;
        }
        AgentServiceRequest request = new AgentServiceRequest(
                WorkflowExecutor.stepRequestId(run.requestId(), stepId), step.operation(), parameters,
                run.context(), policy.timeoutSeconds(), null);
        Tried tried = untilSettled(run, step.serviceName(), request, attempt -> { });
        if (tried.reply().inDoubt() || tried.reply().response().errorCode() != null
                && tried.reply().response().errorCode().retryable()) {
            String why = "its outcome is unknown after " + tried.attempts() + " tries to find out: "
                    + tried.reply().response().error();
            log.error("Step {} needs attention: {}", stepId, why);
            run.update(stepId, doubt.unresolved(why));
            run.needsAttention(stepId);
            count("unresolved");
        } else {
            AgentServiceResponse response = tried.reply().response();
            run.update(stepId, doubt.resolved(response.success(), response.result(), response.error()));
        }
        run.write();
    }

    private void compensate(WorkflowRun run, String stepId, String operation, ServiceCatalog catalog) {
        ExecutionStep step = run.step(stepId);
        StepResult done = run.outcome(stepId);
        OperationSpec compensation = catalog.operation(step.serviceName(), operation).orElse(null);
        Map<String, Object> parameters = compensation == null ? Map.of()
                : parameters(compensation, done.result(), step.parameters());
        AgentServiceRequest request = new AgentServiceRequest(
                WorkflowExecutor.stepRequestId(run.requestId(), stepId) + ":compensate", operation, parameters,
                run.context(), policy.timeoutSeconds(), null);
        Tried tried = untilSettled(run, step.serviceName(), request, attempt -> {
            run.update(stepId, done.withCompensation(new StepResult.Compensation(operation, false, null,
                    attempt.reply().response().error(), attempt.attempts(), false)));
            run.write();
        });
        AgentServiceResponse response = tried.reply().response();
        boolean undone = response.success();
        StepResult.Compensation outcome = new StepResult.Compensation(operation, undone, response.result(),
                response.error(), tried.attempts(), !undone);
        run.update(stepId, done.withCompensation(outcome));
        if (undone) {
            run.compensated(stepId);
            count("done");
        } else {
            log.error("Could not undo step {} with {} after {} tries: {}; it needs attention", stepId, operation,
                    tried.attempts(), response.error());
            run.needsAttention(stepId);
            count("needs_attention");
        }
        run.write();
    }

    private record Tried(AgentClient.Reply reply, int attempts) {
    }

    /** Calls until the answer is certain (a success or a failure that is not retryable) or the window ends. */
    private Tried untilSettled(WorkflowRun run, String service, AgentServiceRequest request,
                               Consumer<Tried> afterFailedTry) {
        Instant giveUp = Instant.now().plus(policy.retryFor());
        Duration backoff = policy.firstBackoff();
        Duration timeout = Duration.ofSeconds(policy.timeoutSeconds()).plusSeconds(2);
        int attempts = 0;
        while (true) {
            attempts++;
            AgentClient.Reply reply = client.execute(service, request, timeout);
            AgentServiceResponse response = reply.response();
            boolean settled = response.success() || !reply.inDoubt() && !response.errorCode().retryable();
            if (settled || Instant.now().plus(backoff).isAfter(giveUp)) {
                return new Tried(reply, attempts);
            }
            afterFailedTry.accept(new Tried(reply, attempts));
            sleep(backoff, run);
            backoff = backoff.multipliedBy(2).compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    private static void sleep(Duration backoff, WorkflowRun run) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbandoned(run.requestId(), "interrupted");
        }
    }

    private static OperationSpec sideEffect(ExecutionStep step, ServiceCatalog catalog) {
        return catalog.operation(step.serviceName(), step.operation()).filter(OperationSpec::sideEffects)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(OperationSpec compensation, Object result,
                                                  Map<String, Object> stepParameters) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!(compensation.parameters().get("required") instanceof List<?> names)) {
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

    private void count(String outcome) {
        meters.counter("orchestrator.compensations", "outcome", outcome).increment();
    }
}

package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.validation.ValidatedPlan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link ValidatedPlan} as a DAG: every step whose dependencies completed starts at once on a virtual thread,
 * so a workflow takes the time of its critical path. A failed step is handled by its {@code failure_handling}:
 * {@code skip} records it and goes on (its dependents are skipped), {@code retry} (after its retries) and
 * {@code abort} stop the workflow: no new step starts, running ones finish, and completed side effects are
 * compensated in reverse order.
 */
public class WorkflowExecutor {

    private static final Logger log = LoggerFactory.getLogger(WorkflowExecutor.class);

    private final StepCaller caller;
    private final Compensator compensator;
    private final ExecutorService workers;
    private final MeterRegistry meters;

    private record Finished(String stepId, StepResult result) {
    }

    public WorkflowExecutor(StepCaller caller, Compensator compensator, ExecutorService workers,
                            MeterRegistry meters) {
        this.caller = caller;
        this.compensator = compensator;
        this.workers = workers;
        this.meters = meters;
    }

    /**
     * @param catalog  the capabilities the plan was made with (for the compensations)
     * @param progress told the results so far each time a step finishes
     */
    public ExecutionResults execute(String requestId, ValidatedPlan plan, Map<String, Object> context,
                                    ServiceCatalog catalog, Consumer<ExecutionResults> progress) {
        Run run = new Run(requestId, plan.plan(), context);
        run.launchReady();
        while (run.running > 0) {
            Finished finished = run.next();
            run.record(finished);
            if (!run.aborted) {
                run.launchReady();
            }
            progress.accept(run.results(List.of()));
        }
        run.settleUnstarted();
        List<String> compensated = run.aborted ? compensator.undo(run, catalog) : List.of();
        return run.results(compensated);
    }

    /** The state of one workflow run; touched only by the thread that runs {@link #execute}. */
    final class Run {
        private final String requestId;
        private final Map<String, Object> context;
        private final Map<String, ExecutionStep> steps = new LinkedHashMap<>();
        private final Map<String, StepResult> outcomes = new LinkedHashMap<>();
        private final Map<String, Object> resultsById = new LinkedHashMap<>();
        private final List<String> completionOrder = new ArrayList<>();
        private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        private final Map<String, String> contextMdc = MDC.getCopyOfContextMap();
        private int running;
        private boolean aborted;
        private String abortedBy;

        Run(String requestId, WorkflowPlan plan, Map<String, Object> context) {
            this.requestId = requestId;
            this.context = context;
            plan.executionSteps().forEach(step -> steps.put(step.stepId(), step));
        }

        String requestId() {
            return requestId;
        }

        Map<String, Object> context() {
            return context;
        }

        /** Completed steps, the last completed first. */
        List<ExecutionStep> completedNewestFirst() {
            List<ExecutionStep> done = new ArrayList<>();
            for (int i = completionOrder.size() - 1; i >= 0; i--) {
                done.add(steps.get(completionOrder.get(i)));
            }
            return done;
        }

        Object resultOf(String stepId) {
            return resultsById.get(stepId);
        }

        void compensated(String stepId, StepResult.Compensation undo) {
            outcomes.put(stepId, outcomes.get(stepId).withCompensation(undo));
        }

        void launchReady() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (ExecutionStep step : steps.values()) {
                    if (outcomes.containsKey(step.stepId())) {
                        continue;
                    }
                    String blocker = failedDependency(step);
                    if (blocker != null) {
                        outcomes.put(step.stepId(), notRun(step, StepResult.Status.SKIPPED,
                                "skipped: dependency " + blocker + " did not complete"));
                        changed = true;
                    } else if (step.dependencies().stream().allMatch(completionOrder::contains)) {
                        outcomes.put(step.stepId(), null);
                        running++;
                        workers.submit(() -> finished.add(new Finished(step.stepId(), runStep(step))));
                    }
                }
            }
        }

        private String failedDependency(ExecutionStep step) {
            for (String dependency : step.dependencies()) {
                StepResult outcome = outcomes.get(dependency);
                if (outcome != null && outcome.status() != StepResult.Status.COMPLETED) {
                    return dependency;
                }
            }
            return null;
        }

        private StepResult runStep(ExecutionStep step) {
            if (contextMdc != null) {
                MDC.setContextMap(contextMdc);
            }
            MDC.put("step_id", step.stepId());
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            try {
                Map<String, Object> parameters;
                synchronized (resultsById) {
                    parameters = StepReferences.resolve(step.parameters(), resultsById);
                }
                // a validated plan names every step's timeout, retries and failure handling
                int attempts = step.failureHandling() == FailureHandling.ABORT ? 1 : step.retryAttempts() + 1;
                AgentServiceRequest request = new AgentServiceRequest(requestId + ":" + step.stepId(),
                        step.operation(), parameters, context, step.timeoutSeconds(), null);
                StepCaller.Outcome outcome = caller.call(step.serviceName(), request, attempts);
                return toResult(step, outcome.response(), outcome.attempts(), startedAt, start);
            } catch (StepReferences.UnresolvedReference e) {
                return new StepResult(StepResult.Status.FAILED, step.serviceName(), step.operation(), null,
                        e.getMessage(), ErrorCode.VALIDATION_ERROR, 0, startedAt, elapsed(start), null);
            } finally {
                MDC.remove("step_id");
            }
        }

        private StepResult toResult(ExecutionStep step, AgentServiceResponse response, int attempts,
                                    Instant startedAt, long start) {
            double seconds = elapsed(start);
            String outcome = response.success() ? "success" : response.errorCode().name();
            Timer.builder("orchestrator.step").tag("service", step.serviceName())
                    .tag("operation", step.operation()).tag("outcome", outcome)
                    .publishPercentileHistogram().register(meters)
                    .record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
            return new StepResult(response.success() ? StepResult.Status.COMPLETED : StepResult.Status.FAILED,
                    step.serviceName(), step.operation(), response.result(), response.error(),
                    response.errorCode(), attempts, startedAt, seconds, null);
        }

        Finished next() {
            try {
                return finished.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Workflow " + requestId + " interrupted", e);
            }
        }

        void record(Finished done) {
            running--;
            StepResult result = done.result();
            outcomes.put(done.stepId(), result);
            if (result.status() == StepResult.Status.COMPLETED) {
                synchronized (resultsById) {
                    resultsById.put(done.stepId(), result.result());
                }
                completionOrder.add(done.stepId());
                return;
            }
            ExecutionStep step = steps.get(done.stepId());
            FailureHandling policy = step.failureHandling();
            log.warn("Step {} ({}.{}) failed: {} {}", done.stepId(), step.serviceName(), step.operation(),
                    result.errorCode(), result.error());
            if (policy != FailureHandling.SKIP && !aborted) {
                aborted = true;
                abortedBy = done.stepId();
            }
        }

        /** Steps never started: skipped when a dependency failed, not run when the workflow aborted. */
        void settleUnstarted() {
            for (ExecutionStep step : steps.values()) {
                if (outcomes.get(step.stepId()) != null) {
                    continue;
                }
                String blocker = failedDependency(step);
                outcomes.put(step.stepId(), blocker != null
                        ? notRun(step, StepResult.Status.SKIPPED, "skipped: dependency " + blocker + " did not complete")
                        : notRun(step, StepResult.Status.NOT_RUN, "not run: the workflow aborted after step "
                        + abortedBy + " failed"));
            }
        }

        private StepResult notRun(ExecutionStep step, StepResult.Status status, String reason) {
            return new StepResult(status, step.serviceName(), step.operation(), null, reason, null, 0, null, 0,
                    null);
        }

        ExecutionResults results(List<String> compensated) {
            Map<String, StepResult> view = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            int completed = 0;
            for (String stepId : steps.keySet()) {
                StepResult outcome = outcomes.get(stepId);
                if (outcome == null) {
                    continue;
                }
                view.put(stepId, outcome);
                switch (outcome.status()) {
                    case COMPLETED -> completed++;
                    case FAILED -> failed.add(stepId);
                    case SKIPPED -> skipped.add(stepId);
                    default -> { }
                }
            }
            return new ExecutionResults(view, completed, steps.size(), failed, skipped, compensated, aborted);
        }

        private static double elapsed(long start) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}

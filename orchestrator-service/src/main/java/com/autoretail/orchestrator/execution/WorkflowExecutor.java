package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.validation.ValidatedPlan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link ValidatedPlan} as a DAG: every step whose dependencies completed starts at once on a virtual
 * thread, so a workflow takes the time of its critical path. A failed step is handled by its
 * {@code failure_handling}: {@code skip} records it and goes on (its dependents are skipped), {@code retry} (after
 * its retries) and {@code abort} stop the workflow: no new step or attempt starts, running ones finish, and
 * completed side effects are undone by the {@link Compensator}. The workflow deadline stops it the same way.
 * Every change is written to the journal before the next call goes out (a completed step that made nothing ready
 * waits for the next write), so another orchestrator can take the workflow over from there; every step ends with an
 * answer, whatever it throws.
 */
public class WorkflowExecutor {

    private static final Logger log = LoggerFactory.getLogger(WorkflowExecutor.class);

    private final StepCaller caller;
    private final Compensator compensator;
    private final ExecutorService workers;
    private final MeterRegistry meters;
    private final Map<String, Timer> stepTimers = new ConcurrentHashMap<>();
    private final ObservationRegistry observations;

    /** The span of one workflow step, from its start to its last attempt's answer. */
    public static final String STEP_OBSERVATION = "workflow.step";

    /** The timer of steps by service, operation and outcome (Prometheus {@code orchestrator_step_seconds}). */
    public static final String STEP_TIMER = "orchestrator.step";

    /** What a step's worker tells the thread that runs the workflow. */
    private sealed interface Message {
    }

    private record Finished(String stepId, StepResult result) implements Message {
    }

    /** A step is about to be called again: journaled before the call goes out, then {@code written} opens. */
    private record Retrying(String stepId, int attempt, String error, CountDownLatch written) implements Message {
    }

    /** How long a worker waits, at a time, for its retry to be journaled before it looks whether the run stopped. */
    private static final long RETRY_WRITE_WAIT_MS = 100;

    public WorkflowExecutor(StepCaller caller, Compensator compensator, ExecutorService workers,
                            MeterRegistry meters) {
        this(caller, compensator, workers, meters, ObservationRegistry.NOOP);
    }

    /** @param observations each step is a span ({@value #STEP_OBSERVATION}) over its attempts */
    public WorkflowExecutor(StepCaller caller, Compensator compensator, ExecutorService workers,
                            MeterRegistry meters, ObservationRegistry observations) {
        this.observations = observations;
        this.caller = caller;
        this.compensator = compensator;
        this.workers = workers;
        this.meters = meters;
    }

    /**
     * Runs the plan to its end, or goes on from {@code prior} (the journal's results of a workflow taken over).
     *
     * @param catalog  the capabilities the plan was made with (for the compensations)
     * @param deadline when the workflow stops waiting for its steps and aborts
     * @throws WorkflowAbandoned when another orchestrator took the workflow over meanwhile
     */
    public ExecutionResults execute(String requestId, ValidatedPlan plan, Map<String, Object> context,
                                    ServiceCatalog catalog, ExecutionResults prior, Instant deadline,
                                    ExecutionJournal journal) {
        return execute(requestId, plan, context, catalog, prior, deadline, journal, null);
    }

    /**
     * The same, starting only the steps of {@code mayStart} (all when null): a workflow that waits for an approval
     * runs its read-only steps first. When they are done and none failed, it stops there, the other steps not
     * started and without an outcome ({@link ExecutionResults#unstarted}); a failure among them aborts it as usual.
     */
    public ExecutionResults execute(String requestId, ValidatedPlan plan, Map<String, Object> context,
                                    ServiceCatalog catalog, ExecutionResults prior, Instant deadline,
                                    ExecutionJournal journal, Set<String> mayStart) {
        WorkflowRun run = new WorkflowRun(requestId, plan.plan(), context, prior, journal, mayStart);
        BlockingQueue<Message> finished = new LinkedBlockingQueue<>();
        AtomicBoolean stopped = new AtomicBoolean(run.aborted());
        try {
            return run(run, catalog, deadline, mayStart, finished, stopped);
        } catch (WorkflowAbandoned e) {
            stopped.set(true);   // no retry waits for a journal this run no longer writes
            throw e;
        }
    }

    private ExecutionResults run(WorkflowRun run, ServiceCatalog catalog, Instant deadline,
                                 Set<String> mayStart, BlockingQueue<Message> finished, AtomicBoolean stopped) {
        String requestId = run.requestId();
        int running = run.aborted() ? 0 : launch(run, finished, stopped);
        while (running > 0) {
            Message message = next(finished, deadline, requestId);
            if (message instanceof Retrying retrying) {
                try {
                    run.retrying(retrying.stepId(), retrying.attempt(), retrying.error());
                    run.write();
                } finally {
                    retrying.written().countDown();
                }
                continue;
            }
            Finished done = (Finished) message;
            if (done == null) {
                stopped.set(true);
                run.abort("the workflow deadline passed");
                run.stopRunning("the workflow deadline passed while the step ran; it may still happen");
                run.write();
                break;
            }
            running--;
            run.finished(done.stepId(), done.result());
            if (run.aborted()) {
                stopped.set(true);
                log.warn("Step {} failed ({} {}): the workflow stops", done.stepId(), done.result().errorCode(),
                        done.result().error());
            }
            // the steps it made ready start with one write that records its end too. A step that completed and made
            // nothing ready is recorded by the next write (a launch, an abort or the workflow's end), which always
            // comes before anything uses its result: one journal round trip less per such step. Should this
            // orchestrator stop meanwhile, the step's call is sent again under its request_id and the agent answers
            // the first outcome. A failure is written at once.
            int launched = run.aborted() ? 0 : launch(run, finished, stopped);
            running += launched;
            boolean completed = done.result().status() == StepResult.Status.COMPLETED;
            if (launched == 0 && (run.aborted() || running > 0 && !completed)) {
                run.write();
            }
        }
        if (mayStart != null && !run.aborted()) {
            return run.snapshot();   // paused: what is left waits
        }
        if (run.settleUnstarted()) {
            run.write();
        }
        if (run.aborted()) {
            compensator.undo(run, catalog);
        }
        return run.snapshot();
    }

    /** Starts the steps that are ready, once the journal says they are running. */
    private int launch(WorkflowRun run, BlockingQueue<Message> finished, AtomicBoolean stopped) {
        List<ExecutionStep> ready = run.ready();
        if (ready.isEmpty()) {
            return 0;
        }
        run.write();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        for (ExecutionStep step : ready) {
            Instant startedAt = run.outcome(step.stepId()).startedAt();
            workers.submit(() -> {
                StepResult result = null;
                try {
                    if (logContext != null) {
                        MDC.setContextMap(logContext);
                    }
                    MDC.put("step_id", step.stepId());
                    result = observedStep(run, step, startedAt, stopped, finished);
                } catch (Throwable e) {
                    log.error("Step {} failed in the orchestrator", step.stepId(), e);
                    result = failed(step, startedAt, "the orchestrator failed to run the step: " + e);
                } finally {
                    MDC.remove("step_id");
                    finished.add(new Finished(step.stepId(), result != null ? result
                            : failed(step, startedAt, "the step ended without a result")));
                }
            });
        }
        return ready.size();
    }

    private StepResult observedStep(WorkflowRun run, ExecutionStep step, Instant startedAt, AtomicBoolean stopped,
                                    BlockingQueue<Message> messages) {
        Observation observation = Observation.createNotStarted(STEP_OBSERVATION, observations)
                .contextualName("step " + step.stepId())
                .lowCardinalityKeyValue("service", step.serviceName())
                .lowCardinalityKeyValue("operation", step.operation())
                .highCardinalityKeyValue("step_id", step.stepId())
                .highCardinalityKeyValue("workflow_id", run.requestId());
        return observation.observe(() -> {
            StepResult result = runStep(run, step, startedAt, stopped, messages);
            observation.lowCardinalityKeyValue("status", result.status().name().toLowerCase(Locale.ROOT));
            observation.highCardinalityKeyValue("attempts", String.valueOf(result.attempts()));
            if (result.error() != null) {
                observation.highCardinalityKeyValue("error", result.error());
            }
            return result;
        });
    }

    private StepResult runStep(WorkflowRun run, ExecutionStep step, Instant startedAt, AtomicBoolean stopped,
                               BlockingQueue<Message> messages) {
        long start = System.nanoTime();
        Map<String, Object> parameters;
        try {
            parameters = StepReferences.resolve(step.parameters(), run.results());
        } catch (StepReferences.UnresolvedReference e) {
            return new StepResult(StepResult.Status.FAILED, step.serviceName(), step.operation(), null,
                    e.getMessage(), ErrorCode.VALIDATION_ERROR, 0, startedAt, elapsed(start), false, null);
        }
        // a validated plan names every step's timeout, retries and failure handling
        int attempts = step.failureHandling() == FailureHandling.ABORT ? 1 : step.retryAttempts() + 1;
        AgentServiceRequest request = new AgentServiceRequest(stepRequestId(run.requestId(), step.stepId()),
                step.operation(), parameters, run.context(), step.timeoutSeconds(), null);
        StepCaller.Outcome outcome = caller.call(step.serviceName(), request, attempts, stopped::get,
                (attempt, error) -> journalRetry(messages, step.stepId(), attempt, error, stopped));
        double seconds = elapsed(start);
        boolean success = outcome.response().success();
        stepTimer(step, success ? "success" : outcome.response().errorCode().name())
                .record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
        return new StepResult(success ? StepResult.Status.COMPLETED : StepResult.Status.FAILED,
                step.serviceName(), step.operation(), outcome.response().result(), outcome.response().error(),
                outcome.response().errorCode(), outcome.attempts(), startedAt, seconds,
                !success && outcome.inDoubt(), null);
    }

    /** Has the retry journaled (by the thread that writes the run) before it goes out, unless the run stopped. */
    private static void journalRetry(BlockingQueue<Message> messages, String stepId, int attempt, String error,
                                     AtomicBoolean stopped) {
        CountDownLatch written = new CountDownLatch(1);
        messages.add(new Retrying(stepId, attempt, error, written));
        try {
            while (!written.await(RETRY_WRITE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The step timer of a service's operation and outcome, registered once, not looked up on every step. */
    private Timer stepTimer(ExecutionStep step, String outcome) {
        return stepTimers.computeIfAbsent(step.serviceName() + '.' + step.operation() + ':' + outcome,
                key -> Timer.builder(STEP_TIMER).tag("service", step.serviceName())
                        .tag("operation", step.operation())
                        .tag("outcome", outcome)
                        .publishPercentileHistogram().register(meters));
    }

    /** The request_id of a step's calls, on every attempt and after a takeover: the key of its side effect. */
    static String stepRequestId(String requestId, String stepId) {
        return requestId + ":" + stepId;
    }

    private static StepResult failed(ExecutionStep step, Instant startedAt, String why) {
        // nothing says whether the call went out: in doubt, so that an undo finds out first
        return new StepResult(StepResult.Status.FAILED, step.serviceName(), step.operation(), null, why,
                ErrorCode.INTERNAL, 0, startedAt, WorkflowRun.elapsedSince(startedAt), true, null);
    }

    private static Message next(BlockingQueue<Message> finished, Instant deadline, String requestId) {
        try {
            long wait = Duration.between(Instant.now(), deadline).toMillis();
            return wait <= 0 ? finished.poll() : finished.poll(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbandoned(requestId, "interrupted");
        }
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

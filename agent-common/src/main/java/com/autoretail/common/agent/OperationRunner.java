package com.autoretail.common.agent;

import com.autoretail.common.idempotency.Fingerprint;
import com.autoretail.common.idempotency.IdempotencyRecord;
import com.autoretail.common.idempotency.IdempotencyStore;
import com.autoretail.common.idempotency.StoreFullException;
import com.autoretail.common.mcp.ToolCalls;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one {@code /execute} request through the agent contract: defaults, operation lookup, parameter
 * validation, idempotency by request_id for side effects, the timeout, the envelope and the metrics.
 */
public class OperationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);
    private static final Duration REPLAY_POLL = Duration.ofMillis(25);
    private static final int MAX_REQUEST_ID_LENGTH = 200;
    /** The observation (span and timer) of one operation. */
    public static final String OBSERVATION = "agent.execute";
    /** Counts side effects answered from the idempotency store instead of being run again. */
    public static final String REPLAYS = "idempotency.replays";

    private final BaseAgentService agent;
    private final IdempotencyStore idempotency;
    private final ExecutionLimits limits;
    private final ExecutorService workers;
    private final MeterRegistry meters;
    /** The operation timer of each operation and outcome, registered once rather than looked up on every call. */
    private final ConcurrentMap<String, ConcurrentMap<String, Timer>> timers = new ConcurrentHashMap<>();
    private final ObservationRegistry observations;

    public OperationRunner(BaseAgentService agent, IdempotencyStore idempotency, ExecutionLimits limits,
                           ExecutorService workers, MeterRegistry meters) {
        this(agent, idempotency, limits, workers, meters, ObservationRegistry.NOOP);
    }

    /**
     * @param observations every operation is observed as {@value #OBSERVATION}: a span named
     *                     {@code <service> <operation>} under the request's server span, around validation,
     *                     idempotency and the work
     */
    public OperationRunner(BaseAgentService agent, IdempotencyStore idempotency, ExecutionLimits limits,
                           ExecutorService workers, MeterRegistry meters, ObservationRegistry observations) {
        this.observations = observations;
        this.agent = agent;
        this.idempotency = idempotency;
        this.limits = limits;
        this.workers = workers;
        this.meters = meters;
    }

    /** Fills in a missing request_id and timeout. */
    public AgentServiceRequest withDefaults(AgentServiceRequest request) {
        AgentServiceRequest filled = request;
        if (filled.requestId() == null || filled.requestId().isBlank()) {
            filled = filled.withRequestId(UUID.randomUUID().toString());
        }
        if (filled.timeout() == null) {
            filled = filled.withTimeout((int) limits.defaultTimeout().toSeconds());
        }
        return filled;
    }

    public AgentServiceResponse execute(AgentServiceRequest raw) {
        AgentServiceRequest request = withDefaults(raw);
        String service = agent.info().serviceName();
        String operation = agent.operation(request.operation()).map(OperationSpec::name).orElse("unknown");
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName(service + " " + operation)
                .lowCardinalityKeyValue("service", service)
                .lowCardinalityKeyValue("operation", operation)
                .highCardinalityKeyValue("request_id", request.requestId());
        return observation.observe(() -> {
            AgentServiceResponse response = executeObserved(request);
            observation.lowCardinalityKeyValue("outcome", outcome(response));
            if (!response.success()) {
                observation.highCardinalityKeyValue("error", String.valueOf(response.error()));
            }
            return response;
        });
    }

    private AgentServiceResponse executeObserved(AgentServiceRequest request) {
        long start = System.nanoTime();
        MDC.put("request_id", request.requestId());
        MDC.put("operation", String.valueOf(request.operation()));
        Envelope envelope = new Envelope(request, agent.info().serviceName(), start);
        try {
            AgentServiceResponse response;
            try {
                response = run(request, envelope);
            } catch (RuntimeException e) {
                response = envelope.failure(e);
            }
            record(request.operation(), response, start);
            return response;
        } finally {
            MDC.remove("request_id");
            MDC.remove("operation");
        }
    }

    private AgentServiceResponse run(AgentServiceRequest request, Envelope envelope) {
        List<FieldError> requestErrors = checkRequest(request);
        if (!requestErrors.isEmpty()) {
            return envelope.invalid(requestErrors);
        }
        Optional<OperationSpec> spec = agent.operation(request.operation());
        if (spec.isEmpty()) {
            return envelope.failure(agent.unknownOperation(request.operation()));
        }
        envelope.source(spec.get().source().wireName());
        List<FieldError> errors = agent.validateOperation(request.operation(), request.parameters());
        if (!errors.isEmpty()) {
            return envelope.invalid(errors);
        }
        return spec.get().sideEffects() ? runOnce(request, envelope) : runWithTimeout(request, envelope);
    }

    private List<FieldError> checkRequest(AgentServiceRequest request) {
        // the request_id goes into logs and stores: bounded, printable
        if (request.requestId().length() > MAX_REQUEST_ID_LENGTH
                || request.requestId().chars().anyMatch(Character::isISOControl)) {
            return List.of(new FieldError("request_id", "must be at most " + MAX_REQUEST_ID_LENGTH
                    + " printable characters"));
        }
        if (request.operation() == null || request.operation().isBlank()) {
            return List.of(new FieldError("operation", "is required"));
        }
        long max = limits.maxTimeout().toSeconds();
        if (request.timeout() < 1 || request.timeout() > max) {
            return List.of(new FieldError("timeout", "must be between 1 and " + max + " seconds"));
        }
        return List.of();
    }

    /**
     * A side effect: claims the request_id so the operation runs once, whatever the replays and retries. A replay
     * of a finished request answers its response; a replay while it runs waits for it within its own timeout.
     */
    private AgentServiceResponse runOnce(AgentServiceRequest request, Envelope envelope) {
        String owner = UUID.randomUUID().toString();
        String fingerprint = Fingerprint.of(request.operation(), request.parameters());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(request.timeout());
        while (true) {
            Optional<IdempotencyRecord> found;
            try {
                found = idempotency.claim(request.requestId(), request.operation(), fingerprint, owner,
                        limits.lease(), limits.idempotencyRetention());
            } catch (StoreFullException e) {
                return envelope.failure(new AgentException(ErrorCode.OVERLOADED, "The agent has too many requests in "
                        + "flight to accept " + request.requestId() + " now; retry later"));
            }
            if (found.isEmpty()) {
                return runClaimed(request, envelope, owner);
            }
            IdempotencyRecord existing = found.get();
            if (!existing.sameRequestAs(request.operation(), fingerprint)) {
                String other = existing.operation().equals(request.operation())
                        ? "with other parameters" : "for operation " + existing.operation();
                return envelope.failure(new AgentException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "request_id "
                        + request.requestId() + " was already used " + other + "; send a new request_id"));
            }
            if (existing.completed()) {
                log.info("Replaying the stored response of request {}", request.requestId());
                meters.counter(REPLAYS, "service", agent.info().serviceName(), "operation", request.operation())
                        .increment();
                return existing.response().withMetadata("replayed", true);
            }
            if (System.nanoTime() > deadline) {
                return envelope.failure(new AgentException(ErrorCode.IN_PROGRESS, "request " + request.requestId()
                        + " is still being processed; retry later for its outcome"));
            }
            pause();
        }
    }

    /**
     * Runs a claimed side effect. Past the timeout the caller gets {@code TIMEOUT}, but work that has started is
     * not interrupted: an MCP call already sent may act anyway, so it is left to finish in the background, under a
     * renewed lease, and its real outcome completes the claim for the caller's retry.
     */
    private AgentServiceResponse runClaimed(AgentServiceRequest request, Envelope envelope, String owner) {
        AtomicBoolean started = new AtomicBoolean();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        CompletableFuture<AgentServiceResponse> work = CompletableFuture.supplyAsync(() -> {
            if (!started.compareAndSet(false, true)) {
                return null;
            }
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try (ToolCalls calls = ToolCalls.open(request.requestId())) {
                AgentServiceResponse response = invoke(request, envelope);
                settle(request, owner, response, calls.mayHaveActed());
                return response;
            }
        }, workers);
        keepLeased(request.requestId(), owner, work);
        try {
            return work.get(request.timeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            if (started.compareAndSet(false, true)) {
                idempotency.release(request.requestId(), owner);   // it never started: nothing happened
            }
            log.warn("Operation {} ran past its timeout of {} s; it goes on in the background", request.operation(),
                    request.timeout());
            return envelope.failure(new AgentException(ErrorCode.TIMEOUT, "Operation " + request.operation()
                    + " ran past its timeout of " + request.timeout() + " s; a retry with the same request_id gets "
                    + "its outcome"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return envelope.failure(new AgentException(ErrorCode.TIMEOUT, "Request interrupted"));
        } catch (ExecutionException e) {
            return envelope.failure(e.getCause());
        }
    }

    /** Renews the claim's lease until the work is done, so no one takes over work that is still running. */
    private void keepLeased(String requestId, String owner, CompletableFuture<?> work) {
        long every = Math.max(1, limits.lease().toMillis() / 3);
        workers.execute(() -> {
            while (!work.isDone()) {
                try {
                    work.get(every, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!idempotency.renew(requestId, owner, limits.lease())) {
                        log.warn("Request {} is no longer held by this agent: its lease ran out", requestId);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException | RuntimeException e) {
                    return;
                }
            }
        });
    }

    /** Without side effects: past the timeout the work is interrupted, as nothing it did needs finishing. */
    private AgentServiceResponse runWithTimeout(AgentServiceRequest request, Envelope envelope) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Future<AgentServiceResponse> work = workers.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try (ToolCalls calls = ToolCalls.open(request.requestId())) {
                return invoke(request, envelope);
            }
        });
        try {
            return work.get(request.timeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            log.warn("Operation {} ran past its timeout of {} s", request.operation(), request.timeout());
            return envelope.failure(new AgentException(ErrorCode.TIMEOUT,
                    "Operation " + request.operation() + " ran past its timeout of " + request.timeout() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return envelope.failure(new AgentException(ErrorCode.TIMEOUT, "Request interrupted"));
        } catch (ExecutionException e) {
            return envelope.failure(e.getCause());
        }
    }

    private AgentServiceResponse invoke(AgentServiceRequest request, Envelope envelope) {
        try {
            if (limits.simulatedLatency().isPositive()) {
                Thread.sleep(limits.simulatedLatency());   // benchmark-only: agent.simulated-latency
            }
            return envelope.success(agent.executeOperationImpl(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return envelope.failure(new AgentException(ErrorCode.TIMEOUT, "Operation cancelled"));
        } catch (Exception e) {
            return envelope.failure(e);
        }
    }

    /**
     * A final outcome is remembered. A retryable failure frees the request_id only when nothing can have
     * happened; when an MCP call may have acted the claim stays, in doubt, for the retry to take over and re-send
     * the same idempotency keys, which the dealer system answers with the first outcome.
     */
    private void settle(AgentServiceRequest request, String owner, AgentServiceResponse response,
                        boolean mayHaveActed) {
        if (response.success() || !response.errorCode().retryable()) {
            idempotency.complete(request.requestId(), owner, response, limits.idempotencyRetention());
        } else if (mayHaveActed) {
            log.warn("Request {} failed with {} after an MCP call that may have acted; its outcome is in doubt",
                    request.requestId(), response.errorCode());
            idempotency.abandon(request.requestId(), owner);
        } else {
            idempotency.release(request.requestId(), owner);
        }
    }

    private void record(String operation, AgentServiceResponse response, long start) {
        // an unknown operation's name is not a tag: the caller chose it, and tags must stay few
        String name = agent.operation(operation).map(OperationSpec::name).orElse("unknown");
        String outcome = outcome(response);
        timers.computeIfAbsent(name, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> Timer.builder("agent.operation")
                        .description("Operations executed by this agent")
                        .tag("operation", name)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(meters))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static String outcome(AgentServiceResponse response) {
        return response.success() ? "success" : String.valueOf(response.errorCode());
    }

    private static void pause() {
        try {
            Thread.sleep(REPLAY_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(ErrorCode.TIMEOUT, "Request interrupted");
        }
    }
}

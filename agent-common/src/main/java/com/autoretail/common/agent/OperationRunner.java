package com.autoretail.common.agent;

import com.autoretail.common.idempotency.IdempotencyRecord;
import com.autoretail.common.idempotency.IdempotencyStore;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    private final BaseAgentService agent;
    private final IdempotencyStore idempotency;
    private final ExecutionLimits limits;
    private final ExecutorService workers;
    private final MeterRegistry meters;

    public OperationRunner(BaseAgentService agent, IdempotencyStore idempotency, ExecutionLimits limits,
                           ExecutorService workers, MeterRegistry meters) {
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
        long start = System.nanoTime();
        AgentServiceRequest request = withDefaults(raw);
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
        return spec.get().sideEffects() ? runOnce(request, envelope) : runWithTimeout(request, envelope, null);
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

    /** A side effect: claims the request_id so the operation runs once, whatever the replays and retries. */
    private AgentServiceResponse runOnce(AgentServiceRequest request, Envelope envelope) {
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(request.timeout());
        Duration claimTtl = Duration.ofSeconds(request.timeout()).plus(limits.claimGrace());
        while (true) {
            Optional<IdempotencyRecord> found =
                    idempotency.claim(request.requestId(), request.operation(), owner, claimTtl);
            if (found.isEmpty()) {
                return runWithTimeout(request, envelope, owner);
            }
            IdempotencyRecord existing = found.get();
            if (!request.operation().equals(existing.operation())) {
                return envelope.failure(new AgentException(ErrorCode.CONFLICT, "request_id "
                        + request.requestId() + " was already used for operation " + existing.operation()));
            }
            if (existing.completed()) {
                log.info("Replaying the stored response of request {}", request.requestId());
                return existing.response().withMetadata("replayed", true);
            }
            if (System.nanoTime() > deadline) {
                return envelope.failure(new AgentException(ErrorCode.CONFLICT, "request " + request.requestId()
                        + " is still being processed; retry later"));
            }
            pause();
        }
    }

    private AgentServiceResponse runWithTimeout(AgentServiceRequest request, Envelope envelope, String owner) {
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean abandoned = new AtomicBoolean();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Future<AgentServiceResponse> work = workers.submit(() -> {
            if (!started.compareAndSet(false, true) || abandoned.get()) {
                return null;
            }
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            AgentServiceResponse response = invoke(request, envelope);
            if (owner != null) {
                settle(request, owner, response);
            }
            return response;
        });
        try {
            return work.get(request.timeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            work.cancel(true);
            if (owner != null && started.compareAndSet(false, true)) {
                idempotency.release(request.requestId(), owner);
            }
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

    /** A final outcome is remembered; a retryable failure frees the request_id so a retry runs it again. */
    private void settle(AgentServiceRequest request, String owner, AgentServiceResponse response) {
        if (response.success() || !response.errorCode().retryable()) {
            idempotency.complete(request.requestId(), owner, response, limits.idempotencyRetention());
        } else {
            idempotency.release(request.requestId(), owner);
        }
    }

    private void record(String operation, AgentServiceResponse response, long start) {
        Timer.builder("agent.operation")
                .description("Operations executed by this agent")
                .tag("operation", agent.operation(operation).map(OperationSpec::name).orElse("unknown"))
                .tag("outcome", response.success() ? "success" : response.errorCode().name())
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static void pause() {
        try {
            Thread.sleep(REPLAY_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(ErrorCode.TIMEOUT, "Request interrupted");
        }
    }

    /** Builds the response envelope of one request. */
    private static final class Envelope {
        private final AgentServiceRequest request;
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private final long start;

        Envelope(AgentServiceRequest request, String service, long start) {
            this.request = request;
            this.start = start;
            metadata.put("service", service);
            metadata.put("operation", request.operation());
            metadata.put("source", null);
            Object attempt = request.context().get("attempt");
            metadata.put("attempt", attempt instanceof Number n ? n.intValue() : 1);
            metadata.put("replayed", false);
        }

        void source(String source) {
            metadata.put("source", source);
        }

        AgentServiceResponse success(Object result) {
            return AgentServiceResponse.success(request.requestId(), result, elapsed(), Map.copyOf(nonNull()));
        }

        AgentServiceResponse invalid(List<FieldError> errors) {
            String message = "Invalid parameters for " + request.operation() + ": "
                    + String.join("; ", errors.stream().map(FieldError::toString).toList());
            return AgentServiceResponse.failure(request.requestId(), ErrorCode.VALIDATION_ERROR, message,
                    Map.of("errors", errors), elapsed(), nonNull());
        }

        AgentServiceResponse failure(Throwable failure) {
            if (failure instanceof AgentException e) {
                return AgentServiceResponse.failure(request.requestId(), e.code(), e.getMessage(), e.details(),
                        elapsed(), nonNull());
            }
            log.error("Operation {} failed (request_id {})", request.operation(), request.requestId(), failure);
            return AgentServiceResponse.failure(request.requestId(), ErrorCode.INTERNAL,
                    "Internal error; see the agent's log for request_id " + request.requestId(), null,
                    elapsed(), nonNull());
        }

        private Map<String, Object> nonNull() {
            Map<String, Object> copy = new LinkedHashMap<>();
            metadata.forEach((key, value) -> {
                if (value != null) {
                    copy.put(key, value);
                }
            });
            return copy;
        }

        private double elapsed() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}

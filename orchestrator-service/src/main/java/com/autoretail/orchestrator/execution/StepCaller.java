package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Calls one agent operation with the step's resilience: a read timeout per attempt (the step's timeout and a
 * grace for the agent to answer its own {@code TIMEOUT}), the service's circuit breaker (open → fails at once
 * with {@code UPSTREAM_UNAVAILABLE}; timeouts and 5xx count against it, 4xx never) and a retry with exponential
 * backoff and jitter for retryable failures only. Every attempt carries the same request_id, so the agent's
 * idempotency makes retries safe. No attempt starts once {@code stopped} says so (the workflow aborted).
 */
public class StepCaller {

    /** The final response, how many attempts were made, and whether the step may have happened all the same. */
    public record Outcome(AgentServiceResponse response, int attempts, boolean inDoubt) {
    }

    /** A retryable failure, thrown so that the breaker counts it and the retry sees it. */
    private static final class RetryableFailure extends RuntimeException {
        private final transient AgentClient.Reply reply;

        RetryableFailure(AgentClient.Reply reply) {
            super(reply.response().error(), null, false, false);
            this.reply = reply;
        }
    }

    /** No further attempt: the workflow stopped while the step waited for its next try. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** How long an attempt may run past the step's own timeout, for the agent to answer its TIMEOUT. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AgentClient client;
    private final CircuitBreakerRegistry breakers;
    private final Duration backoff;
    private final Map<Integer, Retry> retries = new ConcurrentHashMap<>();

    public StepCaller(AgentClient client, CircuitBreakerRegistry breakers, Duration backoff) {
        this.client = client;
        this.breakers = breakers;
        this.backoff = backoff;
    }

    /** Told before each call after the first: the attempt's number (2, 3...) and why the one before failed. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int attempt, String lastError);
    }

    public Outcome call(String service, AgentServiceRequest request, int maxAttempts, BooleanSupplier stopped) {
        return call(service, request, maxAttempts, stopped, (attempt, lastError) -> { });
    }

    /** The same, telling {@code retries} before every retry goes out (not when the workflow stopped meanwhile). */
    public Outcome call(String service, AgentServiceRequest request, int maxAttempts, BooleanSupplier stopped,
                        RetryListener retries) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<AgentClient.Reply> last = new AtomicReference<>();
        Retry retry = retries(maxAttempts);
        // the stop is checked outside the breaker: a workflow that stopped is not a failure of the service
        Supplier<AgentClient.Reply> guarded = CircuitBreaker.decorateSupplier(breakers.circuitBreaker(service),
                () -> attempt(service, request, attempts.incrementAndGet(), last));
        try {
            AgentClient.Reply reply = Retry.decorateSupplier(retry, () -> {
                if (stopped.getAsBoolean()) {
                    throw new Stopped();
                }
                AgentClient.Reply before = last.get();
                if (before != null) {
                    retries.retrying(attempts.get() + 1, before.response().error());
                }
                return guarded.get();
            }).get();
            return new Outcome(reply.response(), attempts.get(), false);
        } catch (RetryableFailure e) {
            return new Outcome(e.reply.response(), attempts.get(), inDoubt(last));
        } catch (CallNotPermittedException e) {
            return new Outcome(AgentClient.failure(request, ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Circuit breaker for service '" + service + "' is open: calls fail fast until it recovers"),
                    attempts.get(), inDoubt(last));
        } catch (Stopped e) {
            AgentClient.Reply before = last.get();
            AgentServiceResponse response = before != null ? before.response()
                    : AgentClient.failure(request, ErrorCode.TIMEOUT, "not attempted: the workflow stopped");
            return new Outcome(response, attempts.get(), inDoubt(last));
        }
    }

    /**
     * The retry of a number of attempts, made once: a Resilience4j {@link Retry} keeps no state of a call (each
     * decorated call gets a context of its own), so steps with the same number of attempts share one.
     */
    private Retry retries(int maxAttempts) {
        return retries.computeIfAbsent(Math.max(1, maxAttempts), attempts -> Retry.of("step-" + attempts,
                RetryConfig.custom()
                        .maxAttempts(attempts)
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(backoff, 2.0, 0.5))
                        .retryOnException(e -> e instanceof RetryableFailure)
                        .build()));
    }

    /** Whether some attempt may have done the work: an unknown outcome stays in doubt until a success. */
    private static boolean inDoubt(AtomicReference<AgentClient.Reply> last) {
        AgentClient.Reply reply = last.get();
        return reply != null && reply.inDoubt();
    }

    private AgentClient.Reply attempt(String service, AgentServiceRequest request, int attempt,
                                      AtomicReference<AgentClient.Reply> last) {
        Map<String, Object> context = new HashMap<>(request.context());
        context.put("attempt", attempt);
        AgentClient.Reply reply = client.execute(service, new AgentServiceRequest(request.requestId(),
                request.operation(), request.parameters(), context, request.timeout(), null),
                Duration.ofSeconds(request.timeout()).plus(GRACE));
        last.accumulateAndGet(reply, (before, now) -> before != null && before.inDoubt() && !now.response().success()
                ? new AgentClient.Reply(now.response(), true) : now);
        AgentServiceResponse response = reply.response();
        if (!response.success() && response.errorCode() != null && response.errorCode().retryable()) {
            throw new RetryableFailure(reply);
        }
        return reply;
    }
}

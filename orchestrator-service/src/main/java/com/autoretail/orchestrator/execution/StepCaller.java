package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls one agent operation with the step's resilience: a time limit per attempt, the service's circuit
 * breaker (open → fails at once with {@code UPSTREAM_UNAVAILABLE}) and a retry with exponential backoff and
 * jitter for retryable failures only. Every attempt carries the same request_id, so the agent's idempotency
 * makes retries safe.
 */
public class StepCaller {

    /** The final response and how many attempts it took. */
    public record Outcome(AgentServiceResponse response, int attempts) {
    }

    /** A retryable failure, thrown so that the breaker counts it and the retry sees it. */
    private static final class RetryableFailure extends RuntimeException {
        private final transient AgentServiceResponse response;

        RetryableFailure(AgentServiceResponse response) {
            super(response.error(), null, false, false);
            this.response = response;
        }
    }

    /** Seconds an attempt may run past the step's own timeout, for the agent to answer its TIMEOUT. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AgentClient client;
    private final CircuitBreakerRegistry breakers;
    private final ExecutorService workers;
    private final Duration backoff;

    public StepCaller(AgentClient client, CircuitBreakerRegistry breakers, ExecutorService workers,
                      Duration backoff) {
        this.client = client;
        this.breakers = breakers;
        this.workers = workers;
        this.backoff = backoff;
    }

    public Outcome call(String service, AgentServiceRequest request, int maxAttempts) {
        AtomicInteger attempts = new AtomicInteger();
        Duration timeout = Duration.ofSeconds(request.timeout());
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(timeout.plus(GRACE)).cancelRunningFuture(true).build());
        Retry retry = Retry.of(request.requestId(), RetryConfig.custom()
                .maxAttempts(Math.max(1, maxAttempts))
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(backoff, 2.0, 0.5))
                .retryOnException(e -> e instanceof RetryableFailure || e instanceof TimeoutException)
                .build());
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        try {
            AgentServiceResponse response = Decorators.ofCallable(() -> limiter.executeFutureSupplier(
                            () -> workers.submit(() -> attempt(service, request, attempts.incrementAndGet()))))
                    .withCircuitBreaker(breaker)
                    .withRetry(retry)
                    .call();
            return new Outcome(response, attempts.get());
        } catch (RetryableFailure e) {
            return new Outcome(e.response, attempts.get());
        } catch (CallNotPermittedException e) {
            return new Outcome(AgentClient.failure(request, ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Circuit breaker for service '" + service + "' is open: calls fail fast until it recovers"),
                    attempts.get());
        } catch (TimeoutException e) {
            return new Outcome(AgentClient.failure(request, ErrorCode.TIMEOUT,
                    service + "." + request.operation() + " did not answer within " + timeout.toSeconds() + " s"),
                    attempts.get());
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RetryableFailure failure) {
                return new Outcome(failure.response, attempts.get());
            }
            return new Outcome(AgentClient.failure(request, ErrorCode.UPSTREAM_ERROR,
                    "Calling " + service + " failed: " + cause.getMessage()), attempts.get());
        }
    }

    private AgentServiceResponse attempt(String service, AgentServiceRequest request, int attempt) {
        Map<String, Object> context = new HashMap<>(request.context());
        context.put("attempt", attempt);
        AgentServiceResponse response = client.execute(service, new AgentServiceRequest(request.requestId(),
                request.operation(), request.parameters(), context, request.timeout(), null));
        if (!response.success() && response.errorCode() != null && response.errorCode().retryable()) {
            throw new RetryableFailure(response);
        }
        return response;
    }
}

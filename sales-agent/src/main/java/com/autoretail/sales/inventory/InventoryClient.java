package com.autoretail.sales.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The inventory agent's REST API, as the integration guide's {@code inventory_client.py} offers it. Every call but the health
 * check goes through the circuit breaker {@code inventory}, inside the retry {@code inventory} (exponential
 * backoff); only {@link InventoryUnavailableException}s are retried and count as failures, a 4xx comes back as an
 * {@link InventoryRefusedException}. Stock reads are cached briefly and dropped for a SKU whenever this agent
 * changes its stock (a hold made, released or committed).
 *
 * <p>What is retried: reads; holds only with an idempotency key (a retried hold whose first answer was lost gets
 * the same hold back); releases and commits, which the inventory answers the same when repeated.
 */
public class InventoryClient {

    public static final String STOCK_CACHE = "inventory-stock";
    static final String IDEMPOTENCY_KEY = "X-Idempotency-Key";
    private static final int TOO_MANY_REQUESTS = 429;

    private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);
    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Cache stock;

    /** @param http a client on the inventory's base URL, with its timeouts */
    public InventoryClient(RestClient http, Retry retry, CircuitBreaker breaker, Cache stock) {
        this.http = http;
        this.retry = retry;
        this.breaker = breaker;
        this.stock = stock;
        retry.getEventPublisher().onRetry(event -> log.warn("Inventory call failed ({}); attempt {} of {} in {} ms",
                event.getLastThrowable() == null ? "?" : event.getLastThrowable().getMessage(),
                event.getNumberOfRetryAttempts() + 1, retry.getRetryConfig().getMaxAttempts(),
                event.getWaitInterval().toMillis()));
    }

    /** The body of {@code POST /hold}; the session is counted against the inventory's hold quota. */
    record HoldRequest(String sku, int quantity, String location, long ttl,
                       @JsonProperty("session_id") String sessionId) {
    }

    /** Whether the inventory agent answers its {@code /health} with a 2xx; once, without retry or breaker. */
    public boolean healthCheck() {
        try {
            http.get().uri("/health").retrieve().toBodilessEntity();
            return true;
        } catch (RestClientException e) {
            log.debug("Inventory health check failed: {}", e.getMessage());
            return false;
        }
    }

    /** A SKU's stock online and per store; from the cache when read moments ago. */
    public StockView getInventory(String sku) {
        Cache.ValueWrapper cached = stock.get(sku);
        if (cached != null && cached.get() instanceof StockView levels) {
            return levels;
        }
        StockView levels = resilient(() -> http.get().uri("/inventory/{sku}", sku).retrieve()
                .body(StockView.class));
        stock.put(sku, levels);
        return levels;
    }

    public Availability checkAvailability(String sku, int quantity, String location) {
        return resilient(() -> http.get()
                .uri(uri -> uri.path("/availability/{sku}").queryParam("quantity", quantity)
                        .queryParam("location", location).build(sku))
                .retrieve().body(Availability.class));
    }

    /**
     * Holds stock. With an idempotency key the call is retried, and the inventory answers a key it has seen with
     * that first hold, whatever its status now: check {@link HoldView#held()}.
     *
     * @param idempotencyKey sent as {@code X-Idempotency-Key}; null for none (then the call is not retried)
     * @param sessionId      the customer's session, whose hold quota the hold counts against; null for none
     */
    public HoldView createHold(String sku, int quantity, String location, Duration ttl, String idempotencyKey,
                               String sessionId) {
        HoldRequest body = new HoldRequest(sku, quantity, location, ttl.toSeconds(), sessionId);
        Supplier<HoldView> call = () -> http.post().uri("/hold")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set(IDEMPOTENCY_KEY, idempotencyKey);
                    }
                })
                .body(body).retrieve().body(HoldView.class);
        try {
            return idempotencyKey == null ? guarded(call) : resilient(call);
        } finally {
            stock.evict(sku);
        }
    }

    /** Gives a hold's stock back; repeating it is harmless. {@code sku} is the hold's, whose cached stock goes. */
    public HoldRelease releaseHold(String holdId, String sku) {
        try {
            return resilient(() -> http.delete().uri("/hold/{id}", holdId).retrieve().body(HoldRelease.class));
        } finally {
            stock.evict(sku);
        }
    }

    /** Makes a hold's sale final; repeating it is harmless. {@code sku} is the hold's, whose cached stock goes. */
    public HoldCommit commitHold(String holdId, String sku) {
        try {
            return resilient(() -> http.post().uri("/hold/{id}/commit", holdId).retrieve().body(HoldCommit.class));
        } finally {
            stock.evict(sku);
        }
    }

    /** Retry outside the circuit breaker: an open breaker fails at once and is not retried. */
    private <T> T resilient(Supplier<T> call) {
        return unwrap(() -> Decorators.ofSupplier(() -> answer(call)).withCircuitBreaker(breaker).withRetry(retry).get());
    }

    private <T> T guarded(Supplier<T> call) {
        return unwrap(() -> Decorators.ofSupplier(() -> answer(call)).withCircuitBreaker(breaker).get());
    }

    /**
     * A call's outcome, a refusal included: passed through the decorators as a value, a 4xx is a success for the
     * breaker and never retried, whatever the instances' exception lists say.
     */
    private record Answer<T>(T value, InventoryRefusedException refusal) {
    }

    private static <T> Answer<T> answer(Supplier<T> call) {
        try {
            return new Answer<>(send(call), null);
        } catch (InventoryRefusedException e) {
            return new Answer<>(null, e);
        }
    }

    private static <T> T unwrap(Supplier<Answer<T>> decorated) {
        Answer<T> answer;
        try {
            answer = decorated.get();
        } catch (CallNotPermittedException e) {
            throw new InventoryUnavailableException("the inventory's circuit breaker is open", e);
        }
        if (answer.refusal() != null) {
            throw answer.refusal();
        }
        return answer.value();
    }

    private static <T> T send(Supplier<T> call) {
        try {
            T answer = call.get();
            if (answer == null) {
                throw new InventoryUnavailableException("the inventory answered without a body", null);
            }
            return answer;
        } catch (RestClientResponseException e) {
            InventoryRefusedException refusal = e.getStatusCode().is4xxClientError() ? refused(e) : null;
            // a 429 other than a quota is the inventory asking to slow down: unavailable for now, retried
            if (refusal != null && (e.getStatusCode().value() != TOO_MANY_REQUESTS || refusal.quotaExceeded())) {
                throw refusal;
            }
            throw new InventoryUnavailableException("the inventory answered " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            String why = timedOut(e) ? "the inventory did not answer in time" : "the inventory is unreachable";
            throw new InventoryUnavailableException(why + ": " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new InventoryUnavailableException("unreadable answer from the inventory: " + e.getMessage(), e);
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static InventoryRefusedException refused(RestClientResponseException e) {
        Map<String, Object> problem;
        try {
            problem = e.getResponseBodyAs(PROBLEM);
        } catch (RuntimeException unreadable) {
            problem = null;
        }
        String detail = problem != null && problem.get("detail") instanceof String text ? text : e.getStatusText();
        Map<String, Object> details = problem != null && problem.get("details") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        String code = problem != null && problem.get("error_code") instanceof String text ? text : null;
        return new InventoryRefusedException(e.getStatusCode().value(), detail, details, code);
    }
}

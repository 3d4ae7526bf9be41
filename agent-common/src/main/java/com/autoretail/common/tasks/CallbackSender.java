package com.autoretail.common.tasks;

import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Optional;

/**
 * POSTs final responses to callback URLs through a Resilience4j retry with exponential backoff. A callback
 * that keeps failing is logged and given up: it never fails the task it reports on. The {@link CallbackPolicy} is
 * asked again just before sending (a name may resolve elsewhere than when the URL was accepted); only a 2xx answer
 * counts as delivered, and a redirect is never followed (its client is built not to).
 */
public class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final RestClient http;
    private final Retry retry;
    private final CallbackPolicy policy;

    public CallbackSender(RestClient http, Retry retry, CallbackPolicy policy) {
        this.http = http;
        this.retry = retry;
        this.policy = policy;
    }

    /** @return whether the callback was delivered (a 2xx answer) */
    public boolean send(String callbackUrl, Object body) {
        Optional<String> refusal = policy.refusal(callbackUrl);
        if (refusal.isPresent()) {
            log.warn("Not calling back {}: {}", callbackUrl, refusal.get());
            return false;
        }
        try {
            retry.executeRunnable(() -> http.post()
                    .uri(callbackUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .onStatus(status -> !status.is2xxSuccessful(), (request, response) -> {
                        throw new NotDelivered(response.getStatusCode());
                    })
                    .toBodilessEntity());
            return true;
        } catch (RuntimeException e) {
            log.warn("Giving up the callback to {} after {} attempts: {}", callbackUrl,
                    retry.getRetryConfig().getMaxAttempts(), e.getMessage());
            return false;
        }
    }

    /** An answer other than 2xx, a redirect included. */
    private static final class NotDelivered extends RuntimeException {
        NotDelivered(HttpStatusCode status) {
            super("answered " + status.value());
        }
    }
}

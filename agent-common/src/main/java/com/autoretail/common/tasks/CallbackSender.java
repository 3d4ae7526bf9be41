package com.autoretail.common.tasks;

import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * POSTs final responses to callback URLs through a Resilience4j retry with exponential backoff. A callback
 * that keeps failing is logged and given up: it never fails the task it reports on.
 */
public class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final RestClient http;
    private final Retry retry;

    public CallbackSender(RestClient http, Retry retry) {
        this.http = http;
        this.retry = retry;
    }

    /** @return whether the callback was delivered (a 2xx answer) */
    public boolean send(String callbackUrl, Object body) {
        try {
            retry.executeRunnable(() -> http.post()
                    .uri(callbackUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity());
            return true;
        } catch (RuntimeException e) {
            log.warn("Giving up the callback to {} after {} attempts: {}", callbackUrl,
                    retry.getRetryConfig().getMaxAttempts(), e.getMessage());
            return false;
        }
    }
}

package com.autoretail.orchestrator.registry;

import com.autoretail.common.wire.Capabilities;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Reads one agent instance's {@code /health} and {@code /capabilities}, bounded by the health-check timeout. */
public class AgentProbe {

    /** What one check found: health, the capabilities (the last known when they could not be read), why not. */
    public record Reading(boolean healthy, Capabilities capabilities, String error) {
    }

    private final RestClient http;

    /** @param http a client with the health-check timeouts and the agents' API key */
    public AgentProbe(RestClient http) {
        this.http = http;
    }

    public Reading read(String baseUrl, Capabilities known) {
        try {
            http.get().uri(baseUrl + "/health").retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            return new Reading(false, known, "health: " + e.getMessage());
        }
        try {
            Capabilities capabilities = http.get().uri(baseUrl + "/capabilities").retrieve().body(Capabilities.class);
            return new Reading(true, capabilities, null);
        } catch (RestClientException e) {
            return new Reading(known != null, known, "capabilities: " + e.getMessage());
        }
    }
}

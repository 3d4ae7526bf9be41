package com.autoretail.orchestrator.registry;

import com.autoretail.common.wire.Capabilities;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;

/**
 * What the registry knows of one instance of a service: its health at the last check and its capabilities.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceInstance(
        String url,
        Health status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant lastChecked,
        String error,
        Capabilities capabilities) {

    /** An instance's health as the orchestrator sees it. */
    public enum Health {
        HEALTHY, UNHEALTHY, UNKNOWN;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ServiceInstance unknown(String url) {
        return new ServiceInstance(url, Health.UNKNOWN, null, null, null);
    }

    public boolean healthy() {
        return status == Health.HEALTHY;
    }
}

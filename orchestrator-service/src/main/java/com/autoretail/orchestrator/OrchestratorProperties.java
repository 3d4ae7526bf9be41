package com.autoretail.orchestrator;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The orchestrator's settings, under {@code orchestrator.*}. Durations without a unit are seconds, as the
 * architecture document's variables are ({@code SERVICE_DISCOVERY_INTERVAL=30}).
 *
 * @param services           each service's key in plans and its instances' base URLs
 * @param discoveryInterval  how often every instance's health and capabilities are read
 * @param healthCheckTimeout bound of one health or capabilities call
 * @param agentApiKey        sent as {@code X-API-Key} to the agents when set
 * @param context            business context sent with every agent call (tenant, dealer, user)
 */
@Validated
@ConfigurationProperties("orchestrator")
public record OrchestratorProperties(
        Map<String, Service> services,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("30") Duration discoveryInterval,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration healthCheckTimeout,
        String agentApiKey,
        Map<String, String> context,
        @DefaultValue Execution execution,
        @DefaultValue Workflows workflows,
        @DefaultValue Callbacks callbacks) {

    public OrchestratorProperties {
        services = services == null ? Map.of() : services;
        context = context == null ? Map.of() : context;
    }

    /** @param urls base URLs of the service's instances, e.g. {@code http://localhost:8085} */
    public record Service(List<String> urls) {
        public Service {
            urls = urls == null ? List.of() : urls;
        }
    }

    /**
     * How steps are called.
     *
     * @param defaultTimeout       a step's timeout when the plan names none
     * @param defaultRetryAttempts a step's retries when the plan names none
     * @param retryBackoff         the first retry's wait; each next one doubles, with jitter
     */
    public record Execution(
            @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("30") Duration defaultTimeout,
            @DefaultValue("2") int defaultRetryAttempts,
            @DefaultValue("200ms") Duration retryBackoff) {
    }

    /**
     * Workflow records.
     *
     * @param store     {@code memory}, or {@code redis} so that several orchestrators share them
     * @param retention how long a finished workflow stays readable
     */
    public record Workflows(@DefaultValue("memory") String store, @DefaultValue("24h") Duration retention,
                            @Positive @DefaultValue("10000") long maxEntries) {
    }

    /** @param allowedHosts hosts a {@code callback_url} may point at (the fleet's own hosts by default) */
    public record Callbacks(@DefaultValue("localhost,127.0.0.1") List<String> allowedHosts) {
    }
}

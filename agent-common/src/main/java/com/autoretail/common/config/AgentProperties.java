package com.autoretail.common.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The settings every agent shares, under {@code agent.*}. Durations without a unit are seconds, so that the
 * architecture document's variables ({@code REQUEST_TIMEOUT=30}) work as they are.
 *
 * @param version        the version reported in {@code /health} and {@code /capabilities}
 * @param defaultTimeout timeout of a request that names none
 * @param maxTimeout     the largest timeout a request may ask for
 * @param maxBodySize    request bodies over this size are refused with 413
 * @param simulatedLatency benchmark-only: a fixed delay added to every operation before it runs; 0 (off) in
 *                       every real deployment
 */
@Validated
@ConfigurationProperties("agent")
public record AgentProperties(
        @DefaultValue("1.0.0") String version,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("30") Duration defaultTimeout,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("300") Duration maxTimeout,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Mcp mcp,
        @DefaultValue Idempotency idempotency,
        @DefaultValue Tasks tasks,
        @DefaultValue Callback callback,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("0") Duration simulatedLatency) {

    /**
     * The agent's MCP server.
     *
     * @param endpoint        the Streamable HTTP URL; no MCP client when unset
     * @param headers         business headers sent on every MCP request
     * @param apiKey          sent as {@code X-API-Key} on every MCP request when set ({@code MCP_API_KEY})
     * @param requestTimeout  bound of one MCP request
     * @param connectTimeout  bound of opening a session
     * @param monitorInterval how often the connection is checked and re-established
     */
    public record Mcp(
            String endpoint,
            Map<String, String> headers,
            String apiKey,
            @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("30") Duration requestTimeout,
            @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration connectTimeout,
            @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration monitorInterval) {
    }

    /**
     * Replays of side-effecting requests by request_id.
     *
     * @param store          {@code memory} (one JVM) or {@code redis} (shared, survives restarts)
     * @param retention      how long a final response is replayed
     * @param lease          how long a side effect's claim is held without renewal (renewed every third of it
     *                       while the work runs): after a crash, the time until a retry takes the work over
     * @param maxEntries     bound of the memory store: final responses kept, and requests in flight at once
     * @param redisKeyPrefix prefix of the Redis keys, followed by the agent's service key
     */
    public record Idempotency(
            @DefaultValue("memory") Store store,
            @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("24h") Duration retention,
            @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("30") Duration lease,
            @Positive @DefaultValue("20000") long maxEntries,
            @DefaultValue("agent:idempotency:") String redisKeyPrefix) {
    }

    public enum Store { MEMORY, REDIS }

    /**
     * Async tasks.
     *
     * @param retention how long a finished task stays readable
     * @param maxTasks  the most tasks kept; tasks that have not finished are never dropped, so when this many
     *                  are unfinished a new one is refused
     */
    public record Tasks(@DurationUnit(ChronoUnit.SECONDS) @DefaultValue("1h") Duration retention,
                        @Positive @DefaultValue("10000") long maxTasks) {
    }

    /**
     * @param timeout      bound of one callback POST (retries are the {@code agent-callback} Resilience4j retry)
     * @param allowedHosts where callbacks may go ({@code CALLBACK_ALLOWED_HOSTS}): {@code host}, {@code host:port},
     *                     {@code *.domain} or {@code *} (wildcards reach public addresses only); see
     *                     {@link com.autoretail.common.tasks.CallbackPolicy}
     */
    public record Callback(@DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration timeout,
                           @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> allowedHosts) {
    }
}

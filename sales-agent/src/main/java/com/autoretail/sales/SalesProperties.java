package com.autoretail.sales;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The sales agent's settings ({@code sales.*}); defaults in {@code application.yml}, the integration guide's environment
 * variables as overrides. Durations without a unit are seconds.
 *
 * @param maxMessageLength the longest customer message accepted, in characters
 * @param maxQuantity      the largest quantity one order may ask for
 */
@Validated
@ConfigurationProperties("sales")
public record SalesProperties(
        @Positive int maxMessageLength,
        @Positive int maxQuantity,
        @Valid @NotNull Inventory inventory,
        @Valid @NotNull Sessions sessions) {

    /**
     * The inventory agent and how it is called.
     *
     * @param url      its base URL ({@code INVENTORY_SERVICE_URL})
     * @param timeout  connect and read timeout of one call ({@code INVENTORY_TIMEOUT}, seconds)
     * @param apiKey   sent as {@code X-API-Key} when set ({@code INVENTORY_API_KEY}, else {@code AGENT_API_KEY})
     * @param cacheTtl how long a stock read is served from the cache
     * @param holdTtl  how long an order's hold lasts before the inventory gives its stock back
     * @param location where orders are held: {@code online}
     */
    public record Inventory(
            @NotBlank String url,
            @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration timeout,
            String apiKey,
            @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration cacheTtl,
            @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration holdTtl,
            @NotBlank String location) {

        public Inventory {
            url = url == null ? null : url.replaceAll("/+$", "");
            if (holdTtl != null && holdTtl.toSeconds() < 1) {
                throw new IllegalArgumentException("sales.inventory.hold-ttl must be at least 1 s");
            }
        }
    }

    /**
     * Where conversations are kept.
     *
     * @param store          {@code memory} (one instance) or {@code redis} ({@code SESSION_STORE})
     * @param ttl            how long an idle session is kept
     * @param maxHistory     how many messages (customer's and agent's) a session remembers
     * @param maxSessions    the most sessions the memory store keeps
     * @param redisKeyPrefix the prefix of the Redis keys of sessions
     */
    public record Sessions(
            @NotNull StoreType store,
            @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration ttl,
            @Positive int maxHistory,
            @Positive int maxSessions,
            @NotBlank String redisKeyPrefix) {
    }

    public enum StoreType { MEMORY, REDIS }
}

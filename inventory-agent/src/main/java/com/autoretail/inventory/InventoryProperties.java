package com.autoretail.inventory;

import com.autoretail.inventory.store.HoldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The inventory agent's settings ({@code inventory.*}); defaults in {@code application.yml}. Durations without a
 * unit are seconds.
 *
 * @param store           {@code memory} (one JVM, the local default) or {@code redis} (shared, survives restarts)
 * @param seedFile        the products to start with (CSV); added at the first start only, never over live stock
 * @param defaultTtl      how long a hold lasts when the request names no ttl
 * @param maxTtl          the longest ttl a request may ask for
 * @param maxQuantity     the largest quantity one hold or availability check may name
 * @param holdRetention   how long a finished hold stays readable, and how long an idempotency key is remembered
 * @param reaperInterval  how often expired holds are looked for
 * @param reaperBatchSize how many expired holds one look handles at most before looking again
 * @param redisKeyPrefix  the prefix of every Redis key of the store
 * @param limits          what one session and one customer may hold at once
 */
@Validated
@ConfigurationProperties("inventory")
record InventoryProperties(
        @NotNull StoreType store,
        @NotNull Resource seedFile,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration defaultTtl,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration maxTtl,
        @Positive int maxQuantity,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration holdRetention,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration reaperInterval,
        @Positive int reaperBatchSize,
        @NotBlank String redisKeyPrefix,
        @NotNull @Valid Limits limits) {

    enum StoreType { MEMORY, REDIS }

    /**
     * The hold quotas ({@code inventory.limits.*}).
     *
     * @param sessionUnits  units one session may hold at once
     * @param sessionHolds  holds one session may have open at once
     * @param customerUnits units one customer may hold at once, over all their sessions
     * @param customerHolds holds one customer may have open at once
     */
    record Limits(@Positive int sessionUnits, @Positive int sessionHolds, @Positive int customerUnits,
                  @Positive int customerHolds) {

        HoldLimits holdLimits() {
            return new HoldLimits(sessionUnits, sessionHolds, customerUnits, customerHolds);
        }
    }

    InventoryProperties {
        if (defaultTtl != null && maxTtl != null
                && (defaultTtl.toSeconds() < 1 || defaultTtl.compareTo(maxTtl) > 0)) {
            throw new IllegalArgumentException(
                    "inventory.default-ttl must be at least 1 s and at most inventory.max-ttl (" + maxTtl + ")");
        }
        if (reaperInterval != null && reaperInterval.toMillis() < 1) {
            throw new IllegalArgumentException("inventory.reaper-interval must be at least 1 ms");
        }
    }
}

package com.autoretail.mcpstubs;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the stubs, defaults in {@code mcp-stubs.yml}.
 *
 * @param data where each stub's seed data is read from, any Spring resource location
 * @param payment payment stub settings
 * @param parts parts stub settings
 * @param idempotencyKeys how many idempotency keys of side-effecting tool calls are remembered (the newest)
 * @param sideEffectDelay test hook: every side-effecting tool call answers this much later, after it acted; 0 in
 * any real use
 */
@Validated
@ConfigurationProperties("stubs")
public record StubsProperties(@Valid @NotNull Data data, @Valid @NotNull Payment payment, @Valid @NotNull Parts parts,
        @Min(1) int idempotencyKeys, @NotNull Duration sideEffectDelay) {

    /**
     * Seed data locations, e.g. {@code classpath:data/parts.json} or {@code file:/srv/parts.json}.
     *
     * @param payment payment links, customers and their payment methods
     * @param repairOrders repair orders, customers, vehicles and technicians; also read by the
     * payment stub to know which repair orders are cancelled
     * @param parts the parts catalogue
     */
    public record Data(@NotBlank String payment, @NotBlank String repairOrders, @NotBlank String parts) {
    }

    /**
     * @param defaultTenant the tenant that owns the seeded payment data
     * @param linkBaseUrl the base of every payment link
     * @param linkValidity how long a new payment link can be paid
     * @param defaultCurrency the currency of a link created without one
     */
    public record Payment(@NotBlank String defaultTenant, @NotBlank String linkBaseUrl,
            @NotNull Duration linkValidity, @NotBlank String defaultCurrency) {
    }

    /**
     * @param reservationTtl how long reserved parts stay held before they return to stock by
     * themselves
     * @param lowStockThreshold at or below this stock a part reports {@code low_stock}
     */
    public record Parts(@NotNull Duration reservationTtl, @Min(0) int lowStockThreshold) {
    }

}

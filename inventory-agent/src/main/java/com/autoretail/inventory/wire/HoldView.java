package com.autoretail.inventory.wire;

import com.autoretail.inventory.store.HoldStatus;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * A hold as answered by {@code POST /hold} and {@code GET /hold/{hold_id}}.
 *
 * @param remainingStock the location's stock right after the hold was made (the same on every replay)
 * @param status         {@code held}, {@code released}, {@code committed} or {@code expired}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HoldView(String holdId, String sku, int quantity, String location, int remainingStock,
                       Instant createdAt, Instant expiresAt, HoldStatus status) {
}

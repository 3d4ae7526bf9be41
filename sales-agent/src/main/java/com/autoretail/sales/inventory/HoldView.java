package com.autoretail.sales.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * A hold as {@code POST /hold} answers it. A replayed idempotency key answers the hold it made before with its
 * <em>current</em> status, which may be {@code released}, {@code committed} or {@code expired}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HoldView(String holdId, String sku, int quantity, String location, int remainingStock,
                   Instant expiresAt, String status) {

    public static final String HELD = "held";

    public boolean held() {
        return HELD.equals(status);
    }
}

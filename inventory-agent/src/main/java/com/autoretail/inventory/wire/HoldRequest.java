package com.autoretail.inventory.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /hold}. The numbers are kept as sent (not bound to {@code int}) so that a fraction or
 * an out-of-range value is refused by name instead of being rounded or failing the whole body.
 *
 * @param location {@code online} (the default) or a store id
 * @param ttl        seconds until the hold expires by itself; the configured default when absent
 * @param sessionId  the shopping session the hold is for, counted against its quota; optional
 * @param customerId the customer the hold is for, counted against its quota; optional
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HoldRequest(String sku, Number quantity, String location, Number ttl, String sessionId,
                          String customerId) {

    /** A hold for no named session or customer. */
    public HoldRequest(String sku, Number quantity, String location, Number ttl) {
        this(sku, quantity, location, ttl, null, null);
    }
}

package com.autoretail.inventory.store;

import java.time.Duration;

/**
 * A validated request for a hold.
 *
 * @param idempotencyKey binds the request to the hold it makes; null when the caller gave none
 */
public record NewHold(String sku, String location, int quantity, Duration ttl, String idempotencyKey) {
}

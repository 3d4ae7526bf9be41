package com.autoretail.inventory.store;

import java.time.Duration;

/**
 * A validated request for a hold.
 *
 * @param idempotencyKey binds the request to the hold it makes; null when the caller gave none
 * @param owner          whose quotas the hold counts against
 */
public record NewHold(String sku, String location, int quantity, Duration ttl, String idempotencyKey,
                      HoldOwner owner) {

    public NewHold {
        owner = owner == null ? HoldOwner.NONE : owner;
    }

    /** A hold counted against no quota. */
    public NewHold(String sku, String location, int quantity, Duration ttl, String idempotencyKey) {
        this(sku, location, quantity, ttl, idempotencyKey, HoldOwner.NONE);
    }
}

package com.autoretail.inventory.store;

import java.time.Instant;

/**
 * A hold on stock at one location.
 *
 * @param remainingStock the location's stock right after the hold was made
 * @param idempotencyKey the key the hold was made with, or null
 * @param owner          whose quotas the hold counts against while it is held
 */
public record Hold(String id, String sku, String location, int quantity, HoldStatus status, Instant createdAt,
                   Instant expiresAt, int remainingStock, String idempotencyKey, HoldOwner owner) {

    public Hold {
        owner = owner == null ? HoldOwner.NONE : owner;
    }

    /** Whether a request under the same idempotency key asks for this very hold. */
    public boolean madeBy(NewHold request) {
        return sku.equals(request.sku()) && location.equals(request.location()) && quantity == request.quantity();
    }

    Hold withStatus(HoldStatus newStatus) {
        return new Hold(id, sku, location, quantity, newStatus, createdAt, expiresAt, remainingStock, idempotencyKey, owner);
    }
}

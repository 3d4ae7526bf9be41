package com.autoretail.inventory.store;

/**
 * Whom a hold is for, counted against the quotas of {@link HoldLimits}: a session and a customer, each null when the
 * request names none (and then not counted for it).
 */
public record HoldOwner(String sessionId, String customerId) {

    /** A hold counted against no quota. */
    public static final HoldOwner NONE = new HoldOwner(null, null);
}

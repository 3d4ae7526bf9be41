package com.autoretail.inventory.store;

/**
 * The answer to a release, commit or expiry of a hold.
 *
 * @param status        the hold's status after the call (unchanged when it had already left {@code held})
 * @param restoredStock what this call gave back to the location's stock; 0 when nothing changed
 */
public record Transition(String holdId, HoldStatus status, int restoredStock) {
}

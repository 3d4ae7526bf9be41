package com.autoretail.sales.inventory;

/**
 * The inventory agent could not answer: unreachable, timed out, a 5xx, an unreadable answer, or its circuit
 * breaker is open. The only failure that is retried and that counts against the breaker.
 */
public class InventoryUnavailableException extends RuntimeException {

    public InventoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

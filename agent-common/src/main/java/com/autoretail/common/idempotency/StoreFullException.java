package com.autoretail.common.idempotency;

/**
 * A claim refused because the store holds as many in-flight claims as it may. Work in flight is never forgotten
 * to make room: the new request is refused instead, and may be retried once some work has finished.
 */
public class StoreFullException extends RuntimeException {

    public StoreFullException(String message) {
        super(message);
    }
}

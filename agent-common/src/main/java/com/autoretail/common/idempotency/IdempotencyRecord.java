package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;

/**
 * What is stored under a request_id: the operation it was used for, the fingerprint of that operation and its
 * parameters ({@link Fingerprint}), who holds the claim, and the final response once there is one.
 */
public record IdempotencyRecord(String operation, String fingerprint, String owner, AgentServiceResponse response) {

    public boolean completed() {
        return response != null;
    }

    /** Whether this record was made for the same operation and parameters as a request with {@code fingerprint}. */
    public boolean sameRequestAs(String operation, String fingerprint) {
        // a record written before fingerprints existed can only be told apart by its operation
        return this.fingerprint == null ? this.operation.equals(operation) : this.fingerprint.equals(fingerprint);
    }
}

package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;

/**
 * What is stored under a request_id: the operation it was used for, who runs it, and its final response once
 * there is one.
 */
public record IdempotencyRecord(String operation, String owner, AgentServiceResponse response) {

    public boolean completed() {
        return response != null;
    }
}

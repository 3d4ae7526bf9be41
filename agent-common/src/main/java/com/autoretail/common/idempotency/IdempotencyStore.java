package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers side-effecting requests by request_id so that a replay returns the first response and performs
 * nothing again. Every method is atomic: of any number of concurrent claims of one key, exactly one wins.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for {@code owner} unless it is held already.
     *
     * @param ttl how long the claim lasts if its owner never completes or releases it (a crashed process)
     * @return empty when {@code owner} now holds the key and must run the request; else the record found
     */
    Optional<IdempotencyRecord> claim(String key, String operation, String owner, Duration ttl);

    /** Stores the final response under {@code key} for {@code retention}, if {@code owner} still holds it. */
    void complete(String key, String owner, AgentServiceResponse response, Duration retention);

    /** Frees {@code key} so that the request may run again, if {@code owner} still holds it. */
    void release(String key, String owner);

    Optional<IdempotencyRecord> find(String key);
}

package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers side-effecting requests by request_id so that a replay returns the first response and performs
 * nothing again. Every method is atomic: of any number of concurrent claims of one key, exactly one wins.
 *
 * <p>A claim is in flight until it is completed (a final response, kept for its retention) or released (the work
 * certainly did not happen). Its owner holds it under a lease that it renews while the work runs; once the lease
 * has run out (the owner died, or gave the outcome up as in doubt) the next claim of the same request takes it
 * over and runs the work again, which is safe because the MCP calls carry the same idempotency keys again. An
 * in-flight claim is never forgotten before its retention, whatever the store's size.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for {@code owner}: a new claim, or the takeover of an in-flight claim of the same
     * fingerprint whose lease has run out.
     *
     * @param lease     how long the claim is {@code owner}'s without a {@link #renew}
     * @param retention how long an in-flight claim is remembered, whatever happens to its owner
     * @return empty when {@code owner} now holds the key and must run the request; else the record found
     * @throws StoreFullException when the store holds as many in-flight claims as it may: nothing was claimed
     */
    Optional<IdempotencyRecord> claim(String key, String operation, String fingerprint, String owner,
                                      Duration lease, Duration retention);

    /** Extends {@code owner}'s lease to {@code lease} from now; false when the claim is no longer {@code owner}'s. */
    boolean renew(String key, String owner, Duration lease);

    /** Stores the final response under {@code key} for {@code retention}, if {@code owner} still holds it. */
    void complete(String key, String owner, AgentServiceResponse response, Duration retention);

    /**
     * Frees {@code key} so that the request may run again, if {@code owner} still holds it. Only for work that
     * certainly did not happen (refused before anything was sent, or refused definitely by the dealer system).
     */
    void release(String key, String owner);

    /**
     * Ends {@code owner}'s lease at once and keeps the claim in flight: the work may have happened, and the next
     * claim of the same request takes it over to find out, re-sending with the same MCP idempotency keys.
     */
    void abandon(String key, String owner);

    Optional<IdempotencyRecord> find(String key);
}

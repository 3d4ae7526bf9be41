package com.autoretail.common.agent;

import java.time.Duration;

/**
 * The bounds the runner applies to requests.
 *
 * @param defaultTimeout       timeout of a request that names none
 * @param maxTimeout           the largest timeout a request may ask for
 * @param lease                how long a side effect's claim is held without renewal: after a crash, the time
 *                             until another request takes the work over
 * @param idempotencyRetention how long a final response is replayed
 * @param simulatedLatency     benchmark-only: a fixed delay added to every operation, inside its timeout
 */
public record ExecutionLimits(Duration defaultTimeout, Duration maxTimeout, Duration lease,
                              Duration idempotencyRetention, Duration simulatedLatency) {

    public ExecutionLimits {
        simulatedLatency = simulatedLatency == null ? Duration.ZERO : simulatedLatency;
    }

    /** The limits without a simulated latency. */
    public ExecutionLimits(Duration defaultTimeout, Duration maxTimeout, Duration lease,
                           Duration idempotencyRetention) {
        this(defaultTimeout, maxTimeout, lease, idempotencyRetention, Duration.ZERO);
    }
}

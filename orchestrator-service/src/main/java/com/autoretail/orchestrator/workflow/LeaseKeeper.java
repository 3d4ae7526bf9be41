package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.execution.WorkflowAbandoned;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Renews the leases of the workflows this orchestrator runs, a few times per lease, so that a workflow waiting on a
 * slow step keeps its owner; and writes every journal entry, retried while Redis is briefly away. A lease that
 * cannot be renewed (another orchestrator took the workflow over, or the store stayed away past the lease) is lost:
 * the run stops at its next write.
 */
class LeaseKeeper extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final Duration STORE_RETRY = Duration.ofMillis(200);

    private final WorkflowStore store;
    private final Duration leaseFor;
    private final Map<WorkflowStore.Lease, State> held = new ConcurrentHashMap<>();
    private final Timer writes;

    /** A held lease is renewed; a finishing one no longer (its end removes it); a lost one stops its run. */
    private enum State { HELD, FINISHING, LOST }

    LeaseKeeper(WorkflowStore store, Duration leaseFor, Timer writes) {
        super("workflow-leases");
        this.store = store;
        this.leaseFor = leaseFor;
        this.writes = writes;
    }

    /**
     * The time of each journal write (a step transition, the end), by store: what the journal costs a workflow.
     * Its median is published, for {@code ./fleet bench durability} and dashboards.
     */
    static Timer writeTimer(MeterRegistry meters, WorkflowStore store) {
        return Timer.builder("orchestrator.journal.writes")
                .description("Journal writes of workflow transitions")
                .tag("store", store.durable() ? "redis" : "memory")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    Duration leaseFor() {
        return leaseFor;
    }

    void hold(WorkflowStore.Lease lease) {
        held.put(lease, State.HELD);
    }

    void release(WorkflowStore.Lease lease) {
        held.remove(lease);
    }

    /** Whether the lease still holds: renewed by this keeper, never refused. */
    boolean holds(WorkflowStore.Lease lease) {
        return held.get(lease) == State.HELD;
    }

    /** Writes the status under the lease, retrying while the store fails, for up to one lease; false when lost. */
    boolean write(WorkflowStore.Lease lease, WorkflowStatus status) {
        return holds(lease) && untilStored(lease, () -> store.write(lease, status, leaseFor));
    }

    /** Ends the workflow under the lease; from now on the lease is not renewed, which its end removes anyway. */
    boolean finish(WorkflowStore.Lease lease, WorkflowStatus status) {
        return held.replace(lease, State.HELD, State.FINISHING)
                && untilStored(lease, () -> store.finish(lease, status));
    }

    /** Parks the workflow for a person's decision under the lease, which is no longer renewed; false when lost. */
    boolean park(WorkflowStore.Lease lease, WorkflowStatus status, Duration waitFor) {
        return held.replace(lease, State.HELD, State.FINISHING)
                && untilStored(lease, () -> store.park(lease, status, waitFor));
    }

    private boolean untilStored(WorkflowStore.Lease lease, BooleanSupplier write) {
        long giveUp = System.nanoTime() + leaseFor.toNanos();
        while (true) {
            try {
                boolean written = writes.record(write);
                if (!written) {
                    lost(lease, "another orchestrator owns it now");
                }
                return written;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    lost(lease, "the journal was unreachable for a whole lease: " + e.getMessage());
                    return false;
                }
                pause();
            }
        }
    }

    private void lost(WorkflowStore.Lease lease, String why) {
        if (held.replace(lease, State.HELD, State.LOST) || held.replace(lease, State.FINISHING, State.LOST)) {
            log.warn("Workflow {} is no longer this orchestrator's: {}", lease.requestId(), why);
        }
    }

    @Override
    void tick() {
        held.forEach((lease, state) -> {
            if (state == State.HELD) {
                try {
                    // a run that began finishing meanwhile removed its lease itself: not a takeover
                    if (!store.renew(lease, leaseFor) && held.get(lease) == State.HELD) {
                        lost(lease, "its lease was taken over");
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not renew the lease of workflow {}: {}", lease.requestId(), e.getMessage());
                }
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(STORE_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbandoned("(journal)", "interrupted");
        }
    }

    @Override
    Duration every() {
        return Duration.ofMillis(Math.max(50, leaseFor.toMillis() / 3));
    }
}

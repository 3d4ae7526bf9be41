package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.events.WorkflowEventLog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The workflow journal: every workflow by request_id, with what was asked ({@link Submission}), its fingerprint and
 * its status as it changes. A workflow is owned through a {@link Lease} that its owner renews; a write carries the
 * lease's fence and is refused once another orchestrator took the workflow over, so a paused owner that wakes up
 * cannot write over its successor. Unfinished workflows whose lease ran out are {@link #expired} and any orchestrator
 * may {@link #takeOver} one. Every method is atomic. The memory store does all this in one JVM and is not durable;
 * the Redis store is shared by every orchestrator and survives their restarts. Every write that changes a workflow
 * also records its events ({@link JournalEvents}), numbered in that same write, so that the event log and the
 * workflow never disagree.
 */
public interface WorkflowStore extends WorkflowEventLog {

    /** A hold on a workflow: only the holder of its newest fence may write it. */
    record Lease(String requestId, String owner, long fence) {
    }

    /** What the journal keeps of a workflow. */
    record Entry(WorkflowStatus status, Submission submission, String fingerprint) {
    }

    /** The answer to a claim: the workflow is now the caller's, or it was known already. */
    sealed interface Claim {
    }

    record Claimed(Lease lease) implements Claim {
    }

    record Known(Entry entry) implements Claim {
    }

    /** A workflow taken over from an owner whose lease ran out. */
    record Taken(Lease lease, Entry entry) {
    }

    /**
     * Creates the workflow under its request_id unless it is known: of any number of concurrent claims of one id,
     * exactly one wins. A workflow that failed before it had a plan frees its id for a new claim.
     */
    Claim claim(Entry entry, String owner, Duration leaseFor);

    /** Writes the status and renews the lease, if the lease still holds; false when it does not. */
    boolean write(Lease lease, WorkflowStatus status, Duration leaseFor);

    /** Writes the final status, ends the lease and keeps the workflow for the retention; false when it did not hold. */
    boolean finish(Lease lease, WorkflowStatus status);

    /** Renews the lease if it still holds. */
    boolean renew(Lease lease, Duration leaseFor);

    /**
     * Parks a workflow that waits for a person: writes its status, if the lease still holds, and keeps it unfinished
     * and owned by nobody until {@code waitFor} from now; then it counts as {@link #expired} and the orchestrator that
     * takes it over ends it. Until then exactly one {@link #takeParked} succeeds.
     */
    boolean park(Lease lease, WorkflowStatus status, Duration waitFor);

    /**
     * Takes a parked workflow, with a new fence, to carry out a decision on it: of any number of concurrent calls
     * (on any orchestrator) exactly one gets it; empty when it is not parked (decided already, taken over, unknown).
     */
    Optional<Taken> takeParked(String requestId, String owner, Duration leaseFor);

    /** Request ids of unfinished workflows whose lease ran out, at most {@code max}. */
    List<String> expired(int max);

    /** Takes over a workflow whose lease ran out, with a new fence; empty when its lease holds or it is gone. */
    Optional<Taken> takeOver(String requestId, String owner, Duration leaseFor);

    Optional<WorkflowStatus> find(String requestId);

    /**
     * The workflows still kept, newest first by when they were claimed, at most {@code max}: what a console lists.
     * Indexed beside the journal (kept as long as the workflows are), so it reads no more than it answers.
     */
    List<WorkflowStatus> recent(int max);

    /** Whether workflows survive this orchestrator (a shared Redis) or die with it (memory). */
    boolean durable();
}

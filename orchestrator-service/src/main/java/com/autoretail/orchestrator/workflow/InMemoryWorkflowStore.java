package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.events.EventDraft;
import com.autoretail.orchestrator.events.EventSignal;
import com.autoretail.orchestrator.events.WorkflowEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default journal: this JVM's memory, for a single orchestrator. Leases work as in Redis, but a workflow dies
 * with the process, so it is not durable ({@code /health} says so). Unfinished workflows are never evicted;
 * finished ones are kept for the retention, at most {@code maxFinished} of them, the oldest forgotten first. Each
 * workflow's events are kept with it, numbered under the same lock as the change they describe.
 */
class InMemoryWorkflowStore implements WorkflowStore {

    private static final class Held {
        Entry entry;
        String owner;
        long fence = 1;
        Instant leaseUntil;
        Instant forgetAt;   // null while unfinished
        boolean reclaimable;
        boolean parked;
        final List<WorkflowEvent> events = new ArrayList<>();
        Instant claimedAt;
    }

    private final Map<String, Held> workflows = new HashMap<>();
    private final Deque<String> finishedOrder = new ArrayDeque<>();
    private final Duration retention;
    private final long maxFinished;
    private final Clock clock;
    private final EventSignal signal;

    InMemoryWorkflowStore(Duration retention, long maxFinished, Clock clock) {
        this(retention, maxFinished, clock, new EventSignal());
    }

    InMemoryWorkflowStore(Duration retention, long maxFinished, Clock clock, EventSignal signal) {
        this.retention = retention;
        this.maxFinished = maxFinished;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public synchronized Claim claim(Entry entry, String owner, Duration leaseFor) {
        Held known = live(entry.status().requestId());
        if (known != null && !known.reclaimable) {
            return new Known(known.entry);
        }
        Held held = new Held();
        held.entry = entry;
        held.owner = owner;
        held.leaseUntil = clock.instant().plus(leaseFor);
        held.claimedAt = clock.instant();
        workflows.put(entry.status().requestId(), held);
        record(held, null, entry.status());
        return new Claimed(new Lease(entry.status().requestId(), owner, held.fence));
    }

    @Override
    public synchronized boolean write(Lease lease, WorkflowStatus status, Duration leaseFor) {
        Held held = holding(lease);
        if (held == null) {
            return false;
        }
        record(held, held.entry.status(), status);
        held.entry = new Entry(status, held.entry.submission(), held.entry.fingerprint());
        held.leaseUntil = clock.instant().plus(leaseFor);
        return true;
    }

    @Override
    public synchronized boolean finish(Lease lease, WorkflowStatus status) {
        Held held = holding(lease);
        if (held == null) {
            return false;
        }
        record(held, held.entry.status(), status);
        held.entry = new Entry(status, held.entry.submission(), held.entry.fingerprint());
        held.forgetAt = clock.instant().plus(retention);
        held.reclaimable = status.workflowPlan() == null;
        finishedOrder.addLast(lease.requestId());
        while (finishedOrder.size() > maxFinished) {
            String oldest = finishedOrder.removeFirst();
            Held old = workflows.get(oldest);
            if (old != null && old.forgetAt != null) {
                workflows.remove(oldest);
            }
        }
        return true;
    }

    @Override
    public synchronized boolean renew(Lease lease, Duration leaseFor) {
        Held held = holding(lease);
        if (held != null) {
            held.leaseUntil = clock.instant().plus(leaseFor);
        }
        return held != null;
    }

    @Override
    public synchronized boolean park(Lease lease, WorkflowStatus status, Duration waitFor) {
        if (!write(lease, status, waitFor)) {
            return false;
        }
        workflows.get(lease.requestId()).parked = true;
        return true;
    }

    @Override
    public synchronized Optional<Taken> takeParked(String requestId, String owner, Duration leaseFor) {
        Held held = live(requestId);
        if (held == null || held.forgetAt != null || !held.parked) {
            return Optional.empty();
        }
        return Optional.of(take(held, requestId, owner, leaseFor));
    }

    @Override
    public synchronized List<String> expired(int max) {
        Instant now = clock.instant();
        return workflows.entrySet().stream()
                .filter(e -> e.getValue().forgetAt == null && e.getValue().leaseUntil.isBefore(now))
                .map(Map.Entry::getKey).limit(max).toList();
    }

    @Override
    public synchronized Optional<Taken> takeOver(String requestId, String owner, Duration leaseFor) {
        Held held = live(requestId);
        if (held == null || held.forgetAt != null || !held.leaseUntil.isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(take(held, requestId, owner, leaseFor));
    }

    private Taken take(Held held, String requestId, String owner, Duration leaseFor) {
        held.fence++;
        held.owner = owner;
        held.parked = false;
        held.leaseUntil = clock.instant().plus(leaseFor);
        return new Taken(new Lease(requestId, owner, held.fence), held.entry);
    }

    @Override
    public synchronized Optional<WorkflowStatus> find(String requestId) {
        return Optional.ofNullable(live(requestId)).map(held -> held.entry.status());
    }

    @Override
    public synchronized List<WorkflowStatus> recent(int max) {
        // live() forgets what is past its retention, so the copy of the keys
        return List.copyOf(workflows.keySet()).stream().map(this::live).filter(Objects::nonNull)
                .sorted(Comparator.comparing((Held held) -> held.claimedAt).reversed())
                .limit(max).map(held -> held.entry.status()).toList();
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public synchronized List<WorkflowEvent> after(String workflowId, long afterSeq, int max) {
        Held held = live(workflowId);
        if (held == null || afterSeq >= held.events.size()) {
            return List.of();
        }
        int from = (int) Math.max(0, afterSeq);
        return List.copyOf(held.events.subList(from, (int) Math.min(held.events.size(), from + (long) max)));
    }

    @Override
    public Duration pollEvery() {
        return null;   // every event is written here, and signalled
    }

    /** Numbers and keeps the events of a change, in the write that makes it. */
    private void record(Held held, WorkflowStatus before, WorkflowStatus after) {
        List<EventDraft> drafts = JournalEvents.between(before, after);
        if (drafts.isEmpty()) {
            return;
        }
        String requestId = after.requestId();
        drafts.forEach(draft -> held.events.add(draft.numbered(requestId, held.events.size() + 1)));
        signal.signal();
    }

    /** The workflow held under this lease's fence, unfinished; null when another owner took it over. */
    private Held holding(Lease lease) {
        Held held = live(lease.requestId());
        return held != null && held.forgetAt == null && held.fence == lease.fence()
                && Objects.equals(held.owner, lease.owner()) ? held : null;
    }

    private Held live(String requestId) {
        Held held = workflows.get(requestId);
        if (held != null && held.forgetAt != null && held.forgetAt.isBefore(clock.instant())) {
            workflows.remove(requestId);
            return null;
        }
        return held;
    }
}

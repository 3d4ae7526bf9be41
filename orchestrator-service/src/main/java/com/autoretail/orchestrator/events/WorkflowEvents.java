package com.autoretail.orchestrator.events;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;

/**
 * Follows a workflow's events: first every event after a given {@code seq} from the journal, then each new one as it
 * is journaled, by this orchestrator or (with the Redis journal) by any other, until {@code workflow_ended}. The
 * calling thread does the waiting (a virtual thread: a request's, or one of the caller's own). When the orchestrator
 * shuts down, every follow returns first (before the web server's graceful shutdown waits for open requests), so an
 * open event stream ends and its client reconnects, with {@code Last-Event-ID}, to another orchestrator.
 */
public final class WorkflowEvents implements SmartLifecycle {

    /** What a follower is handed; each method answers whether to go on following. */
    public interface Follower {

        /** One event, in order; the last one is {@code workflow_ended}. */
        boolean event(WorkflowEvent event);

        /** Nothing happened for a keep-alive interval: time for a {@code : ping}, or to give up. */
        default boolean idle() {
            return true;
        }
    }

    private static final int BATCH = 100;

    private final WorkflowEventLog log;
    private final EventSignal signal;
    private final Duration keepAlive;
    private volatile boolean running = true;   // from the first request on, whatever the start order

    public WorkflowEvents(WorkflowEventLog log, EventSignal signal, Duration keepAlive) {
        this.log = log;
        this.signal = signal;
        this.keepAlive = keepAlive;
    }

    /** The events journaled so far after {@code afterSeq} (0: all), in order. */
    public List<WorkflowEvent> replay(String workflowId, long afterSeq) {
        return log.after(workflowId, afterSeq, Integer.MAX_VALUE);
    }

    /**
     * Hands the follower every event after {@code afterSeq}, live, until the workflow ended or the follower stops.
     *
     * @return the seq of the last event handed over ({@code afterSeq} when none)
     * @throws InterruptedException when the following thread is interrupted
     */
    public long follow(String workflowId, long afterSeq, Follower follower) throws InterruptedException {
        long seq = afterSeq;
        long quietSince = System.nanoTime();
        Duration poll = log.pollEvery();
        while (running) {
            long seen = signal.version();
            List<WorkflowEvent> events = log.after(workflowId, seq, BATCH);
            for (WorkflowEvent event : events) {
                seq = event.seq();
                if (!follower.event(event) || event.last()) {
                    return seq;
                }
            }
            if (!events.isEmpty()) {
                quietSince = System.nanoTime();
                continue;
            }
            Duration quiet = Duration.ofNanos(System.nanoTime() - quietSince);
            if (quiet.compareTo(keepAlive) >= 0) {
                if (!follower.idle()) {
                    return seq;
                }
                quietSince = System.nanoTime();
                quiet = Duration.ZERO;
            }
            Duration untilPing = keepAlive.minus(quiet);
            signal.await(seen, poll != null && poll.compareTo(untilPing) < 0 ? poll : untilPing);
        }
        return seq;   // shutting down
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every follow: runs before the web server's graceful shutdown (a later phase stops first). */
    @Override
    public void stop() {
        running = false;
        signal.signal();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public Duration keepAlive() {
        return keepAlive;
    }
}

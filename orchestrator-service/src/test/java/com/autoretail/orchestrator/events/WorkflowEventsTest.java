package com.autoretail.orchestrator.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following a workflow's events: replayed, then live as they are signalled, until the end, a stop or a shutdown. */
class WorkflowEventsTest {

    /** A log in a list, as the memory journal keeps it: every append signalled. */
    private static final class ListLog implements WorkflowEventLog {
        final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
        final EventSignal signal;

        ListLog(EventSignal signal) {
            this.signal = signal;
        }

        void append(String type) {
            events.add(new WorkflowEvent("wf-1", events.size() + 1, type, null, Instant.now(), Map.of()));
            signal.signal();
        }

        @Override
        public List<WorkflowEvent> after(String workflowId, long afterSeq, int max) {
            List<WorkflowEvent> after = new ArrayList<>(events.subList((int) Math.min(afterSeq, events.size()),
                    events.size()));
            return after.subList(0, Math.min(max, after.size()));
        }

        @Override
        public Duration pollEvery() {
            return null;
        }
    }

    private final EventSignal signal = new EventSignal();
    private final ListLog log = new ListLog(signal);
    private final WorkflowEvents events = new WorkflowEvents(log, signal, Duration.ofMillis(100));

    @Test
    void replaysThenFollowsLiveAndEndsWithTheWorkflow() throws Exception {
        log.append("workflow_planned");
        log.append("step_started");
        List<Long> seen = new CopyOnWriteArrayList<>();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                events.follow("wf-1", 1, event -> seen.add(event.seq()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 1);

        log.append("step_completed");
        log.append("workflow_ended");
        log.append("invented_after_the_end");

        follower.join(Duration.ofSeconds(2));
        assertThat(follower.isAlive()).isFalse();
        assertThat(seen).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aQuietWorkflowGetsKeepAlivesUntilTheFollowerStops() throws Exception {
        AtomicInteger pings = new AtomicInteger();

        long last = events.follow("wf-1", 0, new WorkflowEvents.Follower() {
            @Override
            public boolean event(WorkflowEvent event) {
                return true;
            }

            @Override
            public boolean idle() {
                return pings.incrementAndGet() < 3;
            }
        });

        assertThat(pings).hasValue(3);
        assertThat(last).isZero();
    }

    @Test
    void aShutdownEndsEveryFollow() throws Exception {
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                events.follow("wf-1", 0, event -> true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);

        events.stop();

        follower.join(Duration.ofSeconds(2));
        assertThat(follower.isAlive()).isFalse();
        assertThat(events.isRunning()).isFalse();
    }
}

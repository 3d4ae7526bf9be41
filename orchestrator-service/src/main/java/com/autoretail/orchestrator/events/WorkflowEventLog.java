package com.autoretail.orchestrator.events;

import java.time.Duration;
import java.util.List;

/** Where a workflow's events are kept, in order, for as long as the workflow itself: the journal. */
public interface WorkflowEventLog {

    /** The workflow's events after {@code afterSeq}, oldest first, at most {@code max}; empty when none (yet). */
    List<WorkflowEvent> after(String workflowId, long afterSeq, int max);

    /**
     * How long a follower may wait for this orchestrator's {@link EventSignal} before it reads again: events that
     * other orchestrators write (a shared journal) signal nothing here. Null when every write signals (memory).
     */
    Duration pollEvery();
}

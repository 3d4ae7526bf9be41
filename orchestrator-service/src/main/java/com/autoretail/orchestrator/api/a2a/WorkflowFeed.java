package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.security.Caller;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.events.WorkflowEvents;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.autoretail.orchestrator.workflow.WorkflowStatus;

import java.util.Optional;

/**
 * Follows a workflow for an A2A stream on its workflow events ({@link WorkflowEvents#follow}): every event from the
 * first on, then each one as the journal records it, until {@code workflow_ended}; and the workflow's record, read
 * when a stream needs more than an event says (the approval that waits, the summary). The one place that knows how
 * an A2A stream learns of progress.
 */
class WorkflowFeed {

    /** What a stream is handed; each method answers whether to go on. */
    interface Listener {

        /** One event, in order; the last one is {@code workflow_ended}. */
        boolean event(WorkflowEvent event);

        /** Nothing happened for the event streams' keep-alive interval. */
        boolean idle();
    }

    private final WorkflowService workflows;
    private final WorkflowEvents events;

    WorkflowFeed(WorkflowService workflows, WorkflowEvents events) {
        this.workflows = workflows;
        this.events = events;
    }

    /**
     * Hands the listener every event of the workflow, replayed then live, until the workflow ended, the listener
     * stops, the workflow is no longer readable by the caller (checked while idle) or the orchestrator shuts down.
     * Blocks the calling thread.
     */
    void follow(String requestId, Caller caller, Listener listener) throws InterruptedException {
        events.follow(requestId, 0, new WorkflowEvents.Follower() {
            @Override
            public boolean event(WorkflowEvent event) {
                return listener.event(event);
            }

            @Override
            public boolean idle() {
                return listener.idle() && read(requestId, caller).isPresent();
            }
        });
    }

    /** The workflow's record as the caller may read it: at least as recent as the last event handed over. */
    Optional<WorkflowStatus> read(String requestId, Caller caller) {
        return workflows.find(requestId, caller);
    }
}

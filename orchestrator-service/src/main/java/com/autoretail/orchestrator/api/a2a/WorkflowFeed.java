package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.security.Caller;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.autoretail.orchestrator.workflow.WorkflowStatus;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Follows a workflow for an A2A stream by reading its status from the {@link WorkflowService} every poll interval
 * and reporting each change of stage. The one place that knows how progress is learnt: switching the streams to the
 * workflow event stream changes this class only.
 */
class WorkflowFeed {

    private final WorkflowService workflows;
    private final Duration interval;

    WorkflowFeed(WorkflowService workflows, Duration interval) {
        this.workflows = workflows;
        this.interval = interval;
    }

    /**
     * Reports the workflow at once, then at each change of its stage, until {@code onChange} answers {@code false}
     * (the stream is done), the workflow is no longer readable, or {@code until} passes; {@code idle} is called on
     * each poll without a change (for keep-alives). Blocks the calling thread.
     */
    void follow(String requestId, Caller caller, long until, Predicate<WorkflowStatus> onChange, Runnable idle)
            throws InterruptedException {
        WorkflowStatus.Stage last = null;
        while (System.currentTimeMillis() < until) {
            Optional<WorkflowStatus> now = workflows.find(requestId, caller);
            if (now.isEmpty()) {
                return;
            }
            if (now.get().status() != last) {
                last = now.get().status();
                if (!onChange.test(now.get())) {
                    return;
                }
            } else {
                idle.run();
            }
            Thread.sleep(interval);
        }
    }
}

package com.autoretail.orchestrator.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Finishes the workflows of orchestrators that stopped: at start and every recovery interval it looks for
 * unfinished workflows whose lease ran out, takes each over (one orchestrator wins each) and goes on with it from its
 * journal. The same rounds end the workflows whose approval expired (a parked workflow's lease runs until then), in
 * the memory store as well.
 */
class WorkflowRecovery extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(WorkflowRecovery.class);
    private static final int BATCH = 20;

    private final WorkflowStore store;
    private final WorkflowService workflows;
    private final ExecutorService workers;
    private final String owner;
    private final Duration leaseFor;
    private final Duration interval;
    WorkflowRecovery(WorkflowStore store, WorkflowService workflows, ExecutorService workers, String owner,
                     Duration leaseFor, Duration interval) {
        super("workflow-recovery");
        this.store = store;
        this.workflows = workflows;
        this.workers = workers;
        this.owner = owner;
        this.leaseFor = leaseFor;
        this.interval = interval;
    }

    /** One round: takes over every workflow whose lease ran out; answers how many. */
    int recover() {
        int taken = 0;
        for (String requestId : store.expired(BATCH)) {
            var claim = store.takeOver(requestId, owner, leaseFor);
            if (claim.isPresent()) {
                taken++;
                workers.submit(() -> workflows.resume(claim.get()));
            }
        }
        return taken;
    }

    @Override
    void tick() {
        try {
            int taken = recover();
            if (taken > 0) {
                log.info("Took over {} workflow(s) of stopped orchestrators", taken);
            }
        } catch (RuntimeException e) {
            log.warn("Workflow recovery round failed: {}", e.getMessage());
        }
    }

    /** Also the wait before the first round: discovery has found the agents the taken-over workflows call by then. */
    @Override
    Duration every() {
        return interval;
    }
}

package com.autoretail.orchestrator.events;

import java.time.Instant;
import java.util.Map;

/**
 * An event before the journal numbers it: the journal gives it its {@code seq} in the same write as the change it
 * describes.
 */
public record EventDraft(EventType type, String stepId, Instant time, Map<String, Object> payload) {

    public WorkflowEvent numbered(String workflowId, long seq) {
        return new WorkflowEvent(workflowId, seq, type.wireName(), stepId, time, payload);
    }
}

package com.autoretail.orchestrator.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * One change of a workflow, as {@code GET /workflow/{id}/events} and the Redis Stream carry it.
 *
 * @param seq     1, 2, 3... per workflow, without gaps, in the order the journal recorded the changes
 * @param type    the wire name of its {@link EventType}
 * @param stepId  the step it is about; null for the workflow's own events
 * @param time    when the journal recorded it, ISO-8601 UTC with milliseconds
 * @param payload the few facts of the change (see the README's "Workflow events")
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"workflow_id", "seq", "type", "step_id", "time", "payload"})
public record WorkflowEvent(String workflowId, long seq, String type, String stepId,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) java.time.Instant time,
                            Map<String, Object> payload) {

    public WorkflowEvent {
        payload = payload == null ? Map.of() : payload;
    }

    /** Whether the workflow ended with it: nothing follows. */
    public boolean last() {
        return EventType.WORKFLOW_ENDED.wireName().equals(type);
    }
}

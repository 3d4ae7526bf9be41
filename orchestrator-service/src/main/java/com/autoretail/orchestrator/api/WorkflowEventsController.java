package com.autoretail.orchestrator.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.events.WorkflowEvents;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /workflow/{request_id}/events}: a workflow's events as Server-Sent Events, first those after
 * {@code Last-Event-ID} (or {@code ?after=}), then live until {@code workflow_ended}, with a {@code : ping} comment
 * when nothing happened for the keep-alive interval. Who may read it, and the 404, are as for
 * {@code GET /workflow/{request_id}}. The request's own (virtual) thread writes the stream.
 */
@RestController
class WorkflowEventsController {

    private static final String EVENT_STREAM = "text/event-stream;charset=UTF-8";
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final WorkflowService workflows;
    private final WorkflowEvents events;
    private final ObjectMapper mapper;

    WorkflowEventsController(WorkflowService workflows, WorkflowEvents events, ObjectMapper mapper) {
        this.workflows = workflows;
        this.events = events;
        this.mapper = mapper;
    }

    @GetMapping("/workflow/{requestId}/events")
    void events(@PathVariable String requestId,
                @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                @RequestParam(value = "after", required = false) String after,
                HttpServletResponse response) throws IOException {
        Caller caller = Caller.current();
        workflows.find(requestId, caller).orElseThrow(() -> WorkflowService.unknown(requestId));
        long from = lastEventId != null && !lastEventId.isBlank() ? seq("Last-Event-ID", lastEventId)
                : after != null ? seq("after", after) : 0;
        response.setContentType(EVENT_STREAM);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Accel-Buffering", "no");   // a proxy in front must not hold the stream back
        response.flushBuffer();
        OutputStream out = response.getOutputStream();
        try {
            events.follow(requestId, from, new WorkflowEvents.Follower() {
                @Override
                public boolean event(WorkflowEvent event) {
                    return send(out, frame(event));
                }

                @Override
                public boolean idle() {
                    // a workflow forgotten meanwhile (its retention ran out) has nothing more to tell
                    return send(out, PING) && workflows.find(requestId, caller).isPresent();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] frame(WorkflowEvent event) {
        try {
            return ("id: " + event.seq() + "\nevent: " + event.type() + "\ndata: " + mapper.writeValueAsString(event)
                    + "\n\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes and flushes; false when the client went away. */
    private static boolean send(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long seq(String name, String value) {
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AgentException(ErrorCode.VALIDATION_ERROR, name + ": an event id, a whole number from 0");
    }
}

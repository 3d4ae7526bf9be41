package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.security.Caller;
import com.autoretail.orchestrator.events.EventType;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code message/stream}: the task as it starts, then one TaskStatusUpdateEvent per workflow event that is progress
 * ({@code working}, its message saying what happened: "reserve_part_1 completed in 51 ms"), and at the end the
 * summary as a TaskArtifactUpdateEvent and the last status ({@code final: true}: completed, failed, rejected or
 * canceled, from the workflow's record). A workflow that waits for approval ends the stream too, with an
 * {@code input-required} status ({@code final: true}) that says what waits for whom, as a blocking
 * {@code message/send} answers then: the approval is a person's, outside the A2A exchange, and may take hours; the
 * client reads the task with {@code tasks/get} later. Each event is one JSON-RPC response in an SSE {@code data:}
 * line, as the protocol streams; a {@code : ping} comment keeps a quiet stream open.
 */
class A2aStreams {

    private final WorkflowFeed feed;
    private final WorkflowTasks tasks;
    private final Duration timeout;

    A2aStreams(WorkflowFeed feed, WorkflowTasks tasks, Duration timeout) {
        this.feed = feed;
        this.tasks = tasks;
        this.timeout = timeout;
    }

    void follow(Object id, Task started, String contextId, Caller caller, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        PrintWriter out = response.getWriter();
        send(out, A2aProtocol.result(id, started));
        if (WorkflowTasks.endsStream(started.getStatus().state())) {
            return;
        }
        String requestId = started.getId();
        long until = System.currentTimeMillis() + timeout.toMillis();
        try {
            feed.follow(requestId, caller, new WorkflowFeed.Listener() {
                @Override
                public boolean event(WorkflowEvent event) {
                    if (EventType.WORKFLOW_ENDED.wireName().equals(event.type())) {
                        feed.read(requestId, caller).ifPresent(workflow -> end(out, id, workflow, contextId));
                        return false;
                    }
                    if (EventType.WORKFLOW_AWAITING_APPROVAL.wireName().equals(event.type())) {
                        Optional<WorkflowStatus> workflow = feed.read(requestId, caller);
                        // already decided by the time it is read (a replay): the events that follow tell the rest
                        if (workflow.isPresent() && WorkflowTasks.state(workflow.get()) == TaskState.INPUT_REQUIRED) {
                            send(out, A2aProtocol.result(id, tasks.statusEvent(workflow.get(), contextId, true)));
                            return false;
                        }
                    }
                    TaskStatusUpdateEvent progress = tasks.progressEvent(event, contextId);
                    if (progress != null) {
                        send(out, A2aProtocol.result(id, progress));
                    }
                    return System.currentTimeMillis() < until;
                }

                @Override
                public boolean idle() {
                    out.write(": ping\n\n");
                    flush(out);
                    return System.currentTimeMillis() < until;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            // the client went away: nothing more to tell it
        }
    }

    /** The summary (when there is one), then the last status. */
    private void end(PrintWriter out, Object id, WorkflowStatus workflow, String contextId) {
        TaskArtifactUpdateEvent summary = tasks.artifactEvent(workflow, contextId);
        if (summary != null) {
            send(out, A2aProtocol.result(id, summary));
        }
        send(out, A2aProtocol.result(id, tasks.statusEvent(workflow, contextId, true)));
    }

    private static void send(PrintWriter out, String json) {
        out.write("data: " + json + "\n\n");
        flush(out);
    }

    private static void flush(PrintWriter out) {
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("the client closed the stream"));
        }
    }
}

package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.security.Caller;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code message/stream}: the task as it starts, then a TaskStatusUpdateEvent at each change of its workflow's stage,
 * the summary as a TaskArtifactUpdateEvent once there is one, and the last status event ({@code final: true}) when
 * the workflow ends or waits for a person; a {@code : ping} comment keeps a quiet stream open. Each event is one
 * JSON-RPC response in an SSE {@code data:} line, as the protocol streams.
 */
class A2aStreams {

    private static final long KEEP_ALIVE_MILLIS = 15_000;

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
        PrintWriter out = response.getWriter();
        send(out, A2aProtocol.result(id, started));
        if (WorkflowTasks.endsStream(started.getStatus().state())) {
            return;
        }
        long[] quietSince = {System.currentTimeMillis()};
        TaskState[] last = {started.getStatus().state()};
        try {
            feed.follow(started.getId(), caller, System.currentTimeMillis() + timeout.toMillis(), workflow -> {
                TaskState state = WorkflowTasks.state(workflow);
                if (state == last[0]) {
                    return true;
                }
                last[0] = state;
                quietSince[0] = System.currentTimeMillis();
                boolean ends = WorkflowTasks.endsStream(state);
                if (ends) {
                    TaskArtifactUpdateEvent summary = tasks.artifactEvent(workflow, contextId);
                    if (summary != null) {
                        send(out, A2aProtocol.result(id, summary));
                    }
                }
                send(out, A2aProtocol.result(id, tasks.statusEvent(workflow, contextId, ends)));
                return !ends;
            }, () -> {
                if (System.currentTimeMillis() - quietSince[0] >= KEEP_ALIVE_MILLIS) {
                    quietSince[0] = System.currentTimeMillis();
                    out.write(": ping\n\n");
                    flush(out);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            // the client went away: nothing more to tell it
        }
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

package com.autoretail.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads {@code GET /workflow/{id}/events} as a browser's EventSource would: frames of {@code id:}, {@code event:},
 * {@code data:} lines ended by a blank line, and {@code :} comments (the keep-alive pings).
 */
final class EventStreamClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One event as it arrived. */
    record Frame(long id, String event, JsonNode data) {
    }

    /** What a stream delivered, live: its frames and comments so far, and whether the server closed it. */
    static final class Stream {
        final int status;
        final String contentType;
        final List<Frame> frames = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        final String body;
        volatile boolean closed;

        Stream(int status, String contentType, String body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        List<String> types() {
            return frames.stream().map(Frame::event).toList();
        }
    }

    private final String baseUrl;

    EventStreamClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Opens the stream and reads it on a thread of its own until the server closes it. */
    Stream open(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                Stream failed = new Stream(response.statusCode(), type, body);
                failed.closed = true;
                return failed;
            }
            Stream stream = new Stream(200, type, null);
            Thread.ofVirtual().start(() -> read(response.body(), stream));
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the stream and waits until the server closes it (at most {@code within}). */
    Stream readToEnd(String path, Map<String, String> headers, Duration within) {
        Stream stream = open(path, headers);
        long giveUp = System.nanoTime() + within.toNanos();
        while (!stream.closed && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!stream.closed) {
            throw new AssertionError("the event stream of " + path + " did not end within " + within
                    + "; it held " + stream.types());
        }
        return stream;
    }

    private static void read(java.util.stream.Stream<String> lines, Stream stream) {
        List<String> frame = new ArrayList<>();
        try (lines) {
            lines.forEach(line -> {
                if (!line.isEmpty()) {
                    frame.add(line);
                    return;
                }
                Long id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String field : frame) {
                    if (field.startsWith(":")) {
                        stream.comments.add(field.substring(1).trim());
                    } else if (field.startsWith("id: ")) {
                        id = Long.parseLong(field.substring(4));
                    } else if (field.startsWith("event: ")) {
                        event = field.substring(7);
                    } else if (field.startsWith("data: ")) {
                        data.append(field.substring(6));
                    }
                }
                frame.clear();
                if (event != null) {
                    try {
                        stream.frames.add(new Frame(id, event, MAPPER.readTree(data.toString())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } finally {
            stream.closed = true;
        }
    }
}

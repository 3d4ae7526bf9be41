package com.autoretail.common.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain JSON-over-HTTP client for tests that check the wire exactly: raw bodies out, status, headers and
 * the parsed body back, whatever the status.
 */
public final class HttpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final Map<String, String> headers;

    public HttpJson(String baseUrl) {
        this(baseUrl, Map.of());
    }

    public HttpJson(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    /** A reply: status, the body parsed as JSON (a text node when it is not JSON), and the content type. */
    public record Reply(int status, JsonNode body, String contentType) {
        public String text(String field) {
            JsonNode node = body.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code POST /execute} of an operation with its parameters given as JSON. */
    public Reply execute(String operation, String parametersJson) {
        return post("/execute", "{\"operation\":\"" + operation + "\",\"parameters\":" + parametersJson + "}");
    }

    /** {@code POST /execute} with a request_id, for idempotent replays. */
    public Reply execute(String requestId, String operation, String parametersJson) {
        return post("/execute", "{\"request_id\":\"" + requestId + "\",\"operation\":\"" + operation
                + "\",\"parameters\":" + parametersJson + "}");
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }
}

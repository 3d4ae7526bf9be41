package com.autoretail.bench.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Agents played by one in-test HTTP server on a free port: {@code POST /{service}/execute} answers the envelope of
 * success after {@code delayMillis} (or of a failure for the operations in {@code failing}) and records when each
 * call began and ended and what it carried.
 */
final class FakeAgents implements AutoCloseable {

    /** One call as the server saw it. */
    record Call(String service, JsonNode body, long startNanos, long endNanos) {
        String stepId() {
            String requestId = body.path("request_id").asText();
            return requestId.substring(requestId.indexOf(':') + 1);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> headers = new ConcurrentHashMap<>();

    FakeAgents(long delayMillis, Set<String> failing) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long start = System.nanoTime();
            JsonNode body = mapper.readTree(exchange.getRequestBody());
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String service = exchange.getRequestURI().getPath().split("/")[1];
            boolean fails = failing.contains(body.path("operation").asText());
            String answer = fails
                    ? "{\"request_id\":\"x\",\"success\":false,\"error\":\"no such order\",\"error_code\":\"NOT_FOUND\"}"
                    : "{\"request_id\":\"x\",\"success\":true,\"result\":{},\"execution_time\":0.001,"
                    + "\"timestamp\":\"2026-01-01T00:00:00Z\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            // recorded before the answer leaves, so a call that follows this one cannot be seen to start before it ends
            calls.add(new Call(service, body, start, System.nanoTime()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fails ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Each service key → its base URL on this server. */
    Map<String, String> urls(String... services) {
        Map<String, String> urls = new ConcurrentHashMap<>();
        for (String service : services) {
            urls.put(service, "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service);
        }
        return urls;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Map<String, String> lastHeaders() {
        return Map.copyOf(headers);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

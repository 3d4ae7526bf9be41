package com.autoretail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks' HTTP client: one JDK {@link HttpClient} (HTTP/1.1, kept-alive connections) shared by every
 * virtual-thread client, loopback only.
 */
final class FleetHttp {

    /** An answer: its status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TIMER_LINE = Pattern.compile(
            "^agent_operation_seconds_(sum|count)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern OPERATION = Pattern.compile("operation=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    ObjectMapper mapper() {
        return mapper;
    }

    Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    Answer delete(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).DELETE().build());
    }

    Answer post(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode json(Answer answer) throws IOException {
        return mapper.readTree(answer.body());
    }

    /**
     * The agent's own time per operation so far, from its {@code agent_operation_seconds} timer (successful
     * calls): operation → {sum seconds, count}.
     */
    Map<String, double[]> operationTimes(String agentUrl) throws IOException, InterruptedException {
        Answer answer = get(agentUrl + "/actuator/prometheus");
        Map<String, double[]> times = new HashMap<>();
        Matcher line = TIMER_LINE.matcher(answer.body());
        while (line.find()) {
            if (!line.group(2).contains("outcome=\"success\"")) {
                continue;
            }
            Matcher operation = OPERATION.matcher(line.group(2));
            if (operation.find()) {
                double[] sumCount = times.computeIfAbsent(operation.group(1), k -> new double[2]);
                sumCount[line.group(1).equals("sum") ? 0 : 1] += Double.parseDouble(line.group(3));
            }
        }
        return times;
    }

    /**
     * A value the service publishes to Prometheus: the first sample of {@code metric} whose labels contain
     * {@code label} (e.g. {@code quantile="0.5"}, or empty for any); NaN when there is none.
     */
    double metric(String serviceUrl, String metric, String label) throws IOException, InterruptedException {
        Matcher line = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
                .matcher(get(serviceUrl + "/actuator/prometheus").body());
        while (line.find()) {
            if (line.group(1).contains(label)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return Double.NaN;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}

package com.autoretail.bench.dag;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Calls a step's agent as the orchestrator does: {@code POST /execute} over HTTP/1.1 on a kept-alive JDK
 * {@link HttpClient} whose work runs on virtual threads, the body an {@link AgentServiceRequest} with the request_id
 * {@code workflow:step} (the step's idempotency key), the orchestrator's business context plus {@code workflow_id}
 * and {@code attempt}, the step's timeout; {@code X-API-Key} when one is given; the answer read into an
 * {@link AgentServiceResponse}. One attempt, no retry: in a benchmark every call succeeds or the workflow counts as
 * failed.
 */
public final class AgentCalls {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    private final Map<String, URI> executeUris = new HashMap<>();
    private final Map<String, Object> context;
    private final String apiKey;

    /**
     * @param agents  each service key → its agent's base URL
     * @param context the business context the orchestrator adds to every call (tenant, dealer, user)
     * @param apiKey  sent as {@code X-API-Key}, or null for none
     */
    public AgentCalls(Map<String, String> agents, Map<String, Object> context, String apiKey) {
        agents.forEach((service, url) -> executeUris.put(service, URI.create(url + "/execute")));
        this.context = Map.copyOf(context);
        this.apiKey = apiKey;
    }

    /** Runs {@code step} of workflow {@code requestId} once; its duration in nanoseconds, or {@link StepFailed}. */
    public long call(DagStep step, String requestId) throws IOException, InterruptedException {
        URI uri = executeUris.get(step.service());
        if (uri == null) {
            throw new StepFailed(step.id(), "no agent for service " + step.service());
        }
        Map<String, Object> stepContext = new HashMap<>(context);
        stepContext.put("workflow_id", requestId);
        stepContext.put("attempt", 1);
        AgentServiceRequest request = new AgentServiceRequest(requestId + ":" + step.id(), step.operation(),
                step.parameters(), stepContext, step.timeoutSeconds(), null);
        HttpRequest.Builder post = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(step.timeoutSeconds()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)));
        if (apiKey != null) {
            post.header("X-API-Key", apiKey);
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        AgentServiceResponse response = mapper.readValue(answer.body(), AgentServiceResponse.class);
        if (!response.success()) {
            throw new StepFailed(step.id(), "HTTP " + answer.statusCode() + ", " + response.errorCode() + ": "
                    + response.error());
        }
        return took;
    }
}

package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Calls {@code POST /execute} on a healthy instance of a service and returns the agent's envelope, whatever the
 * HTTP status, with whether the outcome is known. Each call is bounded by its own read timeout, never by
 * interrupting it, so a slow answer is a {@code TIMEOUT} whose outcome is unknown and the instance stays in
 * rotation; only a refused or unresolvable connection (nothing was sent) takes the instance out of rotation until
 * the next discovery round, as {@code UPSTREAM_UNAVAILABLE}.
 */
public class AgentClient {

    private static final Logger log = LoggerFactory.getLogger(AgentClient.class);

    /** The client span (and timer) of one call to an agent. */
    static final String OBSERVATION = "agent.client.execute";

    private static final Set<ErrorCode> UNKNOWN_OUTCOME = EnumSet.of(ErrorCode.TIMEOUT, ErrorCode.INTERNAL,
            ErrorCode.IN_PROGRESS, ErrorCode.UPSTREAM_ERROR);

    /** The agent's envelope, and whether the operation may have happened although the envelope says it failed. */
    public record Reply(AgentServiceResponse response, boolean inDoubt) {
    }

    private final HttpClient http;
    private final ServiceRegistry registry;
    private final ObjectMapper mapper;
    private final String apiKey;
    private final A2aAgentClient a2a;
    private final ObservationRegistry observations;

    /**
     * @param http   a client with the connect timeout; its requests carry their own read timeout
     * @param apiKey sent as {@code X-API-Key}, or null
     */
    public AgentClient(HttpClient http, ServiceRegistry registry, ObjectMapper mapper, String apiKey) {
        this(http, registry, mapper, apiKey, null, ObservationRegistry.NOOP);
    }

    /** @param a2a the client of the registry's A2A agents, or null when there are none */
    public AgentClient(HttpClient http, ServiceRegistry registry, ObjectMapper mapper, String apiKey,
                       A2aAgentClient a2a) {
        this(http, registry, mapper, apiKey, a2a, ObservationRegistry.NOOP);
    }

    public AgentClient(HttpClient http, ServiceRegistry registry, ObjectMapper mapper, String apiKey,
                       ObservationRegistry observations) {
        this(http, registry, mapper, apiKey, null, observations);
    }

    /**
     * @param a2a          the client of the registry's A2A agents, or null when there are none
     * @param observations every call is a client span ({@value #OBSERVATION}) whose {@code traceparent} the request
     *                     carries, so that the agent's spans are its children
     */
    public AgentClient(HttpClient http, ServiceRegistry registry, ObjectMapper mapper, String apiKey,
                       A2aAgentClient a2a, ObservationRegistry observations) {
        this.observations = observations;
        this.http = http;
        this.registry = registry;
        this.mapper = mapper;
        this.apiKey = apiKey;
        this.a2a = a2a;
    }

    /** One attempt: the agent's answer within {@code timeout}, or a failure saying why there is none. */
    public Reply execute(String service, AgentServiceRequest request, Duration timeout) {
        String url = registry.pick(service).orElse(null);
        if (url == null) {
            return new Reply(failure(request, ErrorCode.UPSTREAM_UNAVAILABLE,
                    "No healthy instance of service '" + service + "'"), false);
        }
        if (a2a != null && registry.isA2a(service)) {
            return a2a.execute(service, url, request, timeout);
        }
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(url + "/execute"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)));
        if (apiKey != null) {
            call.header("X-API-Key", apiKey);
        }
        RequestReplySenderContext<HttpRequest.Builder, Reply> context =
                new RequestReplySenderContext<>(HttpRequest.Builder::header, Kind.CLIENT);
        context.setCarrier(call);
        context.setRemoteServiceName(service);
        Observation observation = Observation.createNotStarted(OBSERVATION, () -> context, observations)
                .contextualName("execute " + service + "." + request.operation())
                .lowCardinalityKeyValue("service", service)
                .lowCardinalityKeyValue("operation", String.valueOf(request.operation()))
                .lowCardinalityKeyValue("http.request.method", "POST")
                .highCardinalityKeyValue("request_id", request.requestId())
                .start();
        try (Observation.Scope ignored = observation.openScope()) {
            Reply reply = send(service, url, request, call, timeout);
            context.setResponse(reply);
            observation.lowCardinalityKeyValue("outcome", reply.response().success() ? "success"
                    : String.valueOf(reply.response().errorCode()));
            if (!reply.response().success()) {
                observation.highCardinalityKeyValue("error", String.valueOf(reply.response().error()));
            }
            return reply;
        } finally {
            observation.stop();
        }
    }

    private Reply send(String service, String url, AgentServiceRequest request, HttpRequest.Builder call,
                       Duration timeout) {
        try {
            HttpResponse<byte[]> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
            return read(request, answer.statusCode(), answer.body());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            registry.markUnreachable(url, String.valueOf(e.getMessage()));
            // where the instance is stays in the log: callers see the service's name only
            log.warn("{} at {} refused the connection (request_id {})", service, url, request.requestId());
            return new Reply(failure(request, ErrorCode.UPSTREAM_UNAVAILABLE,
                    service + " refused the connection"), false);
        } catch (HttpTimeoutException e) {
            return new Reply(failure(request, ErrorCode.TIMEOUT, service + "." + request.operation()
                    + " did not answer within " + timeout.toMillis() + " ms"), true);
        } catch (IOException e) {
            // sent, or maybe sent: the connection broke before an answer
            log.warn("{} at {} closed the connection before answering (request_id {})", service, url,
                    request.requestId());
            return new Reply(failure(request, ErrorCode.UPSTREAM_ERROR, service
                    + " closed the connection before answering"), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(failure(request, ErrorCode.TIMEOUT, "Interrupted while calling " + service), true);
        }
    }

    /**
     * An envelope is taken as the agent wrote it; {@code TIMEOUT}, {@code INTERNAL}, {@code IN_PROGRESS} (the first
     * call under this request_id still runs) and {@code UPSTREAM_ERROR} (the dealer system failed while it may have
     * acted) leave the outcome unknown. Anything else from the agent is judged by its HTTP status.
     */
    private Reply read(AgentServiceRequest request, int status, byte[] body) {
        try {
            AgentServiceResponse response = mapper.readValue(body, AgentServiceResponse.class);
            if (response.success()) {
                return new Reply(response, false);
            }
            if (response.errorCode() != null) {
                return new Reply(response, UNKNOWN_OUTCOME.contains(response.errorCode()));
            }
        } catch (IOException e) {
            // not an envelope: judged by its status below
        }
        boolean serverSide = status >= 500;
        return new Reply(failure(request, serverSide ? ErrorCode.UPSTREAM_ERROR : ErrorCode.VALIDATION_ERROR,
                "Unreadable answer from the agent (HTTP " + status + ")"), serverSide);
    }

    /** Whether a failure with this code leaves the outcome unknown: the operation may have happened. */
    static boolean outcomeUnknown(ErrorCode code) {
        return UNKNOWN_OUTCOME.contains(code);
    }

    private byte[] body(AgentServiceRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unwritable request " + request.requestId(), e);
        }
    }

    static AgentServiceResponse failure(AgentServiceRequest request, ErrorCode code, String message) {
        return AgentServiceResponse.failure(request.requestId(), code, message, null, 0,
                Map.of("operation", String.valueOf(request.operation())));
    }
}

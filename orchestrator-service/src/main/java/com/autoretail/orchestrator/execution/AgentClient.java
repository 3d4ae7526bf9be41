package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.util.Map;

/**
 * Calls {@code POST /execute} on a healthy instance of a service and returns the agent's envelope, whatever
 * the HTTP status. An unreachable instance is taken out of rotation and answered as
 * {@code UPSTREAM_UNAVAILABLE}; an answer that is not an envelope as {@code UPSTREAM_ERROR}.
 */
public class AgentClient {

    private final RestClient http;
    private final ServiceRegistry registry;
    private final ObjectMapper mapper;

    public AgentClient(RestClient http, ServiceRegistry registry, ObjectMapper mapper) {
        this.http = http;
        this.registry = registry;
        this.mapper = mapper;
    }

    public AgentServiceResponse execute(String service, AgentServiceRequest request) {
        String url = registry.pick(service).orElse(null);
        if (url == null) {
            return failure(request, ErrorCode.UPSTREAM_UNAVAILABLE, "No healthy instance of service '" + service + "'");
        }
        try {
            return http.post().uri(url + "/execute").body(request)
                    .exchange((req, res) -> read(request, res.getStatusCode(), res.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            registry.markUnreachable(url, e.getMessage());
            return failure(request, ErrorCode.UPSTREAM_UNAVAILABLE, service + " at " + url + " is unreachable: "
                    + rootMessage(e));
        }
    }

    private AgentServiceResponse read(AgentServiceRequest request, HttpStatusCode status, byte[] body) {
        try {
            AgentServiceResponse response = mapper.readValue(body, AgentServiceResponse.class);
            if (response.success() || response.errorCode() != null) {
                return response;
            }
        } catch (IOException e) {
            // not an envelope: judged by its status below
        }
        ErrorCode code = status.is5xxServerError() ? ErrorCode.UPSTREAM_ERROR
                : status.is4xxClientError() ? ErrorCode.VALIDATION_ERROR : ErrorCode.UPSTREAM_ERROR;
        return failure(request, code, "Unreadable answer from the agent (HTTP " + status.value() + ")");
    }

    static AgentServiceResponse failure(AgentServiceRequest request, ErrorCode code, String message) {
        return AgentServiceResponse.failure(request.requestId(), code, message, null, 0,
                Map.of("operation", String.valueOf(request.operation())));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

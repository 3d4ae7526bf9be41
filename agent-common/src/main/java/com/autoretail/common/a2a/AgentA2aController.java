package com.autoretail.common.a2a;

import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.OperationRunner;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.MethodNotFoundError;
import io.a2a.spec.Part;
import io.a2a.spec.SendMessageRequest;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TextPart;
import io.a2a.spec.UnsupportedOperationError;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agent on A2A: its card, derived from its capabilities, and {@code message/send}, where a DataPart
 * {@code {"operation", "parameters"}} runs the operation through the same runner as {@code /execute} (so the same
 * validation, timeouts and idempotency: the key is {@code idempotency_key} in the message's or the request's
 * metadata, else the message id). The answer is a Task under that key: {@code completed} with the result as a
 * DataPart artifact, or {@code failed} with the error as the status message; its metadata carries
 * {@code error_code}, {@code replayed} and {@code execution_time}.
 */
@RestController
public class AgentA2aController {

    private final BaseAgentService agent;
    private final OperationRunner runner;
    private final A2aProperties properties;
    private final SecurityMode security;
    private final String version;
    private final ObjectMapper mapper;

    public AgentA2aController(BaseAgentService agent, OperationRunner runner, A2aProperties properties,
                              SecurityMode security, String version, ObjectMapper mapper) {
        this.agent = agent;
        this.runner = runner;
        this.properties = properties;
        this.security = security;
        this.version = version;
        this.mapper = mapper;
    }

    @GetMapping(value = A2aProtocol.CARD_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    String card() {
        List<OperationSpec> operations = agent.getAvailableOperations();
        Capabilities capabilities = new Capabilities(agent.info().serviceName(), agent.info().serviceKey(),
                agent.info().description(), version, operations,
                operations.stream().filter(op -> op.source() == OperationSource.MCP).map(OperationSpec::name).toList());
        return A2aProtocol.json(AgentCards.forAgent(capabilities, AgentCards.baseUrl(properties), security));
    }

    @PostMapping(value = A2aProtocol.ENDPOINT, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> call(@RequestBody(required = false) String body) {
        Object id = null;
        try {
            A2aProtocol.Call call = A2aProtocol.read(body);
            id = call.id();
            return A2aProtocol.answer(A2aProtocol.result(id, switch (call.method()) {
                case A2aProtocol.SEND -> send(call.params(SendMessageRequest.class).getParams());
                case A2aProtocol.STREAM, A2aProtocol.GET_TASK, A2aProtocol.CANCEL_TASK ->
                        throw new UnsupportedOperationError(null, "An agent answers message/send only, at once: its "
                                + "tasks end in the answer", null);
                default -> throw A2aProtocol.NOT_OFFERED.contains(call.method())
                        ? new UnsupportedOperationError() : new MethodNotFoundError();
            }));
        } catch (JSONRPCError error) {
            return A2aProtocol.answer(A2aProtocol.error(id != null ? id : A2aProtocol.idOf(body), error));
        }
    }

    private Task send(MessageSendParams params) {
        Message message = params.message();
        DataPart call = message.getParts().stream().filter(DataPart.class::isInstance).map(DataPart.class::cast)
                .findFirst().orElseThrow(() -> new InvalidParamsError(
                        "message.parts: a DataPart {\"operation\": ..., \"parameters\": {...}} is required"));
        Object operation = call.getData().get("operation");
        if (!(operation instanceof String name) || name.isBlank()) {
            throw new InvalidParamsError("operation: the id of one of the card's skills is required");
        }
        Object parameters = call.getData().getOrDefault("parameters", Map.of());
        if (!(parameters instanceof Map<?, ?>)) {
            throw new InvalidParamsError("parameters: must be an object");
        }
        Map<String, Object> metadata = message.getMetadata() == null ? Map.of() : message.getMetadata();
        String key = A2aProtocol.idempotencyKey(params);
        String requestId = key == null ? UUID.randomUUID().toString() : key;
        Map<String, Object> context = metadata.get(A2aProtocol.CONTEXT) instanceof Map<?, ?> given
                ? stringKeys(given) : Map.of();
        AgentServiceResponse response = runner.execute(new AgentServiceRequest(requestId, name,
                stringKeys((Map<?, ?>) parameters), context, null, null));
        return task(response, message.getContextId(), name);
    }

    private Task task(AgentServiceResponse response, String contextId, String operation) {
        Map<String, Object> metadata = new LinkedHashMap<>(response.metadata());
        metadata.put("execution_time", response.executionTime());
        if (response.errorCode() != null) {
            metadata.put("error_code", response.errorCode().name());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Task.Builder task = new Task.Builder()
                .id(response.requestId())
                .contextId(contextId == null ? response.requestId() : contextId)
                .metadata(metadata);
        if (response.success()) {
            task.status(new TaskStatus(TaskState.COMPLETED, null, now))
                    .artifacts(List.of(new Artifact.Builder().artifactId(response.requestId()).name(operation)
                            .parts(List.<Part<?>>of(new DataPart(asMap(response.result())))).build()));
        } else {
            Message why = new Message.Builder().role(Message.Role.AGENT).messageId(UUID.randomUUID().toString())
                    .taskId(response.requestId()).contextId(contextId)
                    .parts(List.<Part<?>>of(new TextPart(String.valueOf(response.error())))).build();
            task.status(new TaskStatus(TaskState.FAILED, why, now));
            if (response.result() != null) {
                task.artifacts(List.of(new Artifact.Builder().artifactId(response.requestId()).name("error details")
                        .parts(List.<Part<?>>of(new DataPart(asMap(response.result())))).build()));
            }
        }
        return task.build();
    }

    /** A result as a DataPart's object: an object as it is, anything else under {@code value}. */
    private Map<String, Object> asMap(Object result) {
        Object plain = mapper.convertValue(result, Object.class);
        if (plain instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", plain);
        return wrapped;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}

package com.autoretail.common.a2a;

import com.autoretail.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.InvalidRequestError;
import io.a2a.spec.JSONParseError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.JSONRPCErrorResponse;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.util.Utils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The A2A JSON-RPC framing shared by every service of the fleet: where the card and the endpoint are, reading a call
 * (a malformed one is a JSON-RPC error, never a stack trace), writing a result or an error. Bodies are written with
 * the SDK's own mapper, so the protocol's camelCase names and {@code kind} discriminators are exactly the SDK's.
 */
public final class A2aProtocol {

    /** Where every service publishes its Agent Card (open, like {@code /health}). */
    public static final String CARD_PATH = "/.well-known/agent-card.json";
    /** The JSON-RPC endpoint of every service. */
    public static final String ENDPOINT = "/a2a";
    /** The A2A protocol version the cards announce: the one of the SDK's types. */
    public static final String PROTOCOL_VERSION = "0.3.0";
    /**
     * The card extension that carries each operation's parameter schema (skills carry none):
     * {@code params: {"operations": {name: schema}, "compensations": {name: undo}}}.
     */
    public static final String OPERATIONS_EXTENSION = "https://autoretail.example/a2a/extensions/operations/v1";
    /** Message or request metadata naming the idempotency key of a call; the message id when absent. */
    public static final String IDEMPOTENCY_KEY = "idempotency_key";
    /** Message metadata carrying the business context of a call (tenant, workflow). */
    public static final String CONTEXT = "context";
    /** Tags of a skill: {@code risk:<tier>}, {@code source:<source>}. */
    public static final String RISK_TAG = "risk:";
    public static final String SOURCE_TAG = "source:";

    /** JSON-RPC's implementation-defined server error, for the fleet's own failures (data: status, error_code). */
    public static final int SERVER_ERROR = -32000;

    public static final String SEND = "message/send";
    public static final String STREAM = "message/stream";
    public static final String GET_TASK = "tasks/get";
    public static final String CANCEL_TASK = "tasks/cancel";
    /** A task's stream again; offered by the orchestrator only (an agent's task is final when it answers). */
    public static final String RESUBSCRIBE = "tasks/resubscribe";
    /** The protocol's other methods: known, but not offered by this fleet. */
    public static final Set<String> NOT_OFFERED = Set.of(RESUBSCRIBE, "tasks/pushNotificationConfig/set",
            "tasks/pushNotificationConfig/get", "tasks/pushNotificationConfig/list",
            "tasks/pushNotificationConfig/delete", "agent/getAuthenticatedExtendedCard");

    private A2aProtocol() {
    }

    /** One JSON-RPC call: its id, its method and the whole request, whose params are read by {@link #params}. */
    public record Call(Object id, String method, JsonNode request) {

        /** The request as the SDK's request type of its method ({@code SendMessageRequest}, ...). */
        public <T> T params(Class<T> requestType) {
            try {
                return Utils.OBJECT_MAPPER.treeToValue(request, requestType);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new InvalidParamsError("Invalid params for " + method + ": see the A2A specification of "
                        + "its params (a message needs kind \"message\", role, messageId and parts)");
            }
        }
    }

    /**
     * Reads a JSON-RPC request.
     *
     * @throws JSONRPCError a parse error or an invalid request, to be answered as it is
     */
    public static Call read(String body) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : Utils.OBJECT_MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new JSONParseError("The body is not JSON");
        }
        if (request == null || !request.isObject()) {
            throw new InvalidRequestError("A JSON-RPC 2.0 request object is required");
        }
        JsonNode idNode = request.get("id");
        Object id = id(idNode);
        if (idNode != null && !idNode.isNull() && id == null) {
            throw new InvalidRequestError("id: a string or a 32-bit integer");
        }
        if (!"2.0".equals(request.path("jsonrpc").asText(null))) {
            throw new InvalidRequestError("jsonrpc: must be \"2.0\"");
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual() || method.asText().isBlank()) {
            throw new InvalidRequestError("method: is required");
        }
        return new Call(id, method.asText(), request);
    }

    /** The id of a request that could not be read as a call, when it has one (else null, as JSON-RPC says). */
    public static Object idOf(String body) {
        try {
            return id(Utils.OBJECT_MAPPER.readTree(body).get("id"));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** A request id as the SDK takes it: a string or an int; null for anything else. */
    private static Object id(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual()) {
            return id.asText();
        }
        return id.isIntegralNumber() && id.canConvertToInt() ? id.asInt() : null;
    }

    /**
     * A failure of the fleet as a JSON-RPC error: a 400 is invalid params; anything else a server error
     * ({@value #SERVER_ERROR}) whose data says its HTTP status and {@code error_code}, as the REST endpoints would.
     */
    public static JSONRPCError fromProblem(ProblemException problem) {
        if (problem.status() == HttpStatus.BAD_REQUEST) {
            return new InvalidParamsError(problem.getMessage());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", problem.status().value());
        Object code = problem.properties().get("error_code");
        data.put("error_code", code != null ? code : problem.status().name());
        return new JSONRPCError(SERVER_ERROR, problem.getMessage(), data);
    }

    /**
     * The idempotency key of a message: {@code idempotency_key} in the message's metadata, else in the request's,
     * else the message id.
     */
    public static String idempotencyKey(MessageSendParams params) {
        Message message = params.message();
        for (Map<String, Object> metadata : java.util.Arrays.asList(message.getMetadata(), params.metadata())) {
            if (metadata != null && metadata.get(IDEMPOTENCY_KEY) != null) {
                return metadata.get(IDEMPOTENCY_KEY).toString();
            }
        }
        return message.getMessageId();
    }

    /** A result, as a JSON-RPC response body. */
    public static String result(Object id, Object result) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", id);
        response.put("result", result);
        return Utils.toJsonString(response);
    }

    /** An error, as a JSON-RPC response body. */
    public static String error(Object id, JSONRPCError error) {
        return Utils.toJsonString(new JSONRPCErrorResponse(id, error));
    }

    /** A JSON-RPC response: always HTTP 200, the outcome is in the body. */
    public static ResponseEntity<String> answer(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A value of the SDK's types, written as the protocol names it (for cards and SSE events). */
    public static String json(Object value) {
        return Utils.toJsonString(value);
    }
}

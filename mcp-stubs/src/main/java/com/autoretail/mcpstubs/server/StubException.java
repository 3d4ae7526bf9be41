package com.autoretail.mcpstubs.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused tool call. Its message is the wire form of the refusal,
 * {@code {"error_code":"...","message":"...","details":{...}}}: the MCP tool callback turns an
 * exception into an {@code isError} result whose text is the exception's message, so the JSON
 * reaches the client intact.
 */
public class StubException extends RuntimeException {

    private final ToolErrorCode errorCode;

    private final String reason;

    private final Map<String, Object> details;

    public StubException(ToolErrorCode errorCode, String reason, Map<String, ?> details) {
        super(StubJson.write(body(errorCode, reason, details)));
        this.errorCode = errorCode;
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    public static StubException notFound(String entity, String id) {
        return new StubException(ToolErrorCode.NOT_FOUND, entity.replace('_', ' ') + " " + id + " not found",
                Map.of("entity", entity, "id", id));
    }

    public static StubException conflict(String reason, Map<String, ?> details) {
        return new StubException(ToolErrorCode.CONFLICT, reason, details);
    }

    public static StubException invalid(String field, String reason) {
        return new StubException(ToolErrorCode.VALIDATION_ERROR, reason, Map.of("field", field));
    }

    public ToolErrorCode errorCode() {
        return this.errorCode;
    }

    /** The human-readable part of the refusal. */
    public String reason() {
        return this.reason;
    }

    public Map<String, Object> details() {
        return this.details;
    }

    private static Map<String, Object> body(ToolErrorCode errorCode, String reason, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode.name());
        body.put("message", reason);
        body.put("details", details);
        return body;
    }

}

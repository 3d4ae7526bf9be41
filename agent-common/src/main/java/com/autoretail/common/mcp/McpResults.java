package com.autoretail.common.mcp;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads MCP tool results, and maps tool errors by the fleet's convention.
 *
 * <p><b>The error convention.</b> A tool refuses a call with an MCP tool error ({@code isError: true}) whose
 * first text content is a JSON object {@code {"error_code": "NOT_FOUND", "message": "...", "details": {...}}}.
 * {@code NOT_FOUND}, {@code CONFLICT}, {@code VALIDATION_ERROR} and {@code IDEMPOTENCY_KEY_REUSED} (the call's
 * idempotency key was used with other arguments) are answered as such, with {@code details}
 * as the envelope's {@code result}; any other code, or an error that is not such JSON, is an
 * {@code UPSTREAM_ERROR} with a generic message, the tool's own text in the log only.
 */
public final class McpResults {

    private static final Set<ErrorCode> TOOL_ERROR_CODES =
            Set.of(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.VALIDATION_ERROR, ErrorCode.IDEMPOTENCY_KEY_REUSED);

    private static final Logger log = LoggerFactory.getLogger(McpResults.class);

    private McpResults() {
    }

    /** The structured content, else the JSON held by the text content, else the text itself. */
    public static Object read(McpSchema.CallToolResult result, ObjectMapper mapper) {
        List<String> texts = result.content() == null ? List.of() : result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .toList();
        if (Boolean.TRUE.equals(result.isError())) {
            throw toolError(texts.isEmpty() ? "" : texts.get(0), mapper);
        }
        if (result.structuredContent() != null) {
            return result.structuredContent();
        }
        if (texts.isEmpty()) {
            return Map.of();
        }
        if (texts.size() == 1) {
            return parse(texts.get(0), mapper);
        }
        return texts.stream().map(text -> parse(text, mapper)).toList();
    }

    static AgentException toolError(String text, ObjectMapper mapper) {
        JsonNode json = tryParse(text, mapper);
        if (json == null || !json.isObject() || !json.hasNonNull("error_code")) {
            // not the convention: the dealer system's own text, which may name its internals, stays in the log
            log.warn("MCP tool error outside the convention: {}", text.isBlank() ? "no message" : text);
            return new AgentException(ErrorCode.UPSTREAM_ERROR,
                    "The dealer system failed the call; see the agent's log for the request_id");
        }
        ErrorCode code = ErrorCode.fromName(json.get("error_code").asText(), ErrorCode.UPSTREAM_ERROR);
        if (!TOOL_ERROR_CODES.contains(code)) {
            code = ErrorCode.UPSTREAM_ERROR;
        }
        String message = json.hasNonNull("message") ? json.get("message").asText() : text;
        Object details = json.hasNonNull("details") ? mapper.convertValue(json.get("details"), Object.class) : null;
        return new AgentException(code, message, details);
    }

    private static Object parse(String text, ObjectMapper mapper) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return mapper.readValue(trimmed, Object.class);   // straight to maps and lists, no tree between
            } catch (JsonProcessingException e) {
                // not JSON after all: the text itself
            }
        }
        return Map.of("text", text);
    }

    private static JsonNode tryParse(String text, ObjectMapper mapper) {
        String trimmed = text == null ? "" : text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            return mapper.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

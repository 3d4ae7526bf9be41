package com.autoretail.mcpstubs.server;

import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** Builds tool answers: one JSON text content (what agents read) and the same object as structured content. */
public final class ToolResults {

    private ToolResults() {
    }

    public static CallToolResult ok(Object body) {
        Map<String, Object> json = StubJson.toMap(body);
        return CallToolResult.builder().addTextContent(StubJson.write(json)).structuredContent(json).build();
    }

    static CallToolResult refused(StubException refusal) {
        return CallToolResult.builder().isError(true).addTextContent(refusal.getMessage()).build();
    }

}
